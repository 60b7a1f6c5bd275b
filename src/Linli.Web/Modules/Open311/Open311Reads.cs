using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Organization;

namespace Linli.Modules.Open311;

// Open311 读取 the only place Open311 looks past the org scope. GeoReport GETs are public city-wide and anonymous, so
// there is no caller scope: every query here projects public fields only (never reporter, contact, staff notes or
// non-public steps), and the api_key lookup finds the client a POST acts as.
public static class Open311Reads
{
    public sealed record RequestRow(long Id, string Ticket, MatterState State, string ServiceName, string? ServiceCode, string Description,
        string? Agency, string? Result, string? LastPublicNote, DateTime? LastPublicAt, DateTime CreatedAt, DateTime? ClosedAt,
        DateTime? AcceptDueAt, DateTime? ResolveDueAt, string? Address, double? Latitude, double? Longitude, string? MediaUrl);

    public sealed record UpdateRow(long Id, string Ticket, MatterEventType Type, DateTime At, string? Note);

    public sealed record Jurisdiction(bool Found, string? Path);

    /// <summary><c>jurisdiction_id</c> is the code of a city (市) unit; absent means the whole install.</summary>
    public static async Task<Jurisdiction> JurisdictionAsync(AppDbContext db, string? jurisdictionId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(jurisdictionId)) return new(true, null);
        var code = jurisdictionId.Trim();
        var path = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Code == code && u.Level == OrgLevel.City && u.Active)
            .Select(u => u.OrgPath).FirstOrDefaultAsync(ct);
        return new(path is not null, path);
    }

    /// <summary>Every matter of the jurisdiction (public city-wide), for the filters of GET requests.</summary>
    public static IQueryable<Matter> Matters(AppDbContext db, string? cityPath)
    {
        var q = db.Matters.IgnoreQueryFilters().AsNoTracking();
        return cityPath is null ? q : q.Where(m => m.OrgPath.StartsWith(cityPath));
    }

    public static Task<List<RequestRow>> RequestRowsAsync(AppDbContext db, IQueryable<Matter> matters, int take, CancellationToken ct) =>
        matters.IgnoreQueryFilters().OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take).Select(m => new RequestRow(
            m.Id, m.TicketNumber, m.State, m.CategoryName,
            db.MatterCategories.Where(c => c.Id == m.CategoryId).Select(c => c.Code).FirstOrDefault(),
            m.Description,
            m.HandlingDepartmentId != null
                ? db.Departments.Where(d => d.Id == m.HandlingDepartmentId).Select(d => d.Name).FirstOrDefault()
                : db.OrgUnits.Where(u => u.Id == (m.HandlingUnitId ?? m.RegisteredByUnitId)).Select(u => u.Name).FirstOrDefault(),
            m.Result,
            db.MatterEvents.Where(e => e.MatterId == m.Id && e.IsPublic && e.Note != null)
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault(),
            db.MatterEvents.Where(e => e.MatterId == m.Id && e.IsPublic).Max(e => (DateTime?)e.At),
            m.CreatedAt, m.ClosedAt, m.AcceptDueAt, m.ResolveDueAt, m.Address, m.Latitude, m.Longitude,
            db.Set<Open311Submission>().Where(s => s.MatterId == m.Id).Select(s => s.MediaUrl).FirstOrDefault()))
            .ToListAsync(ct);

    /// <summary>Public steps only, oldest first: what FixMyStreet-style clients follow.</summary>
    public static Task<List<UpdateRow>> UpdatesAsync(AppDbContext db, string? cityPath, DateTime fromUtc, DateTime toUtc, int take, CancellationToken ct) =>
        db.MatterEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.IsPublic && e.At >= fromUtc && e.At <= toUtc && (cityPath == null || e.OrgPath.StartsWith(cityPath)))
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(take)
            .Select(e => new UpdateRow(e.Id, db.Matters.Where(m => m.Id == e.MatterId).Select(m => m.TicketNumber).First(), e.Type, e.At, e.Note))
            .ToListAsync(ct);

    /// <summary>The ticket number a token of the token flow stands for; null when unknown (or outside the jurisdiction).</summary>
    public static Task<string?> TicketForTokenAsync(AppDbContext db, string token, string? cityPath, CancellationToken ct) =>
        db.Set<Open311Submission>().IgnoreQueryFilters().AsNoTracking().Where(s => s.Token == token)
            .SelectMany(s => db.Matters.Where(m => m.Id == s.MatterId && (cityPath == null || m.OrgPath.StartsWith(cityPath))))
            .Select(m => m.TicketNumber).FirstOrDefaultAsync(ct);

    /// <summary>The active client holding this api_key, with its bound unit's path; null for a missing, wrong or revoked key.</summary>
    public static async Task<(Open311Client Client, string UnitPath)?> ClientByKeyAsync(AppDbContext db, string? apiKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 200) return null;
        var hash = Open311Client.Hash(apiKey);
        var found = await db.Set<Open311Client>().IgnoreQueryFilters().AsNoTracking().Where(c => c.KeyHash == hash && c.Active)
            .Select(c => new { Client = c, Path = db.OrgUnits.Where(u => u.Id == c.OrgUnitId && u.Active).Select(u => u.OrgPath).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return found?.Path is null ? null : (found.Client, found.Path);
    }
}
