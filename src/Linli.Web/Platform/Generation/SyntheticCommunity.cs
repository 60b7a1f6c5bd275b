using Linli.Modules.Residents;
using Linli.Platform.Privacy;

namespace Linli.Platform.Generation;

// 一个社区的人、户、房: the buildings, houses, households, residents and tags of one community, made by the demo
// city's makers (DemoHouseholds, DemoProfile, DemoPeople) from a Random of its own, so communities can be made in
// parallel and still come out the same. Keys are local (1, 2, …); the writer moves them to their place in the table.
public static class SyntheticCommunity
{
    public sealed record Place(long CommunityId, string CommunityPath, string Name, string County, int IndexInDistrict, int IndexInCity,
        (long Id, string Path)[] Grids);

    public sealed record Rows(List<Building> Buildings, List<House> Houses, List<Household> Households, List<Resident> Residents, List<ResidentTag> Tags);

    public static Rows Build(Place place, ScalePlan plan, int seed, DateOnly today, FieldProtector protector)
    {
        var rng = new Random(unchecked(seed * 1_000_003 + place.IndexInCity * 7_919 + 17));
        var street = place.Name.Replace("社区", "", StringComparison.Ordinal);

        // Houses for the target at ~2.5% foreign renters without a household and ~12% vacancy.
        var occupiedTarget = place.Grids.Length * plan.HouseholdsPerGrid / 0.975;
        var buildings = new List<Building>();
        var layout = new List<(Building Building, int Units, int Floors)>();
        for (var houses = 0; houses < occupiedTarget / 0.88 || buildings.Count == 0;)
        {
            int[] floorChoices = [6, 6, 7, 11, 12, 15, 18, 18];
            var floors = floorChoices[rng.Next(floorChoices.Length)];
            var unitCount = rng.Next(2, 5);
            var n = buildings.Count + 1;
            var b = new Building
            {
                Id = n, CommunityId = place.CommunityId, OrgPath = place.CommunityPath, Name = $"{n}幢", Floors = floors, UnitCount = unitCount,
                Address = $"{street}路{n * 2 - 1}号",
            };
            buildings.Add(b);
            layout.Add((b, unitCount, floors));
            houses += floors * unitCount * 2;
        }

        var houseList = new List<House>();
        foreach (var (b, unitCount, floors) in layout)
            for (var u = 1; u <= unitCount; u++)
                for (var f = 1; f <= floors; f++)
                    for (var room = 1; room <= 2; room++)
                        houseList.Add(new House
                        {
                            Id = houseList.Count + 1, BuildingId = b.Id, UnitNumber = u, Floor = f, RoomNumber = $"{f}{room:00}",
                            Area = Math.Round(55 + rng.NextDouble() * 85, 1), Use = HouseUse.Residential, Tenure = HouseTenure.OwnerOccupied,
                        });
        // Grids cover consecutive stretches of the community's houses.
        for (var h = 0; h < houseList.Count; h++)
        {
            var grid = place.Grids[h * place.Grids.Length / houseList.Count];
            houseList[h].GridId = grid.Id;
            houseList[h].OrgPath = grid.Path;
        }

        var occupancy = Math.Clamp(occupiedTarget / houseList.Count, 0.05, 0.98);
        var people = new DemoHouseholds(rng, protector, today, place.County, Locale(place));
        var households = new List<Household>();
        var residents = new List<Resident>();
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
            people.Fill(house, kind, households, residents);
        }
        return Keyed(buildings, houseList, households, residents);
    }

    // Local keys, and the references between the rows (户主 included) set from them.
    static Rows Keyed(List<Building> buildings, List<House> houses, List<Household> households, List<Resident> residents)
    {
        for (var i = 0; i < households.Count; i++) households[i].Id = i + 1;
        var tags = new List<ResidentTag>();
        for (var i = 0; i < residents.Count; i++)
        {
            var r = residents[i];
            r.Id = i + 1;
            if (r.Household is { } household)
            {
                r.HouseholdId = household.Id;
                if (r.Relationship == Relationship.Self) household.HeadResidentId = r.Id;
                r.Household = null;
            }
            foreach (var t in r.Tags)
            {
                t.Id = tags.Count + 1;
                t.ResidentId = r.Id;
                tags.Add(t);
            }
            r.Tags = [];
        }
        return new(buildings, houses, households, residents, tags);
    }

    // 身份证号: the district's own region code for people registered here, two home places for the floating ones.
    // Each community owns one sequence number in each region it uses, so no two communities can make the same
    // number; within the community a second person of the same birthday is born a day earlier instead.
    static DemoHouseholds.Locale Locale(Place place)
    {
        var homes = new (string Code, string Place)[2];
        var slots = new Dictionary<string, int>(StringComparer.Ordinal) { [place.County] = place.IndexInDistrict };
        for (var j = 0; j < 2; j++)
        {
            var pair = place.IndexInCity * 2 + j;
            homes[j] = SyntheticCity.HomePlaces[pair % SyntheticCity.HomePlaces.Length];
            slots[homes[j].Code] = pair / SyntheticCity.HomePlaces.Length;
        }
        return new(SyntheticCity.Province + SyntheticCity.CityName, homes, new SlotIds(slots));
    }

    sealed class SlotIds(Dictionary<string, int> slots) : DemoHouseholds.IIdNumbers
    {
        readonly HashSet<(string, DateOnly, Gender)> used = [];

        public string For(Random rng, string region, ref DateOnly birth, Gender gender)
        {
            while (!used.Add((region, birth, gender))) birth = birth.AddDays(-1);
            var first17 = $"{region}{birth:yyyyMMdd}{slots[region] * 2 + (gender == Gender.Male ? 1 : 0):000}";
            return first17 + IdNumber.CheckChar(first17);
        }
    }
}
