using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 户列表 the households in the caller's subtree, by house or type.
public static class ListHouseholds
{
    public sealed record Filter(long? HouseId, string? Type, int? Page, int? PageSize);
    public sealed record Row(long Id, long HouseId, HouseholdType Type, long? HeadResidentId, string? HeadName, long OrgUnitId, int Members);

    public static void Map(RouteGroupBuilder households) =>
        households.MapGet("/", Handle)
            .WithName("Households_List")
            .WithSummary("Households in the caller's subtree, by houseId or type");

    static async Task<Ok<Paged<Row>>> Handle([AsParameters] Filter filter, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, filter, ct));

    public static async Task<Paged<Row>> QueryAsync(AppDbContext db, Filter f, CancellationToken ct)
    {
        var q = db.Households.AsNoTracking();
        if (f.HouseId is { } h) q = q.Where(x => x.HouseId == h);
        if (Labels.Parse<HouseholdType>(f.Type) is { } t) q = q.Where(x => x.Type == t);
        else if (!string.IsNullOrWhiteSpace(f.Type)) q = q.Where(x => false);
        return await q.OrderBy(x => x.Id)
            .Select(x => new Row(x.Id, x.HouseId, x.Type, x.HeadResidentId, x.Head != null ? x.Head.Name : null, x.OrgUnitId,
                db.Residents.Count(r => r.HouseholdId == x.Id)))
            .ToPagedAsync(f.Page, f.PageSize, ct);
    }
}
