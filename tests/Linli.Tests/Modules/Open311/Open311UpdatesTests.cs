using System.Net;
using Linli.Modules.Matters;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Open311;

// GET /open311/v2/servicerequestupdates (the mySociety extension FixMyStreet follows).
public sealed class Open311UpdatesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Updates_ShowPublicStepsOnly_WithExtendedStatusAndOurStepType(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var at = new DateTime(2026, 7, 1, 1, 0, 0, DateTimeKind.Utc);
        var m = await app.AddMatterAsync(tree.Grid, at);
        var note = await app.AddEventAsync(m, MatterEventType.StaffNote, at.AddHours(1), "内部备注：不要告诉居民", isPublic: false);
        var accepted = await app.AddEventAsync(m, MatterEventType.Accepted, at.AddHours(2), null, isPublic: true);
        var dispatchedPrivately = await app.AddEventAsync(m, MatterEventType.Dispatched, at.AddHours(3), "内部派遣", isPublic: false);
        var resolved = await app.AddEventAsync(m, MatterEventType.Resolved, at.AddHours(30), "路灯已更换", isPublic: true);
        var client = app.Anonymous();
        var query = $"jurisdiction_id={tree.City.Code}&start_date=2026-07-01T01:30:00Z&end_date=2026-07-03T00:00:00Z";

        var (status, xml, text) = await client.GetXmlAsync($"/open311/v2/servicerequestupdates.xml?{query}");
        var (jsonStatus, json, _) = await client.GetO311JsonAsync($"/open311/v2/servicerequestupdates.json?{query}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("service_request_updates", xml.Root!.Name.LocalName);
        var updates = xml.Root.Elements("request_update").ToList();
        Assert.Equal([accepted.ToString(), resolved.ToString()], updates.Select(u => u.Element("update_id")!.Value));
        Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url", "external_status_code"],
            updates[0].Elements().Select(e => e.Name.LocalName));
        Assert.All(updates, u => Assert.Equal(m.TicketNumber, u.Element("service_request_id")!.Value));
        Assert.Equal(["investigating", "fixed"], updates.Select(u => u.Element("status")!.Value));
        Assert.Equal(["Accepted", "Resolved"], updates.Select(u => u.Element("external_status_code")!.Value));
        Assert.Equal("路灯已更换", updates[1].Element("description")!.Value);
        Assert.Equal(at.AddHours(30), DateTimeOffset.Parse(updates[1].Element("updated_datetime")!.Value).UtcDateTime);
        Assert.DoesNotContain("内部", text);
        Assert.DoesNotContain(updates, u => u.Element("update_id")!.Value == note.ToString() || u.Element("update_id")!.Value == dispatchedPrivately.ToString());
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Equal(["investigating", "fixed"], json.EnumerateArray().Select(u => u.GetProperty("status").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.String, json[0].GetProperty("update_id").ValueKind);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Updates_RangeOver90DaysOrUnknownJurisdiction_AreSpecErrorLists(Provider provider)
    {
        var client = (await apps.For(provider)).Anonymous();

        var (wide, wideXml, _) = await client.GetXmlAsync("/open311/v2/servicerequestupdates.xml?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z");
        var (nowhere, nowhereJson, _) = await client.GetO311JsonAsync("/open311/v2/servicerequestupdates.json?jurisdiction_id=nowhere");

        Assert.Equal(HttpStatusCode.BadRequest, wide);
        Assert.Equal("400", Open311Arrange.XmlError(wideXml).Code);
        Assert.Equal(HttpStatusCode.NotFound, nowhere);
        Assert.Equal(404, nowhereJson[0].GetProperty("code").GetInt32());
    }
}
