using System.Text.Json;

namespace Linli.Modules.Grids;

// GeoJSON 边界校验: only a Polygon or MultiPolygon (bare, or as a Feature's geometry) of closed lon/lat rings,
// within a size limit, is stored; what is stored is the bare geometry.
public static class GeoJsonShape
{
    public const int MaxChars = 200_000;

    /// <summary>The bare geometry as compact JSON, or why the input is not an acceptable boundary.</summary>
    public static (string? Geometry, string? Error) Check(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object) return (null, Loc.T("边界应为 GeoJSON 对象。", "The boundary must be a GeoJSON object."));
        if (input.GetRawText().Length > MaxChars)
            return (null, Loc.T($"边界数据超过 {MaxChars / 1000} KB，请简化后再上传。", $"The boundary exceeds {MaxChars / 1000} KB; simplify it."));
        var geometry = input;
        if (Text(input, "type") == "Feature")
        {
            if (!input.TryGetProperty("geometry", out geometry) || geometry.ValueKind != JsonValueKind.Object)
                return (null, Loc.T("Feature 缺少 geometry。", "The Feature has no geometry."));
        }
        var type = Text(geometry, "type");
        if (type is not ("Polygon" or "MultiPolygon"))
            return (null, Loc.T("边界须为 Polygon 或 MultiPolygon。", "The boundary must be a Polygon or a MultiPolygon."));
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            return (null, Loc.T("缺少 coordinates 数组。", "The coordinates array is missing."));
        var ok = type == "Polygon" ? IsPolygon(coordinates) : coordinates.GetArrayLength() > 0 && coordinates.EnumerateArray().All(IsPolygon);
        if (!ok)
            return (null, Loc.T("坐标无效：每个环至少 4 个 [经度, 纬度] 点且首尾相同，经度在 -180~180、纬度在 -90~90 之间。",
                "Invalid coordinates: each ring needs at least 4 [lon, lat] positions, first equal to last, lon in -180..180, lat in -90..90."));
        return (JsonSerializer.Serialize(new { type, coordinates }), null);
    }

    static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static bool IsPolygon(JsonElement rings) =>
        rings.ValueKind == JsonValueKind.Array && rings.GetArrayLength() > 0 && rings.EnumerateArray().All(IsRing);

    static bool IsRing(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4) return false;
        var points = ring.EnumerateArray().ToList();
        if (!points.All(IsPosition)) return false;
        var (first, last) = (points[0], points[^1]);
        return first[0].GetDouble() == last[0].GetDouble() && first[1].GetDouble() == last[1].GetDouble();
    }

    static bool IsPosition(JsonElement p) =>
        p.ValueKind == JsonValueKind.Array && p.GetArrayLength() >= 2
        && p[0].ValueKind == JsonValueKind.Number && p[1].ValueKind == JsonValueKind.Number
        && Math.Abs(p[0].GetDouble()) <= 180 && Math.Abs(p[1].GetDouble()) <= 90;
}
