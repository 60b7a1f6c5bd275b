using System.Globalization;
using Linli.Data;

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
        var at = time.GetUtcNow().UtcDateTime;
        foreach (var (field, oldValue, newValue, sensitive) in items)
            db.ResidentChanges.Add(new ResidentChange
            {
                Resident = resident, Field = field, OldValue = Cut(oldValue), NewValue = Cut(newValue), Sensitive = sensitive,
                ChangedById = db.CurrentUser.UserId, ChangedBy = db.CurrentUser.UserName, ChangedAt = at, OrgPath = resident.OrgPath,
            });
        items.Clear();
    }

    static string? Show<T>(T value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    static string? Cut(string? s) => s is { Length: > 1000 } ? s[..1000] : s;
}
