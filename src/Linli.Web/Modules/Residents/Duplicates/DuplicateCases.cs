using Linli.Data;

namespace Linli.Modules.Residents;

// 疑似重复登记 opening and reading duplicate cases. A case is opened where a registration is refused because a
// record the caller cannot see already holds the ID number; each side reads the case through its own row.
public static class DuplicateCases
{
    public static string Url(long caseId) => $"/residents/duplicates/{caseId}";

    /// <summary>What a caller may know of a case: the record itself only on the holder side (and if still visible).</summary>
    public sealed record CaseView(long Id, DuplicateStatus Status, bool HolderSide, bool ClaimantSide, long? ResidentId, string? ResidentName,
        string? HolderUnit, string? ClaimingUnit, string ClaimedName, string? ClaimedAddress, string? ClaimedBy, DateTime ClaimedAt, int Attempts,
        DateTime OpenedAt, string? ResolvedBy, DateTime? ResolvedAt, string? ResolutionNote);

    /// <summary>
    /// Opens a case for a refused registration of <paramref name="idNumberIndex"/> (or counts one more attempt on the
    /// open case of the same record and claiming unit) and returns its id. Null when nobody else holds the number
    /// or the caller can see the holder (then there is nothing to flag: they can open the record).
    /// </summary>
    public static async Task<long?> ClaimAsync(AppDbContext db, TimeProvider time, string idNumberIndex, long? exceptResidentId,
        long? claimingUnitId, long? claimedHouseId, string? claimedName, CancellationToken ct)
    {
        var except = exceptResidentId ?? 0;
        var holder = await db.Residents.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(r => r.IdNumberIndex == idNumberIndex && r.Id != except)
            .Select(r => new { r.Id, r.OrgUnitId, r.OrgPath }).SingleOrDefaultAsync(ct);
        if (holder is null || db.CurrentUser.CanSee(holder.OrgPath)) return null;
        if ((claimingUnitId ?? db.CurrentUser.OrgUnitId) is not { } unitId) return null;
        var unitPath = await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(u => u.Id == unitId).Select(u => u.OrgPath).SingleOrDefaultAsync(ct);
        if (unitPath is null || !db.CurrentUser.CanSee(unitPath)) return null;

        var now = time.GetUtcNow().UtcDateTime;
        var name = string.IsNullOrWhiteSpace(claimedName) ? "—" : claimedName.Trim() is { Length: > 50 } n ? n[..50] : claimedName.Trim();
        var user = db.CurrentUser;
        // Both rows of the open case, the holder's row included though the caller cannot see it.
        var open = await db.DuplicateFlags.IgnoreQueryFilters()
            .Where(f => f.ResidentId == holder.Id && f.ClaimingUnitId == unitId && f.Status == DuplicateStatus.Open).ToListAsync(ct);
        db.AuditAction = "Resident.DuplicateClaim";
        if (open.Count > 0)
        {
            foreach (var f in open)
            {
                (f.ClaimedName, f.ClaimedBy, f.ClaimedById, f.ClaimedAt) = (name, user.UserName, user.UserId, now);
                f.ClaimedHouseId = claimedHouseId ?? f.ClaimedHouseId;
                f.Attempts++;
            }
            await db.SaveChangesAsync(ct);
            return open[0].CaseId;
        }
        DuplicateFlag Row(DuplicateSide side, string path) => new()
        {
            Side = side, ResidentId = holder.Id, HolderUnitId = holder.OrgUnitId, ClaimingUnitId = unitId, ClaimedHouseId = claimedHouseId,
            ClaimedName = name, ClaimedBy = user.UserName, ClaimedById = user.UserId, ClaimedAt = now, OpenedAt = now, Attempts = 1,
            Status = DuplicateStatus.Open, OrgPath = path,
        };
        var holderRow = Row(DuplicateSide.Holder, holder.OrgPath);
        var claimantRow = Row(DuplicateSide.Claimant, unitPath);
        claimantRow.Holder = holderRow;
        db.DuplicateFlags.AddRange(holderRow, claimantRow);
        await db.SaveChangesAsync(ct);
        return holderRow.Id;
    }

