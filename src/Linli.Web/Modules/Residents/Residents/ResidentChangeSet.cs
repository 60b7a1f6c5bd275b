using System.Globalization;
using Linli.Data;
using Linli.Platform.OrgScope;

namespace Linli.Modules.Residents;

// Collects the fields a write changes and turns them into ResidentChange rows of the same save.
// Values are stored language-neutral (API names of choices, ISO dates); pages label them when shown.
public sealed class ResidentChangeSet
{
    readonly List<(string Field, string? Old, string? New, bool Sensitive)> items = [];

    public IReadOnlyList<(string Field, string? Old, string? New, bool Sensitive)> Items => items;

    public void Set<T>(string field, T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value)) return;
        items.Add((field, Show(current), Show(value), false));
        assign(value);
    }

    public void Add(string field, string? oldValue, string? newValue, bool sensitive = false) =>
        items.Add((field, oldValue, newValue, sensitive));

    public void Clear() => items.Clear();

    public void WriteTo(AppDbContext db, Resident resident, TimeProvider time)
    {
        foreach (var change in Rows(resident, db.CurrentUser, time.GetUtcNow().UtcDateTime))
        {
            change.Resident = resident;
            db.ResidentChanges.Add(change);
        }
        items.Clear();
    }

    /// <summary>The history rows of the collected fields, untracked (the bulk import writes them itself; ResidentId is the caller's).</summary>
    public IEnumerable<ResidentChange> Rows(Resident resident, CurrentUser user, DateTime at) =>
        items.Select(i => new ResidentChange
        {
            ResidentId = resident.Id, Field = i.Field, OldValue = Cut(i.Old), NewValue = Cut(i.New), Sensitive = i.Sensitive,
            ChangedById = user.UserId, ChangedBy = user.UserName, ChangedAt = at, OrgPath = resident.OrgPath,
        }).ToList();

    static string? Show<T>(T value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    static string? Cut(string? s) => s is { Length: > 1000 } ? s[..1000] : s;
}
