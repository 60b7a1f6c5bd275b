using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters;
using Linli.Platform.Idempotency;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;

namespace Linli.Modules.Open311;

// POST /requests (GeoReport v2 1.5.3): a client system with a valid api_key registers a matter (channel Open311) owned by
// the client's bound unit (首问责任). Answers the ticket number at once, plus a token for the spec's token flow.
// An Idempotency-Key header makes a retried POST answer as the first did instead of registering again.
public static class PostServiceRequest
{
    public static void Map(RouteGroupBuilder open311) =>
        open311.MapPost("/requests.{format}", Handle).WithName("Open311_Create")
            .WithSummary("Create a service request (form-encoded, api_key required); honours Idempotency-Key");

    // The form is read by hand: Open311 clients post without antiforgery tokens, and api_key is the credential.
    static async Task<IResult> Handle(string format, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (Open311Format.Parse(format) is not { } f) return Open311Format.Error(O311Format.Xml, 404, "Unknown format: use .xml or .json.");
        if (!http.Request.HasFormContentType) return Open311Format.Error(f, 400, "Send the fields form-encoded (application/x-www-form-urlencoded).");
        var form = await http.Request.ReadFormAsync(ct);
        var j = await Open311Reads.JurisdictionAsync(db, Field(form, "jurisdiction_id"), ct);
        if (!j.Found) return Open311Format.Error(f, 404, "jurisdiction_id not found.");
        var found = await Open311Reads.ClientByKeyAsync(db, Field(form, "api_key"), ct);
        if (found is not { } c || (j.Path is not null && !c.UnitPath.StartsWith(j.Path, StringComparison.Ordinal)))
            return Open311Format.Error(f, 403, "Invalid api_key received -- can't proceed with create_request.");

        // From here the request acts as the client: its bound unit owns the matter and bounds what it may see.
        db.CurrentUser.SetUser(c.Client.ActorId, c.Client.Name, "Open311", c.Client.OrgUnitId, null, c.UnitPath);
        if (!http.Request.Headers.TryGetValue(Idempotency.Header, out var key))
            return await CreateAsync(f, form, c.Client, http.RequestServices, ct);
        if (!Idempotency.IsValidKey(key)) return Open311Format.Error(f, 400, "The Idempotency-Key is 1-200 visible characters.");
        var body = string.Join("&", form.Where(p => p.Key != "api_key").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        try
        {
            return await Idempotency.RunAsync(http, c.Client.ActorId, key.ToString(), Idempotency.RequestHash(http, body),
                () => CreateAsync(f, form, c.Client, http.RequestServices, ct));
        }
        catch (BusinessRuleException e) { return Open311Format.Error(f, e.Status, e.Message); } // idempotency.mismatch: 422, as the spec's list

    }

    static async Task<IResult> CreateAsync(O311Format f, IFormCollection form, Open311Client client, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var code = Field(form, "service_code");
        if (code is null) return Open311Format.Error(f, 400, "service_code not provided.");
        var category = await db.MatterCategories.AsNoTracking().Where(x => x.Code == code && x.Active)
            .Select(x => new { x.Id, x.Name, x.AcceptHours }).FirstOrDefaultAsync(ct);
        if (category is null) return Open311Format.Error(f, 400, $"service_code {code} not found.");

        var errors = new List<string>();
        var (lat, lon) = (Number(form, "lat", errors), Number(form, "long", errors));
        var address = Field(form, "address_string") ?? (Field(form, "address_id") is { } addressId ? "#" + addressId : null);
        if ((lat is null) != (lon is null)) errors.Add("Send both lat and long.");
        if (lat is null && lon is null && address is null) errors.Add("A location is required: lat and long, address_string or address_id.");
        var media = Field(form, "media_url");
        if (media is not null && (media.Length > 500 || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors.Add("media_url is not an http(s) URL of at most 500 characters.");
        if (errors.Count > 0) return Open311Format.Errors(f, 400, errors);

        var name = string.Join(" ", new[] { Field(form, "first_name"), Field(form, "last_name") }.OfType<string>());
        var matterForm = new MatterForm
        {
            Channel = nameof(MatterChannel.Open311), CategoryId = category.Id, Description = Field(form, "description") ?? category.Name,
            Address = address, Latitude = lat, Longitude = lon, ReporterName = name.Length == 0 ? null : name,
            ReporterContact = Field(form, "phone") ?? Field(form, "email"),
            AnonymousToPublic = Field(form, "public_anonymity_required")?.ToLowerInvariant() is "true" or "1" or "yes",
        };
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var saved = await RegisterMatter.SaveAsync(db, services.GetRequiredService<FieldProtector>(), time, matterForm, ct);
            if (saved is not { } s) return Open311Format.Error(f, 400, "The request could not be registered.");
            var submission = new Open311Submission
            {
                MatterId = s.Matter.Id, ClientId = client.Id, Token = MatterTickets.NewToken(), MediaUrl = media, CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Add(submission);
            db.AuditAction = "Open311.Submit";
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return Open311Format.Write(f, "service_requests", new O311List("request",
            [
                new O311Object(
                [
                    new("service_request_id", s.Matter.TicketNumber),
                    new("token", submission.Token),
                    new("service_notice", string.Create(CultureInfo.InvariantCulture,
                        $"已受理登记，{category.AcceptHours:0.#} 个工作小时内受理。Registered; it will be accepted within {category.AcceptHours:0.#} working hours.")),
                    new("account_id", Field(form, "account_id")),
                ]),
            ]));
        }
        catch (FieldErrorsException e) { return Open311Format.Errors(f, 400, e.Errors.SelectMany(x => x.Value.Select(m => $"{x.Key}: {m}"))); }
        catch (BusinessRuleException e) { return Open311Format.Error(f, 400, e.Message); }
        finally { if (own is not null) await own.DisposeAsync(); }
    }

    // "An optional parameter passed empty must behave exactly as if absent."
    // A repeated field (FixMyStreet repeats media_url) counts by its first value.
    static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var v) && v.FirstOrDefault(x => !string.IsNullOrWhiteSpace(x)) is { } first ? first.Trim() : null;

    static double? Number(IFormCollection form, string name, List<string> errors)
    {
        if (Field(form, name) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
        errors.Add($"{name} is not a number.");
        return null;
    }
}
