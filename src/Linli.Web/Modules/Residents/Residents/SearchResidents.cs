using Linli.Data;
using Linli.Platform.Api;
using Linli.Platform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 居民查询 search residents in the caller's subtree: name, exact ID number or phone (by blind index), address,
// tag, age range, residence type, unit. Items carry masked ID numbers and phones.
public static class SearchResidents
{
    public sealed record Filter(string? Name, string? IdNumber, string? Phone, string? Address, long? BuildingId, long? HouseId,
        string? Tag, int? AgeFrom, int? AgeTo, string? ResidenceType, long? OrgUnitId, string? Status, int? Page, int? PageSize);

    public sealed record Row(long Id, string Name, Gender Gender, int Age, string? IdNumber, string? Phone, long OrgUnitId, string? OrgUnitName,
        long? HouseId, string? Address, ResidenceType ResidenceType, ResidentStatus Status, IReadOnlyList<ResidentTags.Ref> Tags);

    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/", Handle)
            .WithName("Residents_Search")
            .WithSummary("Search residents: name (contains), idNumber and phone (exact), address or buildingId, tag, ageFrom/ageTo, residenceType, orgUnitId (subtree), status (default Active, or All)");

    static async Task<Results<Ok<Paged<Row>>, ValidationProblem>> Handle([AsParameters] Filter filter, AppDbContext db,
        FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        var (result, errors) = await QueryAsync(db, protector, time, filter, ct);
        return result is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(result);
    }

    public static async Task<(Paged<Row>? Result, Dictionary<string, string[]> Errors)> QueryAsync(AppDbContext db, FieldProtector protector,
        TimeProvider time, Filter f, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (f.AgeFrom is < 0 or > 150) errors.Add("ageFrom", Loc.T("年龄须在 0 到 150 之间。", "Age must be between 0 and 150."));
        if (f.AgeTo is < 0 or > 150) errors.Add("ageTo", Loc.T("年龄须在 0 到 150 之间。", "Age must be between 0 and 150."));
        if (f.AgeFrom > f.AgeTo) errors.Add("ageTo", Loc.T("年龄上限不能小于下限。", "The upper age must not be below the lower one."));
        var residence = string.IsNullOrWhiteSpace(f.ResidenceType) ? null : Labels.Parse<ResidenceType>(f.ResidenceType);
        if (!string.IsNullOrWhiteSpace(f.ResidenceType) && residence is null) errors.Add("residenceType", Labels.Expected<ResidenceType>());
        var allStatuses = string.Equals(f.Status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        var status = string.IsNullOrWhiteSpace(f.Status) ? ResidentStatus.Active : allStatuses ? (ResidentStatus?)null : Labels.Parse<ResidentStatus>(f.Status);
        if (!allStatuses && !string.IsNullOrWhiteSpace(f.Status) && status is null) errors.Add("status", Labels.Expected<ResidentStatus>() + ", All");
        if (errors.Count > 0) return (null, errors);

        var q = db.Residents.AsNoTracking();
        if (status is { } s) q = q.Where(r => r.Status == s);
        if (!string.IsNullOrWhiteSpace(f.Name)) { var name = f.Name.Trim(); q = q.Where(r => r.Name.Contains(name)); }
        if (!string.IsNullOrWhiteSpace(f.IdNumber)) { var index = protector.IdNumberIndex(f.IdNumber); q = q.Where(r => r.IdNumberIndex == index); }
        if (!string.IsNullOrWhiteSpace(f.Phone)) { var index = protector.PhoneIndex(f.Phone) ?? "-"; q = q.Where(r => r.PhoneIndex == index); }
        if (residence is { } rt) q = q.Where(r => r.ResidenceType == rt);
        if (f.AgeFrom is { } from) { var bornBy = DerivedTags.BornBy(from, today); q = q.Where(r => r.BirthDate <= bornBy); }
        if (f.AgeTo is { } to) { var bornAfter = DerivedTags.BornBy(to + 1, today); q = q.Where(r => r.BirthDate > bornAfter); }
        if (f.HouseId is { } houseId) q = q.Where(r => r.HouseId == houseId);
        if (f.BuildingId is { } buildingId) q = q.Where(r => db.Houses.Any(h => h.Id == r.HouseId && h.BuildingId == buildingId));
        if (!string.IsNullOrWhiteSpace(f.Address))
        {
            var buildingIds = await MatchingBuildingsAsync(db, f.Address.Trim(), ct);
            q = q.Where(r => db.Houses.Any(h => h.Id == r.HouseId && buildingIds.Contains(h.BuildingId)));
        }
        if (f.OrgUnitId is { } unitId)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.OrgPath).SingleOrDefaultAsync(ct);
            q = path is null ? q.Where(r => false) : q.Where(r => r.OrgPath.StartsWith(path));
        }
        if (!string.IsNullOrWhiteSpace(f.Tag)) q = await ByTagAsync(db, q, f.Tag.Trim(), today, ct);

