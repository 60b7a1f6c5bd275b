namespace Linli.Platform.Generation;

// placeholder: replaced by gen's file on merge
public sealed record ScalePlan(string Name, int Districts, int StreetsPerDistrict, int CommunitiesPerStreet, int GridsPerCommunity,
    int HouseholdsPerGrid, double MattersPerResidentYear, int VisitsPerWorkerMonth)
{
    public static ScalePlan For(string name) => name switch
    {
        "city" => new("city", 16, 21, 21, 4, 267, 1.0, 30),
        "district" => new("district", 1, 21, 21, 4, 267, 1.0, 30),
        "demo" => new("demo", 1, 4, 4, 4, 300, 1.0, 30),
        "tiny" => new("tiny", 1, 2, 1, 2, 200, 1.0, 30),
        _ => throw new ArgumentException($"Unknown scale '{name}' (tiny, demo, district, city).", nameof(name)),
    };
}
