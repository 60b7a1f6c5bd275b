using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Matters;

// 查重 open matters in scope that look like the same problem: same category, same house or grid or within 100 m, and
// registered within Matters:DuplicateWindowDays (default 7) of each other. Before registering, and for an existing matter.
public static class FindSimilarMatters
{
    public const double NearbyMeters = 100;

    public sealed record Candidate(long Id, string TicketNumber, string CategoryName, string Description, string? Address, MatterState State,
        DateTime CreatedAt, SimilarBecause Because, double? DistanceMeters);

    public sealed record Similar(IReadOnlyList<Candidate> Items, int Total);

    public static void Map(RouteGroupBuilder matters)
    {
        matters.MapGet("/similar", Before)
            .WithName("Matters_Similar").WithSummary("Open matters in scope a new one (category + house or coordinates) may duplicate");
        matters.MapGet("/{id:long}/similar", ForMatter)
            .WithName("Matters_SimilarTo").WithSummary("Open matters in scope that an existing matter may duplicate (candidates to link it into)");
    }

    static async Task<Results<Ok<Similar>, NotFound>> Before(int? categoryId, long? houseId, double? lat, [FromQuery(Name = "long")] double? lon,
        AppDbContext db, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (categoryId is null) errors["categoryId"] = [Loc.T("请选择诉求类别。", "Choose the category.")];
        if ((lat is null) != (lon is null)) errors["lat"] = [Loc.T("经纬度须同时填写。", "Give both latitude and longitude.")];
        else if (lat is < -90 or > 90 || lon is < -180 or > 180) errors["lat"] = [Loc.T("经纬度无效。", "Latitude or longitude out of range.")];
        if (houseId is null && lat is null) errors["houseId"] = [Loc.T("请给出房屋或坐标。", "Give the house or the coordinates.")];
        if (errors.Count > 0) throw new FieldErrorsException(errors);
        if (houseId is { } h && !await db.Houses.AnyAsync(x => x.Id == h, ct)) return TypedResults.NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(Wrap(await FindAsync(db, configuration, new(categoryId!.Value, houseId, lat, lon, now, null), ct)));
    }

    static async Task<Results<Ok<Similar>, NotFound>> ForMatter(long id, AppDbContext db, IConfiguration configuration, CancellationToken ct) =>
        await ForMatterAsync(db, configuration, id, ct) is { } found ? TypedResults.Ok(Wrap(found)) : TypedResults.NotFound();

    static Similar Wrap(List<Candidate> items) => new(items, items.Count);

    public sealed record Probe(int CategoryId, long? HouseId, double? Latitude, double? Longitude, DateTime AroundUtc, long? ExceptId);

    /// <summary>Candidates for an existing matter (none once it is closed or linked); null when it is not visible.</summary>
    public static async Task<List<Candidate>?> ForMatterAsync(AppDbContext db, IConfiguration configuration, long id, CancellationToken ct)
    {
        var m = await db.Matters.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.CategoryId, x.HouseId, x.Latitude, x.Longitude, x.CreatedAt, x.State, x.DuplicateOfId }).SingleOrDefaultAsync(ct);
        if (m is null) return null;
        if (!MatterClock.IsOpen(m.State) || m.DuplicateOfId is not null) return [];
        return await FindAsync(db, configuration, new(m.CategoryId, m.HouseId, m.Latitude, m.Longitude, m.CreatedAt, m.Id), ct);
    }

    public static int WindowDays(IConfiguration configuration) => Math.Max(0, configuration.GetValue("Matters:DuplicateWindowDays", 7));

    /// <summary>Open, unlinked matters in scope like the probe, nearest kind first (same house, same grid, nearby), then newest.</summary>
    public static async Task<List<Candidate>> FindAsync(AppDbContext db, IConfiguration configuration, Probe p, CancellationToken ct)
    {
        if (p.HouseId is null && p.Latitude is null) return [];
        var window = TimeSpan.FromDays(WindowDays(configuration));
        var (from, to) = (p.AroundUtc - window, p.AroundUtc + window);
        // The grid of the house, when the caller can see the house.
        long? gridId = p.HouseId is { } h ? await db.Houses.AsNoTracking().Where(x => x.Id == h).Select(x => (long?)x.GridId).SingleOrDefaultAsync(ct) : null;
        // A box around the point first (in SQL), the exact distance after.
        var dLat = NearbyMeters / 111_320.0;
        var dLon = p.Latitude is { } la ? dLat / Math.Max(0.01, Math.Cos(la * Math.PI / 180)) : 0;
        double? latMin = p.Latitude - dLat, latMax = p.Latitude + dLat, lonMin = p.Longitude - dLon, lonMax = p.Longitude + dLon;
        var grid = db.Houses.Where(x => x.GridId == gridId).Select(x => (long?)x.Id);
        var rows = await db.Matters.AsNoTracking()
            .Where(m => m.CategoryId == p.CategoryId && m.State != MatterState.Closed && m.State != MatterState.Rejected && m.DuplicateOfId == null
                && m.CreatedAt >= from && m.CreatedAt <= to && m.Id != (p.ExceptId ?? 0))
            .Where(m => (p.HouseId != null && m.HouseId == p.HouseId)
                || (gridId != null && m.HouseId != null && grid.Contains(m.HouseId))
                || (latMin != null && m.Latitude >= latMin && m.Latitude <= latMax && m.Longitude >= lonMin && m.Longitude <= lonMax))
            .OrderByDescending(m => m.CreatedAt).Take(200)
            .Select(m => new { m.Id, m.TicketNumber, m.CategoryName, m.Description, m.Address, m.State, m.CreatedAt, m.HouseId, m.Latitude, m.Longitude })
            .ToListAsync(ct);
        var houseIds = rows.Where(r => r.HouseId != null).Select(r => r.HouseId).Distinct().ToList();
        var gridHouses = gridId is null ? [] : (await grid.Where(x => houseIds.Contains(x)).ToListAsync(ct)).ToHashSet();
        var found = new List<Candidate>();
        foreach (var r in rows)
        {
            double? meters = p.Latitude is { } lat && r.Latitude is { } rLat ? Meters(lat, p.Longitude!.Value, rLat, r.Longitude!.Value) : null;
            SimilarBecause? because = p.HouseId is not null && r.HouseId == p.HouseId ? SimilarBecause.SameHouse
                : gridHouses.Contains(r.HouseId) ? SimilarBecause.SameGrid
                : meters <= NearbyMeters ? SimilarBecause.Nearby : null;
            if (because is { } b) found.Add(new(r.Id, r.TicketNumber, r.CategoryName, r.Description, r.Address, r.State, r.CreatedAt, b,
                meters is { } d ? Math.Round(d, 1) : null));
        }
        return found.OrderBy(c => c.Because).ThenByDescending(c => c.CreatedAt).Take(50).ToList();
    }

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SimilarBecause>))]
public enum SimilarBecause
{
    [Label("同一房屋", "Same house")] SameHouse,
    [Label("同一网格", "Same grid")] SameGrid,
    [Label("100 米内", "Within 100 m")] Nearby,
}
