using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Modules.Matters;
using Linli.Modules.Open311;
using Linli.Modules.Organization;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Open311;

public static class Open311Arrange
{
    /// <summary>A client system bound to <paramref name="unit"/>; returns its api_key.</summary>
    public static async Task<string> CreateOpen311ClientAsync(this LinliApp app, OrgUnit unit, string name = "FixMyStreet 测试")
    {
        var key = Open311Client.NewKey();
        await app.WithDbAsync(async db =>
        {
            Open311Clients.Add(db, name, unit.Id, unit.OrgPath, key, DateTime.UtcNow);
            return await db.SaveChangesAsync(Ct);
        });
        return key;
    }

    /// <summary>A matter written straight to the database (the workflow actions live on another branch), with its Registered step.</summary>
    public static Task<Matter> AddMatterAsync(this LinliApp app, OrgUnit unit, DateTime createdAtUtc, string code = "city.repair.light",
        MatterState state = MatterState.Registered, string description = "路灯不亮", string? reporterName = "王阿姨", bool anonymous = false,
        string? result = null) => app.WithDbAsync(async db =>
    {
        var category = await db.MatterCategories.SingleAsync(c => c.Code == code, Ct);
        var closed = state is MatterState.Closed or MatterState.Rejected;
        var m = new Matter
        {
            TicketNumber = "T" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(), TrackingTokenHash = new string('a', 64),
            Channel = MatterChannel.Hotline, CategoryId = category.Id, CategoryName = category.Name, Description = description,
            Address = "中山东路 88 号", Latitude = 29.8683, Longitude = 121.544, ReporterName = reporterName, ReporterContactCipher = "cipher",
            ReporterContactMasked = "138****5678", AnonymousToPublic = anonymous, State = state, RegisteredByUnitId = unit.Id,
            CreatedAt = createdAtUtc, CreatedById = "tests", CreatedByName = "测试员", OrgPath = unit.OrgPath,
            AcceptDueAt = createdAtUtc.AddHours(4), ClosedAt = closed ? createdAtUtc.AddDays(3) : null, Result = result,
        };
        m.Events.Add(Event(m, MatterEventType.Registered, createdAtUtc, "诉求已登记", isPublic: true));
        db.Matters.Add(m);
        await db.SaveChangesAsync(Ct);
        return m;
    });

    public static Task<long> AddEventAsync(this LinliApp app, Matter m, MatterEventType type, DateTime atUtc, string? note, bool isPublic) =>
        app.WithDbAsync(async db =>
        {
            var e = Event(m, type, atUtc, note, isPublic);
            e.MatterId = m.Id;
            db.MatterEvents.Add(e);
            await db.SaveChangesAsync(Ct);
            return e.Id;
        });

    static MatterEvent Event(Matter m, MatterEventType type, DateTime at, string? note, bool isPublic) => new()
    {
        Type = type, ActorId = "tests", ActorName = "办事员李四", At = at, Note = note, IsPublic = isPublic, OrgPath = m.OrgPath,
    };

    public static async Task<(HttpStatusCode Status, XDocument Xml, string Text)> GetXmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
            Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        return (response.StatusCode, XDocument.Parse(text), text);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Json, string Text)> GetO311JsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    public static async Task<(HttpStatusCode Status, string Text, HttpResponseMessage Response)> PostO311Async(this HttpClient client, string url,
        IDictionary<string, string> fields, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response);
    }

    public static Dictionary<string, string> Form(string apiKey, string description, string code = "city.repair.light") => new()
    {
        ["api_key"] = apiKey, ["service_code"] = code, ["lat"] = "29.8683", ["long"] = "121.544", ["address_string"] = "中山东路 88 号",
        ["description"] = description, ["first_name"] = "明", ["last_name"] = "张", ["phone"] = "13912345678",
        ["media_url"] = "https://example.org/photo.jpg",
    };

    /// <summary>The single error of a spec error list in XML: (code, description).</summary>
    public static (string Code, string Description) XmlError(XDocument doc)
    {
        Assert.Equal("errors", doc.Root!.Name.LocalName);
        var error = Assert.Single(doc.Root.Elements("error"));
        return (error.Element("code")!.Value, error.Element("description")!.Value);
    }

    public static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];
}
