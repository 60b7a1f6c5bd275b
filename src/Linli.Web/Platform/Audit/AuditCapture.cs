using System.Text.Encodings.Web;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Linli.Platform.Audit;

/// <summary>Snapshots tracked changes before a save, so the audit rows can carry before/after values.</summary>
public static class AuditCapture
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese readable in the log
    };

    // Rows that are themselves security records, or would only echo a secret.
    static readonly HashSet<Type> Skipped = [typeof(AuditEntry), typeof(ApiToken), typeof(PasswordHistoryEntry), typeof(IdentityUserToken<string>)];

    static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    // Updates touching only these are login bookkeeping, recorded as explicit login events instead.
    static readonly HashSet<string> Bookkeeping = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp", "SecurityStamp", "LastLoginAt"];

    public static List<CapturedChange> Capture(ChangeTracker tracker)
    {
        var list = new List<CapturedChange>();
        foreach (var entry in tracker.Entries())
        {
            // Append-only: rows enter the log only through AuditWriter, and nothing in the app changes them.
            if (entry.Metadata.ClrType == typeof(AuditEntry) && entry.State is not (EntityState.Unchanged or EntityState.Detached))
                throw new InvalidOperationException("The audit log is append-only: record events with AppDbContext.AddAuditEvent.");
            if (Skipped.Contains(entry.Metadata.ClrType) || entry.Metadata.IsOwned()) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    list.Add(new CapturedChange(entry, "Create", null));
                    break;
                case EntityState.Deleted:
                    list.Add(new CapturedChange(entry, "Delete", Values(entry, original: true, onlyModified: false)));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList();
                    if (changed.Count == 0 || changed.All(Bookkeeping.Contains)) continue;
                    list.Add(new CapturedChange(entry, "Update", Values(entry, original: true, onlyModified: true)));
                    break;
            }
        }
        return list;
    }

    /// <summary>
    /// The "Create" row a save would write for <paramref name="entity"/>, for rows a bulk writer inserts around the
    /// change tracker: same action, object, and values in the same order, so the log reads the same either way.
    /// </summary>
    public static AuditEntry Created(IEntityType type, object entity, CurrentUser user)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in type.GetProperties())
            values[p.Name] = Redacted.Contains(p.Name) ? "***" : p.IsShadowProperty() ? null : p.GetGetter().GetClrValue(entity);
        var key = type.FindPrimaryKey()!.Properties.Select(p => values[p.Name]?.ToString());
        var name = type.ClrType.Name;
        return AuditWriter.NewEntry(user, $"{name}.Create", name, string.Join(",", key), AuditOutcome.Success, null, values);
    }

    internal static Dictionary<string, object?> Values(EntityEntry entry, bool original, bool onlyModified)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (onlyModified && (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue))) continue;
            var name = p.Metadata.Name;
            values[name] = Redacted.Contains(name) ? "***" : original ? p.OriginalValue : p.CurrentValue;
        }
        return values;
    }
}

public sealed class CapturedChange(EntityEntry entry, string kind, Dictionary<string, object?>? before)
{
    public AuditEntry ToEntry(CurrentUser user, string? action)
    {
        var type = entry.Metadata.ClrType.Name;
        // After the save, so generated keys are known.
        var after = kind switch
        {
            "Create" => AuditCapture.Values(entry, original: false, onlyModified: false),
            "Update" => before!.Keys.ToDictionary(k => k, k => before[k] is "***" ? "***" : entry.Property(k).CurrentValue),
            _ => null,
        };
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
        return AuditWriter.NewEntry(user, action ?? $"{type}.{kind}", type, string.Join(",", key), AuditOutcome.Success, before, after);
    }
}