        // One statement for the page: the total (an InitPlan, counted once), the page's ids (for a worker's usual search both
        // come from the covering index alone on PostgreSQL), then per row of the page its unit name, house and current tags.
        var (number, size) = Paging.Normalize(f.Page, f.PageSize);
        var pageIds = q.OrderBy(r => r.Name).ThenBy(r => r.Id).Select(r => r.Id).Skip((number - 1) * size).Take(size);
        var page = await db.Residents.AsNoTracking().Where(r => pageIds.Contains(r.Id)).OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Name, r.Gender, r.BirthDate, r.IdNumberMasked, r.PhoneMasked, r.OrgUnitId, r.HouseId, r.ResidenceType, r.Status,
                Total = q.Count(),
                UnitName = db.OrgUnits.Where(u => u.Id == r.OrgUnitId).Select(u => u.Name).FirstOrDefault(),
                // Scalars, each a lookup by key per row of the page (an object or a list here would join whole tables).
                BuildingId = db.Houses.Where(h => h.Id == r.HouseId).Select(h => (long?)h.BuildingId).FirstOrDefault(),
                UnitNumber = db.Houses.Where(h => h.Id == r.HouseId).Select(h => h.UnitNumber).FirstOrDefault(),
                RoomNumber = db.Houses.Where(h => h.Id == r.HouseId).Select(h => h.RoomNumber).FirstOrDefault(),
                // The building's name when the caller's scope holds the building (a community and above); a grid worker's
                // buildings belong to the community, so theirs are looked up by id after.
                BuildingName = db.Houses.Where(h => h.Id == r.HouseId).Join(db.Buildings, h => h.BuildingId, b => b.Id, (_, b) => b.Name).FirstOrDefault(),
                Typed = string.Join(",", r.Tags.Where(t => (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today))
                    .Select(t => t.TagCode)),
            })
            .ToListAsync(ct);
        var total = page.Count > 0 ? page[0].Total : number == 1 ? 0 : await q.CountAsync(ct);
        var defs = (await ResidentTags.VisibleDefinitionsAsync(db, ct)).ToDictionary(d => d.Code);
        var buildings = await Addresses.BuildingNamesAsync(db, page.Where(r => r.BuildingId is not null && r.BuildingName is null).Select(r => r.BuildingId!.Value), ct);
        var rows = page.Select(r =>
        {
            var tags = ResidentTags.Current(defs, r.BirthDate, r.ResidenceType, (r.Typed ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), today);
            return new Row(r.Id, r.Name, r.Gender, Resident.AgeOn(r.BirthDate, today), r.IdNumberMasked, r.PhoneMasked,
                r.OrgUnitId, r.UnitName, r.HouseId,
                r.BuildingId is { } b ? Addresses.Of(r.BuildingName ?? buildings.GetValueOrDefault(b, "?"), r.UnitNumber, r.RoomNumber!) : null,
                r.ResidenceType, r.Status, r.Status == ResidentStatus.Active ? tags : WithoutDerived(tags, r.BirthDate, r.ResidenceType, today));
        }).ToList();
        return (new Paged<Row>(rows, total), errors);
    }

    // Derived tags (age, floating) describe people who live here now; a moved-out or deceased record has none.
    static List<ResidentTags.Ref> WithoutDerived(List<ResidentTags.Ref> tags, DateOnly birth, ResidenceType type, DateOnly today)
    {
        var derived = DerivedTags.For(birth, type, today).ToHashSet();
        return tags.Where(t => !derived.Contains(t.Code)).ToList();
    }

    // A tag the caller may not know of behaves like one that does not exist: no results.
    static async Task<IQueryable<Resident>> ByTagAsync(AppDbContext db, IQueryable<Resident> q, string code, DateOnly today, CancellationToken ct)
    {
        var def = (await ResidentTags.VisibleDefinitionsAsync(db, ct)).FirstOrDefault(d => d.Code == code);
        switch (def?.Code)
        {
            case null: return q.Where(r => false);
            case TagCodes.Elderly60: { var by = DerivedTags.BornBy(60, today); return q.Where(r => r.BirthDate <= by); }
            case TagCodes.Elderly80: { var by = DerivedTags.BornBy(80, today); return q.Where(r => r.BirthDate <= by); }
            case TagCodes.Floating: return q.Where(r => r.ResidenceType == ResidenceType.Floating);
            default:
                return q.Where(r => r.Tags.Any(t => t.TagCode == code
                    && (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today)));
        }
    }

    // Buildings the caller works in whose name or address contains the text; only their ids leave here.
    static Task<List<long>> MatchingBuildingsAsync(AppDbContext db, string text, CancellationToken ct) =>
        BuildingAccess.Workable(db).Where(b => b.Name.Contains(text) || (b.Address != null && b.Address.Contains(text)))
            .Select(b => b.Id).Take(10_000).ToListAsync(ct);
}
