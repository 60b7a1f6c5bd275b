using Linli.Modules.Grids;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Generation;
using Linli.Tests.Support;

namespace Linli.Tests.Platform.Generation;

/// <summary>
/// A hand-made small city for the generator's tests: the test tree's three communities with two grids each, a grid
/// worker on every grid, and about 150 residents per grid in ~60 households (some elderly living alone, some over 80).
/// The same on every call but for keys, codes and account names.
/// </summary>
public sealed record SmallCity(TestTree Tree, int Residents, List<TestUser> Workers)
{
    public static async Task<SmallCity> ArrangeAsync(LinliApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        var tree = await app.CreateTreeAsync();
        var grids = new List<OrgUnit> { tree.Grid, await app.CreateGridAsync(tree.Community) };
        foreach (var community in new[] { tree.Community2, tree.Community3 })
        {
            grids.Add(await app.CreateGridAsync(community, "001"));
            grids.Add(await app.CreateGridAsync(community, "002"));
        }
        var workers = new List<TestUser>();
        foreach (var grid in grids) workers.Add(await app.CreateUserAsync(Roles.GridWorker, grid));

        var residents = await app.WithDbAsync(async db =>
        {
            var rng = new Random(7);
            var (building, house, household, resident, tag, assignment) = (await RowSink.NextIdAsync<Building>(db, ct), await RowSink.NextIdAsync<House>(db, ct),
                await RowSink.NextIdAsync<Household>(db, ct), await RowSink.NextIdAsync<Resident>(db, ct), await RowSink.NextIdAsync<ResidentTag>(db, ct),
                await RowSink.NextIdAsync<GridAssignment>(db, ct));
            var (buildings, houses, households, people, tags, assignments) = (new List<Building>(), new List<House>(), new List<Household>(),
                new List<Resident>(), new List<ResidentTag>(), new List<GridAssignment>());
            for (var g = 0; g < grids.Count; g++)
            {
                var grid = grids[g];
                var communityId = grid.ParentId!.Value;
                var b = new Building { Id = building++, CommunityId = communityId, Name = $"{g + 1}幢", Address = "幸福路 8 号", Floors = 6, UnitCount = 2,
                    OrgPath = grid.OrgPath[..grid.OrgPath.TrimEnd('/').LastIndexOf('/')] + "/" };
                buildings.Add(b);
                assignments.Add(new GridAssignment { Id = assignment++, GridId = grid.Id, UserId = workers[g].Id, Duty = GridDuty.Leader,
                    StartDate = new DateOnly(2020, 1, 1), OrgPath = grid.OrgPath });
                for (var h = 0; h < 60; h++)
                {
                    var home = new House { Id = house++, BuildingId = b.Id, GridId = grid.Id, UnitNumber = 1 + h / 30, Floor = 1 + h % 30 / 5,
                        RoomNumber = $"{1 + h % 30 / 5}0{1 + h % 5}", OrgPath = grid.OrgPath };
                    houses.Add(home);
                    var family = new Household { Id = household++, HouseId = home.Id, OrgUnitId = grid.Id, OrgPath = grid.OrgPath };
                    households.Add(family);
                    var size = h % 10 == 0 ? 1 : rng.Next(1, 5);
                    for (var p = 0; p < size; p++)
                    {
                        var person = new Resident
                        {
                            Id = resident++, Name = $"居民{g}-{h}-{p}", Gender = p % 2 == 0 ? Gender.Male : Gender.Female,
                            BirthDate = new DateOnly(h % 10 == 0 ? 1938 : rng.Next(1950, 2020), rng.Next(1, 13), rng.Next(1, 29)),
                            ResidenceType = rng.Next(5) == 0 ? ResidenceType.Floating : ResidenceType.Registered, RegistrationMatch = RegistrationMatch.Consistent,
                            Status = ResidentStatus.Active, OrgUnitId = grid.Id, OrgPath = grid.OrgPath, HouseId = home.Id, HouseholdId = family.Id,
                        };
                        people.Add(person);
                        if (size == 1 && h % 20 == 0)
                            tags.Add(new ResidentTag { Id = tag++, ResidentId = person.Id, TagCode = TagCodes.LivingAloneElderly, OrgPath = grid.OrgPath });
                    }
                }
            }
            await using var sink = RowSink.For(db);
            await sink.WriteAsync(buildings, ct);
            await sink.WriteAsync(houses, ct);
            await sink.WriteAsync(households, ct);
            await sink.WriteAsync(people, ct);
            await sink.WriteAsync(tags, ct);
            await sink.WriteAsync(assignments, ct);
            await sink.ResetSequencesAsync(ct);
            return people.Count;
        });
        return new SmallCity(tree, residents, workers);
    }
}