    /// <summary>The message of a refused import row, naming the case it opened.</summary>
    public static async Task<string> ImportRowMessageAsync(AppDbContext db, TimeProvider time, string idNumberIndex, long? houseId, string? name,
        string message, CancellationToken ct)
    {
        var claimingUnit = houseId is { } id ? await db.Houses.Where(h => h.Id == id).Select(h => (long?)h.GridId).SingleOrDefaultAsync(ct) : null;
        return await ClaimAsync(db, time, idNumberIndex, null, claimingUnit, houseId, name, ct) is { } caseId
            ? message + Loc.T($"已登记为疑似重复 #{caseId}（{Url(caseId)}），对方单位和街道可见。", $" Recorded as suspected duplicate #{caseId} ({Url(caseId)}), visible to the other unit and the street.")
            : message;
    }

    /// <summary>Cases whose ids are given, as the caller may see them, newest first.</summary>
    public static async Task<List<CaseView>> LoadAsync(AppDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return [];
        var rows = await db.DuplicateFlags.AsNoTracking().Where(f => caseIds.Contains(f.HolderFlagId ?? f.Id)).ToListAsync(ct);
        var unitIds = rows.SelectMany(f => new[] { f.HolderUnitId, f.ClaimingUnitId }).Distinct().ToList();
        // Unit names only, like breadcrumbs: each side learns the other unit's name, nothing more.
        var units = await db.OrgUnits.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking()
            .Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var residentIds = rows.Where(f => f.Side == DuplicateSide.Holder).Select(f => f.ResidentId).Distinct().ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var addresses = await ClaimedAddressesAsync(db, rows.Where(f => f.ClaimedHouseId != null).Select(f => f.ClaimedHouseId!.Value), ct);
        return rows.GroupBy(f => f.CaseId).Select(g =>
        {
            var f = g.First();
            var holderSide = g.Any(x => x.Side == DuplicateSide.Holder);
            var seen = holderSide && residents.ContainsKey(f.ResidentId);
            return new CaseView(g.Key, f.Status, holderSide, g.Any(x => x.Side == DuplicateSide.Claimant),
                seen ? f.ResidentId : null, seen ? residents[f.ResidentId] : null,
                units.GetValueOrDefault(f.HolderUnitId), units.GetValueOrDefault(f.ClaimingUnitId), f.ClaimedName,
                f.ClaimedHouseId is { } h ? addresses.GetValueOrDefault(h) : null, f.ClaimedBy, f.ClaimedAt, f.Attempts, f.OpenedAt,
                f.ResolvedBy, f.ResolvedAt, f.ResolutionNote);
        }).OrderByDescending(c => c.Id).ToList();
    }

    public static async Task<CaseView?> FindAsync(AppDbContext db, long caseId, CancellationToken ct) =>
        (await LoadAsync(db, [caseId], ct)).SingleOrDefault();

    /// <summary>Open cases the caller can see, counted once each (the street sees both rows).</summary>
    public static Task<int> OpenCountAsync(AppDbContext db, CancellationToken ct) =>
        db.DuplicateFlags.Where(f => f.Status == DuplicateStatus.Open).Select(f => f.HolderFlagId ?? f.Id).Distinct().CountAsync(ct);

    /// <summary>Marks both rows of a case resolved; the other side's row is updated though the caller cannot see it.</summary>
    public static async Task ResolveAsync(AppDbContext db, TimeProvider time, long caseId, DuplicateStatus status, string? note, CancellationToken ct)
    {
        var rows = await db.DuplicateFlags.IgnoreQueryFilters().Where(f => (f.HolderFlagId ?? f.Id) == caseId).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var f in rows) (f.Status, f.ResolvedBy, f.ResolvedAt, f.ResolutionNote) = (status, db.CurrentUser.UserName, now, note);
    }

    // The claimed house's address: the holder side decides a move by it, though the house is outside its scope.
    static async Task<Dictionary<long, string>> ClaimedAddressesAsync(AppDbContext db, IEnumerable<long> houseIds, CancellationToken ct)
    {
        var ids = houseIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var houses = await db.Houses.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AsNoTracking().Where(h => ids.Contains(h.Id))
            .Join(db.Buildings.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]), h => h.BuildingId, b => b.Id, (h, b) => new { h.Id, b.Name, h.UnitNumber, h.RoomNumber })
            .ToListAsync(ct);
        return houses.ToDictionary(h => h.Id, h => Addresses.Of(h.Name, h.UnitNumber, h.RoomNumber));
    }
}
