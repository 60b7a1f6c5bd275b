using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters.Categories;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Open311;

// GET /discovery, /services, /services/{code} (GeoReport v2 1.5.1-1.5.2 and Service Discovery): the active category tree
// as services; service_code is the category code, group its parent's name. No service needs extra fields (metadata false).
public static class Open311Services
{
    public static void Map(RouteGroupBuilder open311)
    {
        open311.MapGet("/discovery.{format}", Discovery).WithName("Open311_Discovery").WithSummary("Service discovery: this endpoint, its formats and contact");
        open311.MapGet("/services.{format}", List).WithName("Open311_Services").WithSummary("Service list: the active matter categories");
        open311.MapGet("/services/{code}.{format}", Definition).WithName("Open311_Service").WithSummary("Service definition (no attributes)");
    }

    static IResult Discovery(string format, HttpRequest request, IConfiguration config)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        var changeset = config["Open311:Changeset"] ?? "2026-11-23T00:00:00Z";
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2";
        return Open311Format.Write(f, "discovery", new O311Object(
        [
            new("changeset", changeset),
            new("contact", config["Open311:Contact"] ?? "Linli Open311 API"),
            new("key_service", config["Open311:KeyService"] ?? "API keys are issued per client system by the security administrator (安全管理员)."),
            new("endpoints", new O311List("endpoint",
            [
                new O311Object(
                [
                    new("specification", "http://wiki.open311.org/GeoReport_v2"),
                    new("url", url),
                    new("changeset", changeset),
                    new("type", config["Open311:EndpointType"] ?? "production"),
                    new("formats", new O311List("format", ["text/xml", "application/json"])),
                ]),
            ])),
        ]));
    }

    static async Task<IResult> List(string format, AppDbContext db, CancellationToken ct, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId = null)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        if (!(await Open311Reads.JurisdictionAsync(db, jurisdictionId, ct)).Found) return Open311Format.Error(f, 404, "jurisdiction_id not found.");
        var all = await MatterCategories.ActiveInTreeOrderAsync(db, ct);
        var names = all.ToDictionary(c => c.Id, c => c.Name);
        var services = all.Select(c => (object?)new O311Object(
        [
            new("service_code", c.Code),
            new("service_name", c.Name),
            new("description", Describe(c)),
            new("metadata", false),
            new("type", "realtime"),
            new("keywords", null),
            new("group", c.ParentId is { } p && names.TryGetValue(p, out var parent) ? parent : c.Name),
        ])).ToList();
        return Open311Format.Write(f, "services", new O311List("service", services));
    }

    static async Task<IResult> Definition(string code, string format, AppDbContext db, CancellationToken ct,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId = null)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        if (!(await Open311Reads.JurisdictionAsync(db, jurisdictionId, ct)).Found) return Open311Format.Error(f, 404, "jurisdiction_id not found.");
        var known = await db.MatterCategories.AsNoTracking().AnyAsync(c => c.Code == code && c.Active, ct);
        return known
            ? Open311Format.Write(f, "service_definition", new O311Object([new("service_code", code), new("attributes", new O311List("attribute", []))]))
            : Open311Format.Error(f, 404, $"service_code {code} not found.");
    }

    static string Describe(MatterCategory c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Name}：{c.AcceptHours:0.#} 个工作小时内受理，{c.ResolveDays} 个工作日内办结。Accepted within {c.AcceptHours:0.#} working hours, resolved within {c.ResolveDays} working days.");
}
