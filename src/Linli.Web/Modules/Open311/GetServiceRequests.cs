using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Open311;

// GET /requests, /requests/{id}, /tokens/{token} (GeoReport v2 1.5.4-1.5.6): public, city-wide, public fields only.
// service_request_id is the matter's public ticket number.
public static class GetServiceRequests
{
    public const int MaxRequests = 1000;
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);

    public static void Map(RouteGroupBuilder open311)
    {
        open311.MapGet("/requests.{format}", List).WithName("Open311_Requests")
            .WithSummary("Service requests: service_request_id (comma list, overrides the rest), service_code, start_date, end_date, status; default the last 90 days, at most 1000");
        open311.MapGet("/requests/{id}.{format}", One).WithName("Open311_Request").WithSummary("One service request (still a list of one)");
        open311.MapGet("/tokens/{token}.{format}", Token).WithName("Open311_Token").WithSummary("The service_request_id a POST's token stands for");
    }

    static async Task<IResult> List(string format, AppDbContext db, TimeProvider time, CancellationToken ct,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId = null, [FromQuery(Name = "service_request_id")] string? ids = null,
        [FromQuery(Name = "service_code")] string? codes = null, [FromQuery(Name = "start_date")] string? startDate = null,
        [FromQuery(Name = "end_date")] string? endDate = null, [FromQuery(Name = "status")] string? status = null)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        var j = await Open311Reads.JurisdictionAsync(db, jurisdictionId, ct);
        if (!j.Found) return Open311Format.Error(f, 404, "jurisdiction_id not found.");
        var matters = Open311Reads.Matters(db, j.Path);
        var tickets = Split(ids);
        if (tickets.Count > 0)
        {
            // The spec: a service_request_id list overrides every other argument.
            if (tickets.Count > MaxRequests) return Open311Format.Error(f, 400, $"At most {MaxRequests} service_request_id values.");
            var upper = tickets.Select(t => t.ToUpperInvariant()).ToList();
            matters = matters.Where(m => upper.Contains(m.TicketNumber));
        }
        else
        {
            if (!TryRange(startDate, endDate, time.GetUtcNow().UtcDateTime, out var from, out var to, out var error))
                return Open311Format.Error(f, 400, error!);
            matters = matters.Where(m => m.CreatedAt >= from && m.CreatedAt <= to);
            var statuses = Split(status).Select(s => s.ToLowerInvariant()).Distinct().ToList();
            if (statuses.Any(s => s is not ("open" or "closed"))) return Open311Format.Error(f, 400, "status is open, closed or both (comma-separated).");
            if (statuses is ["open"]) matters = matters.Where(m => m.State != MatterState.Closed && m.State != MatterState.Rejected);
            if (statuses is ["closed"]) matters = matters.Where(m => m.State == MatterState.Closed || m.State == MatterState.Rejected);
            var serviceCodes = Split(codes);
            if (serviceCodes.Count > 0)
            {
                var categoryIds = await db.MatterCategories.AsNoTracking().Where(c => serviceCodes.Contains(c.Code)).Select(c => c.Id).ToListAsync(ct);
                matters = matters.Where(m => categoryIds.Contains(m.CategoryId));
            }
        }
        var rows = await Open311Reads.RequestRowsAsync(db, matters, MaxRequests, ct);
        return Write(f, rows, time.LocalTimeZone);
    }

    static async Task<IResult> One(string id, string format, AppDbContext db, TimeProvider time, CancellationToken ct,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId = null)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        var j = await Open311Reads.JurisdictionAsync(db, jurisdictionId, ct);
        if (!j.Found) return Open311Format.Error(f, 404, "jurisdiction_id not found.");
        var ticket = id.Trim().ToUpperInvariant();
        var rows = await Open311Reads.RequestRowsAsync(db, Open311Reads.Matters(db, j.Path).Where(m => m.TicketNumber == ticket), 1, ct);
        return rows.Count == 0 ? Open311Format.Error(f, 404, $"Service request {id} not found.") : Write(f, rows, time.LocalTimeZone);
    }

    static async Task<IResult> Token(string token, string format, AppDbContext db, CancellationToken ct,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId = null)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        var j = await Open311Reads.JurisdictionAsync(db, jurisdictionId, ct);
        if (!j.Found) return Open311Format.Error(f, 404, "jurisdiction_id not found.");
        var ticket = token.Length > 40 ? null : await Open311Reads.TicketForTokenAsync(db, token, j.Path, ct);
        return ticket is null
            ? Open311Format.Error(f, 404, $"Token {token} not found.")
            : Open311Format.Write(f, "service_requests", new O311List("request", [new O311Object([new("service_request_id", ticket), new("token", token)])]));
    }

    static IResult Write(O311Format f, List<Open311Reads.RequestRow> rows, TimeZoneInfo zone) =>
        Open311Format.Write(f, "service_requests", new O311List("request", rows.Select(r => (object?)ToRequest(r, zone)).ToList()));

    public static O311Object ToRequest(Open311Reads.RequestRow r, TimeZoneInfo zone) => new(
    [
        new("service_request_id", r.Ticket),
        new("status", MatterClock.IsOpen(r.State) ? "open" : "closed"),
        new("status_notes", r.Result ?? r.LastPublicNote),
        new("service_name", r.ServiceName),
        new("service_code", r.ServiceCode),
        new("description", r.Description),
        new("agency_responsible", r.Agency),
        new("service_notice", null),
        new("requested_datetime", Open311Format.Date(r.CreatedAt, zone)),
        new("updated_datetime", Open311Format.Date(r.ClosedAt ?? Max(r.LastPublicAt, r.CreatedAt), zone)),
        new("expected_datetime", Open311Format.Date(MatterClock.RunningDue(r.State, r.AcceptDueAt, r.ResolveDueAt), zone)),
        new("address", r.Address),
        new("address_id", null),
        new("zipcode", null),
        new("lat", r.Latitude),
        new("long", r.Longitude),
        new("media_url", r.MediaUrl),
    ]);

    static DateTime Max(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;

    static List<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>start_date/end_date (W3C-DTF, with offset): default the most recent 90 days; a range longer than 90 days is refused.</summary>
    public static bool TryRange(string? start, string? end, DateTime nowUtc, out DateTime fromUtc, out DateTime toUtc, out string? error)
    {
        fromUtc = toUtc = default;
        error = null;
        DateTime? s = null, e = null;
        if (!string.IsNullOrWhiteSpace(start)) { if (Parse(start) is { } v) s = v; else { error = "start_date is not a W3C date-time."; return false; } }
        if (!string.IsNullOrWhiteSpace(end)) { if (Parse(end) is { } v) e = v; else { error = "end_date is not a W3C date-time."; return false; } }
        toUtc = e ?? (s is { } s0 && s0 + MaxRange < nowUtc ? s0 + MaxRange : nowUtc);
        fromUtc = s ?? toUtc - MaxRange;
        if (fromUtc > toUtc) error = "start_date is after end_date.";
        else if (toUtc - fromUtc > MaxRange) error = "The date range may not span more than 90 days.";
        return error is null;
    }

    // A '+' offset sent unencoded in the query string arrives as a space.
    static DateTime? Parse(string value) =>
        DateTimeOffset.TryParse(value.Trim().Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime : null;
}
