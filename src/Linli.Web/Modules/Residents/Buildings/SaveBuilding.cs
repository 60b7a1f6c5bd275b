using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 新建/修改楼栋 create a building in a community of the caller's subtree, or change one.
public static class SaveBuilding
{
    // PATCH: null leaves a field unchanged; an empty address clears it. The community does not change.
    public sealed record Patch(string? Name, string? Address, int? Floors, int? UnitCount);

    public sealed record Outcome(Building? Building, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

    public static void Map(RouteGroupBuilder buildings)
    {
        buildings.MapPost("/", Create).RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Buildings_Create").WithSummary("Create a building in a community");
        buildings.MapPatch("/{id:long}", Update).RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Buildings_Update").WithSummary("Change a building's name, address, floors or unit count");
    }

    static async Task<Results<Created<GetBuilding.View>, NotFound, ValidationProblem>> Create(BuildingForm form, AppDbContext db, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, null, form, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/buildings/{o.Building!.Id}", (await GetBuilding.LoadAsync(db, o.Building.Id, ct))!);
    }

    static async Task<Results<Ok<GetBuilding.View>, NotFound, ValidationProblem>> Update(long id, Patch patch, AppDbContext db, CancellationToken ct)
    {
        var building = await db.Buildings.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (building is null) return TypedResults.NotFound();
        var form = new BuildingForm
        {
            CommunityId = building.CommunityId, Name = patch.Name ?? building.Name, Address = patch.Address ?? building.Address,
            Floors = patch.Floors ?? building.Floors, UnitCount = patch.UnitCount ?? building.UnitCount,
        };
        var o = await ExecuteAsync(db, building, form, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok((await GetBuilding.LoadAsync(db, id, ct))!);
    }

    public static async Task<Outcome> ExecuteAsync(AppDbContext db, Building? existing, BuildingForm form, CancellationToken ct)
    {
        var errors = InputValidation.Errors(form);
        if (form.CommunityId is null) errors.Add("communityId", Loc.T("请选择社区。", "Choose the community."));
        if (errors.Count > 0) return new(null, errors);
        var community = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == form.CommunityId, ct);
        if (community is null) return new(null, NotFound: true);
        if (community.Level != OrgLevel.Community)
            throw new BusinessRuleException("building.not-community", Loc.T("楼栋只能建在社区下。", "A building belongs to a community."),
                StatusCodes.Status422UnprocessableEntity, "communityId");
        var name = form.Name!.Trim();
        if (await db.Buildings.AnyAsync(b => b.CommunityId == community.Id && b.Name == name && b.Id != (existing == null ? 0 : existing.Id), ct))
            throw new BusinessRuleException("building.name-taken", Loc.T($"本社区已有名为“{name}”的楼栋。", $"The community already has a building named {name}."), field: "name");
        if (existing is not null && await db.Houses.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).Where(h => h.BuildingId == existing.Id)
                .AnyAsync(h => h.Floor > form.Floors || h.UnitNumber > form.UnitCount, ct))
            throw new BusinessRuleException("building.houses-outside", Loc.T("已有房屋超出新的层数或单元数。", "Existing houses lie beyond the new floors or units."),
                StatusCodes.Status422UnprocessableEntity, "floors");

        var b = existing ?? new Building { Name = name, CommunityId = community.Id, OrgPath = community.OrgPath };
        b.Name = name;
        b.Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        b.Floors = form.Floors!.Value;
        b.UnitCount = form.UnitCount!.Value;
        if (existing is null) db.Buildings.Add(b);
        await db.SaveChangesAsync(ct);
        return new(b);
    }
}
