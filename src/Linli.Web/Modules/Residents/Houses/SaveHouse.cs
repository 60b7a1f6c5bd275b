using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 新建/修改房屋 create a house in a building, assigned to one grid of the building's community, or change one.
// Moving a house to another grid moves its households and the people living there with it.
public static class SaveHouse
{
    // PATCH: null leaves a field unchanged. The building does not change.
    public sealed record Patch(long? GridId, int? UnitNumber, int? Floor, string? RoomNumber, double? Area, string? Use, string? Tenure, bool? Vacant);

    public sealed record Outcome(House? House, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

    public static void Map(RouteGroupBuilder houses)
    {
        houses.MapPost("/", Create).RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Houses_Create").WithSummary("Create a house in a building and assign it to a grid of the building's community");
        houses.MapPatch("/{id:long}", Update).RequireAuthorization(Permissions.ResidentsWrite)
            .WithName("Houses_Update").WithSummary("Change a house; a new grid moves its households and residents along");
    }

    static async Task<Results<Created<GetHouse.View>, NotFound, ValidationProblem>> Create(HouseForm form, AppDbContext db, CancellationToken ct)
    {
        var o = await ExecuteAsync(db, null, form, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/houses/{o.House!.Id}", (await GetHouse.LoadAsync(db, o.House.Id, ct))!);
    }

    static async Task<Results<Ok<GetHouse.View>, NotFound, ValidationProblem>> Update(long id, Patch p, AppDbContext db, CancellationToken ct)
    {
        var house = await db.Houses.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (house is null) return TypedResults.NotFound();
        var form = new HouseForm
        {
            BuildingId = house.BuildingId, GridId = p.GridId ?? house.GridId, UnitNumber = p.UnitNumber ?? house.UnitNumber,
            Floor = p.Floor ?? house.Floor, RoomNumber = p.RoomNumber ?? house.RoomNumber, Area = p.Area ?? house.Area,
            Use = p.Use ?? house.Use.ToString(), Tenure = p.Tenure ?? house.Tenure.ToString(), Vacant = p.Vacant ?? house.Vacant,
        };
        var o = await ExecuteAsync(db, house, form, ct);
        if (o.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        if (o.NotFound) return TypedResults.NotFound();
        return TypedResults.Ok((await GetHouse.LoadAsync(db, id, ct))!);
    }

    public static async Task<Outcome> ExecuteAsync(AppDbContext db, House? existing, HouseForm form, CancellationToken ct)
    {
        var errors = InputValidation.Errors(form);
        if (form.BuildingId is null) errors.Add("buildingId", Loc.T("请选择楼栋。", "Choose the building."));
        if (form.GridId is null) errors.Add("gridId", Loc.T("请选择网格。", "Choose the grid."));
        var use = string.IsNullOrWhiteSpace(form.Use) ? HouseUse.Residential : Labels.Parse<HouseUse>(form.Use);
        if (use is null) errors.Add("use", Labels.Expected<HouseUse>());
        var tenure = string.IsNullOrWhiteSpace(form.Tenure) ? HouseTenure.OwnerOccupied : Labels.Parse<HouseTenure>(form.Tenure);
        if (tenure is null) errors.Add("tenure", Labels.Expected<HouseTenure>());
        if (errors.Count > 0) return new(null, errors);

        var building = await BuildingAccess.Workable(db).AsNoTracking().SingleOrDefaultAsync(b => b.Id == form.BuildingId, ct);
        var grid = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == form.GridId, ct);
        if (building is null || grid is null) return new(null, NotFound: true);
        if (grid.Level != OrgLevel.Grid || grid.ParentId != building.CommunityId)
            throw Rule("house.grid-outside", Loc.T("网格须属于楼栋所在社区。", "The grid must belong to the building's community."), "gridId");
        if (form.UnitNumber > building.UnitCount)
            throw Rule("house.unit-outside", Loc.T($"该楼栋只有 {building.UnitCount} 个单元。", $"The building has {building.UnitCount} units."), "unitNumber");
        if (form.Floor > building.Floors)
            throw Rule("house.floor-outside", Loc.T($"该楼栋只有 {building.Floors} 层。", $"The building has {building.Floors} floors."), "floor");
        var room = form.RoomNumber!.Trim();
        // Another grid's house in the same building may hold the number, so the check looks past the scope.
        if (await db.Houses.IgnoreQueryFilters([AppDbContext.OrgScopeFilter]).AnyAsync(h => h.BuildingId == building.Id
                && h.UnitNumber == form.UnitNumber && h.RoomNumber == room && h.Id != (existing == null ? 0 : existing.Id), ct))
            throw new BusinessRuleException("house.exists", Loc.T($"{Addresses.Of(building.Name, form.UnitNumber!.Value, room)}已登记。",
                $"{Addresses.Of(building.Name, form.UnitNumber!.Value, room)} is already registered."), field: "roomNumber");

        var h = existing ?? new House { RoomNumber = room, BuildingId = building.Id };
        var oldGridId = existing?.GridId;
        var moved = existing is not null && oldGridId != grid.Id;
        (h.GridId, h.OrgPath, h.UnitNumber, h.Floor, h.RoomNumber) = (grid.Id, grid.OrgPath, form.UnitNumber!.Value, form.Floor!.Value, room);
        (h.Area, h.Use, h.Tenure, h.Vacant) = (form.Area, use!.Value, tenure!.Value, form.Vacant);
        if (existing is null) db.Houses.Add(h);
        // One save per transaction: the audit chain's lock is taken at the save and held to the commit.
        await using var tx = moved ? await db.Database.BeginTransactionAsync(ct) : null;
        if (moved)
        {
            await ResidentPaths.FollowHouseAsync(db, h.Id, grid.Id, grid.OrgPath, ct);
            db.AddAuditEvent("House.MoveGrid", nameof(House), h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                before: new { GridId = oldGridId }, after: new { GridId = grid.Id });
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new(h);
    }

    static BusinessRuleException Rule(string code, string message, string field) =>
        new(code, message, StatusCodes.Status422UnprocessableEntity, field);
}
