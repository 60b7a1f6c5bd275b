using System.Globalization;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Privacy;

namespace Linli.Modules.Residents;

// 演示人口 demo registry: buildings, houses, households and residents for every community of the demo city.
// Deterministic (each community draws from a Random seeded by its code, in code order), and fast: entities are
// built in memory and saved per community without change detection or per-row audit; one audit event says what
// was seeded. Runs in system scope inside the caller's transaction.
public static class DemoResidents
{
    /// <summary>
    /// The day the demo people's ages and tag dates are counted from, whatever day the seed runs: the same seed
    /// gives the same city. Ages shown drift by a year each year; move this forward when they look dated.
    /// </summary>
    public static readonly DateOnly ReferenceDate = new(2026, 1, 1);

    public sealed record Counts(int Buildings, int Houses, int Households, int Residents, int Tags);

    sealed record Grid(long Id, string Path);

    public static async Task<Counts> SeedAsync(AppDbContext db, FieldProtector protector, string cityPath, int target, CancellationToken ct)
    {
        var units = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.OrgPath.StartsWith(cityPath) && (u.Level == OrgLevel.Community || u.Level == OrgLevel.Grid))
            .OrderBy(u => u.Code).ToListAsync(ct);
        var communities = units.Where(u => u.Level == OrgLevel.Community).ToList();
        if (communities.Count == 0 || target <= 0) return new(0, 0, 0, 0, 0);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var totals = new Counts(0, 0, 0, 0, 0);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var i = 0; i < communities.Count; i++)
            {
                var community = communities[i];
                var grids = units.Where(u => u.ParentId == community.Id).Select(u => new Grid(u.Id, u.OrgPath)).ToArray();
                if (grids.Length == 0) continue;
                // Spread the target evenly; the first communities take the remainder.
                var share = target / communities.Count + (i < target % communities.Count ? 1 : 0);
                var c = await SeedCommunityAsync(db, protector, community, grids, share, ids, ct);
                totals = new(totals.Buildings + c.Buildings, totals.Houses + c.Houses, totals.Households + c.Households,
                    totals.Residents + c.Residents, totals.Tags + c.Tags);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        // The heads last, in one statement: a household and its members refer to each other, and each household
        // has exactly one 本人 member.
        await db.Households.IgnoreQueryFilters().Where(h => h.HeadResidentId == null && h.OrgPath.StartsWith(cityPath))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.HeadResidentId, h => db.Residents.IgnoreQueryFilters()
                .Where(r => r.HouseholdId == h.Id && r.Relationship == Relationship.Self).Select(r => (long?)r.Id).FirstOrDefault()), ct);
        db.AddAuditEvent("Demo.SeedResidents", nameof(Resident), null, after: totals);
        await db.SaveChangesAsync(ct);
        return totals;
    }

    static async Task<Counts> SeedCommunityAsync(AppDbContext db, FieldProtector protector, OrgUnit community, Grid[] grids,
        int share, HashSet<string> ids, CancellationToken ct)
    {
        var rng = new Random(int.Parse(community.Code.AsSpan(3), CultureInfo.InvariantCulture));
        var district = community.Code[..6];
        var street = community.Name.Replace("社区", "", StringComparison.Ordinal);

        // Buildings until there is room for the share at ~2.7 people a house and ~12% vacancy.
        var needed = share / 2.7 / 0.88;
        var buildings = new List<Building>();
        var plan = new List<(Building Building, int Units, int Floors)>();
        for (var houses = 0; houses < needed || buildings.Count == 0;)
        {
            int[] floorChoices = [6, 6, 7, 11, 12, 15, 18, 18];
            var floors = floorChoices[rng.Next(floorChoices.Length)];
            var unitCount = rng.Next(2, 5);
            var n = buildings.Count + 1;
            var b = new Building
            {
                CommunityId = community.Id, OrgPath = community.OrgPath, Name = $"{n}幢", Floors = floors, UnitCount = unitCount,
                Address = $"{street}路{n * 2 - 1}号",
            };
            buildings.Add(b);
            plan.Add((b, unitCount, floors));
            houses += floors * unitCount * 2;
        }
        db.Buildings.AddRange(buildings);
        await SaveAsync(db, ct);

        var houseList = new List<House>();
        foreach (var (b, unitCount, floors) in plan)
            for (var u = 1; u <= unitCount; u++)
                for (var f = 1; f <= floors; f++)
                    for (var room = 1; room <= 2; room++)
                        houseList.Add(new House
                        {
                            BuildingId = b.Id, UnitNumber = u, Floor = f, RoomNumber = $"{f}{room:00}",
                            Area = Math.Round(55 + rng.NextDouble() * 85, 1), Use = HouseUse.Residential, Tenure = HouseTenure.OwnerOccupied,
                        });
        // Grids cover consecutive stretches of the community's houses.
        for (var h = 0; h < houseList.Count; h++)
        {
            var grid = grids[h * grids.Length / houseList.Count];
            houseList[h].GridId = grid.Id;
            houseList[h].OrgPath = grid.Path;
        }

        // Who lives where, decided before the houses are saved, since the tenure follows the occupants.
        var occupancy = Math.Clamp(share / 2.7 / houseList.Count, 0.05, 0.95);
        var people = new DemoHouseholds(rng, protector, ReferenceDate, district, ids);
        var occupied = new List<(House House, DemoHouseholds.Kind Kind)>();
        foreach (var house in houseList)
        {
            if (rng.NextDouble() >= occupancy) { house.Vacant = true; continue; }
            var kind = DemoHouseholds.PickKind(rng);
            house.Tenure = kind switch
            {
                DemoHouseholds.Kind.Floating or DemoHouseholds.Kind.Overseas => HouseTenure.Rented,
                DemoHouseholds.Kind.Collective => HouseTenure.Dormitory,
                _ => rng.Next(12) == 0 ? HouseTenure.Public : HouseTenure.OwnerOccupied,
            };
            occupied.Add((house, kind));
        }
        db.Houses.AddRange(houseList);
        await SaveAsync(db, ct);

        var households = new List<Household>();
        var residents = new List<Resident>();
        foreach (var (house, kind) in occupied)
            people.Fill(house, kind, households, residents);
        db.Households.AddRange(households);
        db.Residents.AddRange(residents);
        await SaveAsync(db, ct);
        db.ChangeTracker.Clear();
        return new(buildings.Count, houseList.Count, households.Count, residents.Count, residents.Sum(r => r.Tags.Count));
    }

    // Straight to the database: the seed is recorded by one audit event, not 100,000 row events.
    static Task<int> SaveAsync(AppDbContext db, CancellationToken ct) => db.SaveAuditRowsAsync(ct);
}
