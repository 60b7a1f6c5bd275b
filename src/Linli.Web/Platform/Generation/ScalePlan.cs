namespace Linli.Platform.Generation;

/// <summary>
/// 规模 how big a synthetic city is. Counts are per parent; three in ten communities get one grid more than
/// <see cref="GridsPerCommunity"/> (a city averages ~4.3), and every grid holds about <see cref="HouseholdsPerGrid"/> households.
/// </summary>
public sealed record ScalePlan(string Name, int Districts, int StreetsPerDistrict, int CommunitiesPerStreet, int GridsPerCommunity,
    int HouseholdsPerGrid, double MattersPerResidentYear, int VisitsPerWorkerMonth)
{
    /// <summary>People per household of the demo mix (elderly alone … three generations, collective dormitories).</summary>
    public const double ResidentsPerHousehold = 2.86;

    public static readonly string[] Names = ["tiny", "demo", "district", "city"];

    public static ScalePlan For(string name) => name.Trim().ToLowerInvariant() switch
    {
        "tiny" => new("tiny", 1, 2, 1, 2, 88, 1.0, 30),
        "demo" => new("demo", 1, 4, 4, 4, 262, 1.0, 30),
        "district" => new("district", 1, 21, 21, 4, 240, 1.0, 30),
        "city" => new("city", 16, 21, 21, 4, 240, 1.0, 30),
        _ => throw new ArgumentException($"Unknown scale '{name}': expected {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>Grids of the community with this index in its district (0-based): the 8th, 9th and 10th of every ten get one more.</summary>
    public int GridsIn(int communityIndex) => GridsPerCommunity + (GridsPerCommunity >= 4 && communityIndex % 10 >= 7 ? 1 : 0);

    public int Streets => Districts * StreetsPerDistrict;
    public int Communities => Streets * CommunitiesPerStreet;
    public int CommunitiesPerDistrict => StreetsPerDistrict * CommunitiesPerStreet;
    public long Grids => (long)Districts * Enumerable.Range(0, CommunitiesPerDistrict).Sum(GridsIn);
    public long Households => Grids * HouseholdsPerGrid;
    public long Residents => (long)(Households * ResidentsPerHousehold);
}
