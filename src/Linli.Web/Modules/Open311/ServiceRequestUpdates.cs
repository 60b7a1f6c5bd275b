using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Residents;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Open311;

// GET /servicerequestupdates (mySociety/FixMyStreet extension): the public steps of every matter since a time, oldest
// first. status is the extended lower-case status FixMyStreet maps; external_status_code our step type.
public static class ServiceRequestUpdates
{
    public static void Map(RouteGroupBuilder open311) =>
        open311.MapGet("/servicerequestupdates.{format}", Handle).WithName("Open311_Updates")
            .WithSummary("Public updates (steps) between start_date and end_date, at most 1000; status in mySociety's extended values");

    static async Task<IResult> Handle(string format, AppDbContext db, TimeProvider time, CancellationToken ct,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId = null,
        [FromQuery(Name = "start_date")] string? startDate = null, [FromQuery(Name = "end_date")] string? endDate = null)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        var j = await Open311Reads.JurisdictionAsync(db, jurisdictionId, ct);
        if (!j.Found) return Open311Format.Error(f, 404, "jurisdiction_id not found.");
        if (!GetServiceRequests.TryRange(startDate, endDate, time.GetUtcNow().UtcDateTime, out var from, out var to, out var error))
            return Open311Format.Error(f, 400, error!);
        var rows = await Open311Reads.UpdatesAsync(db, j.Path, from, to, GetServiceRequests.MaxRequests, ct);
        var zone = time.LocalTimeZone;
        return Open311Format.Write(f, "service_request_updates", new O311List("request_update", rows.Select(r => (object?)new O311Object(
        [
            new("update_id", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("service_request_id", r.Ticket),
            new("status", Status(r.Type)),
            new("updated_datetime", Open311Format.Date(r.At, zone)),
            new("description", r.Note ?? Labels.Of(r.Type)),
            new("media_url", null),
            new("external_status_code", r.Type.ToString()),
        ])).ToList()));
    }

    /// <summary>mySociety's extended statuses; a step that changes nothing the resident sees is "unchanged".</summary>
    public static string Status(MatterEventType type) => type switch
    {
        MatterEventType.Registered or MatterEventType.RegisteredOnBehalf => "open",
        MatterEventType.Accepted or MatterEventType.Returned or MatterEventType.Escalated => "investigating",
        MatterEventType.Rejected => "no_further_action",
        MatterEventType.Dispatched => "action_scheduled",
        MatterEventType.Started or MatterEventType.Resumed or MatterEventType.VerificationFailed => "in_progress",
        MatterEventType.Suspended => "planned",
        MatterEventType.Resolved or MatterEventType.Verified => "fixed",
        MatterEventType.Reopened => "reopen",
        MatterEventType.Closed => "closed",
        MatterEventType.Linked => "duplicate",
        _ => "unchanged",
    };
}
