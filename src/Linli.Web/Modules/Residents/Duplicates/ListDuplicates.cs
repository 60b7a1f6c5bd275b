using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 疑似重复 the suspected duplicates in the caller's scope: open duplicate-registration cases first, then pairs of active
// records with the same name, birth date and gender where at least one has no ID number (newborns, people from abroad).
public static class ListDuplicates
{
    public sealed record Item(string Kind, DuplicateCases.CaseView? Case, Pair? Pair);

    public sealed record Pair(long ResidentId, long OtherId, string Name, Gender Gender, DateOnly BirthDate,
        string? IdNumber, string? OtherIdNumber, long OrgUnitId, long OtherOrgUnitId, string? Unit, string? OtherUnit);

    public const string CaseKind = "case", PairKind = "pair";

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/duplicates", Handle)
            .WithName("Residents_Duplicates")
            .WithSummary("Suspected duplicates in scope: open duplicate-registration cases (resolved ones with resolved=true), then same-name/birth/gender pairs where one lacks an ID number");

    static async Task<Ok<Paged<Item>>> Handle(AppDbContext db, bool? resolved, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, resolved ?? false, page, pageSize, ct));

    public static async Task<Paged<Item>> QueryAsync(AppDbContext db, bool resolved, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var skip = (p - 1) * size;
        var caseIds = db.DuplicateFlags.Where(f => resolved ? f.Status != DuplicateStatus.Open : f.Status == DuplicateStatus.Open)
            .Select(f => f.HolderFlagId ?? f.Id).Distinct();
        var caseCount = await caseIds.CountAsync(ct);
        var pairs = resolved ? null : Pairs(db);
        var total = caseCount + (pairs is null ? 0 : await pairs.CountAsync(ct));

        var items = new List<Item>();
        if (skip < caseCount)
        {
            var ids = await caseIds.OrderByDescending(id => id).Skip(skip).Take(size).ToListAsync(ct);
            items.AddRange((await DuplicateCases.LoadAsync(db, ids, ct)).Select(c => new Item(CaseKind, c, null)));
        }
        if (pairs is not null && items.Count < size)
        {
            var rows = await pairs.Skip(Math.Max(0, skip - caseCount)).Take(size - items.Count).ToListAsync(ct);
            var unitIds = rows.SelectMany(r => new[] { r.OrgUnitId, r.OtherOrgUnitId }).Distinct().ToList();
            var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            items.AddRange(rows.Select(r => new Item(PairKind, null,
                r with { Unit = units.GetValueOrDefault(r.OrgUnitId), OtherUnit = units.GetValueOrDefault(r.OtherOrgUnitId) })));
        }
        return new Paged<Item>(items, total);
    }

    // A self-join in the database: both sides pass the scope filter, so only pairs inside the caller's subtree.
    static IQueryable<Pair> Pairs(AppDbContext db)
    {
        var active = db.Residents.AsNoTracking().Where(r => r.Status == ResidentStatus.Active);
        return from a in active
               join b in active on new { a.Name, a.BirthDate, a.Gender } equals new { b.Name, b.BirthDate, b.Gender }
               where a.Id < b.Id && (a.IdNumberIndex == null || b.IdNumberIndex == null)
               orderby a.Name, a.Id, b.Id
               select new Pair(a.Id, b.Id, a.Name, a.Gender, a.BirthDate, a.IdNumberMasked, b.IdNumberMasked, a.OrgUnitId, b.OrgUnitId, null, null);
    }
}
