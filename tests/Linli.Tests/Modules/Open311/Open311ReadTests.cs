using System.Net;
using Linli.Modules.Matters;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Open311;

public sealed class Open311ReadTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Discovery_XmlAndJson_DescribeThisEndpoint(Provider provider)
    {
        var client = (await apps.For(provider)).Anonymous();

        var (status, xml, _) = await client.GetXmlAsync("/open311/v2/discovery.xml");
        var (jsonStatus, json, _) = await client.GetO311JsonAsync("/open311/v2/discovery.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal("", xml.Root.Name.NamespaceName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], xml.Root.Elements().Select(e => e.Name.LocalName));
        var endpoint = Assert.Single(xml.Root.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.True(DateTimeOffset.TryParse(xml.Root.Element("changeset")!.Value, out _));
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, json.ValueKind);
        Assert.Equal("production", json.GetProperty("endpoints")[0].GetProperty("type").GetString());
        Assert.Equal("application/json", json.GetProperty("endpoints")[0].GetProperty("formats")[1].GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Services_XmlAndJson_AreTheActiveCategoriesWithParentAsGroup_DefinitionHasNoAttributes(Provider provider)
    {
        var client = (await apps.For(provider)).Anonymous();

        var (_, xml, _) = await client.GetXmlAsync("/open311/v2/services.xml");
        var (_, json, _) = await client.GetO311JsonAsync("/open311/v2/services.json");
        var (defStatus, def, _) = await client.GetXmlAsync("/open311/v2/services/city.repair.light.xml");
        var (defJsonStatus, defJson, _) = await client.GetO311JsonAsync("/open311/v2/services/city.repair.light.json");
        var (unknownStatus, unknown, _) = await client.GetXmlAsync("/open311/v2/services/no.such.code.xml");

        Assert.Equal("services", xml.Root!.Name.LocalName);
        var light = Assert.Single(xml.Root.Elements("service"), s => s.Element("service_code")!.Value == "city.repair.light");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], light.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("路灯损坏", "false", "realtime", "设施维修"),
            (light.Element("service_name")!.Value, light.Element("metadata")!.Value, light.Element("type")!.Value, light.Element("group")!.Value));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.ValueKind);
        var jsonLight = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "city.repair.light");
        Assert.False(jsonLight.GetProperty("metadata").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, jsonLight.GetProperty("keywords").ValueKind);
        Assert.Equal(json.GetArrayLength(), xml.Root.Elements("service").Count());

        Assert.Equal(HttpStatusCode.OK, defStatus);
        Assert.Equal("service_definition", def.Root!.Name.LocalName);
        Assert.Equal("city.repair.light", def.Root.Element("service_code")!.Value);
        Assert.Empty(def.Root.Element("attributes")!.Elements());
        Assert.Equal(HttpStatusCode.OK, defJsonStatus);
        Assert.Equal(0, defJson.GetProperty("attributes").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal("404", Open311Arrange.XmlError(unknown).Code);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Requests_XmlAndJson_ShowPublicFieldsOnly_NeverNotesContactsOrAnonymousNames(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var at = new DateTime(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);
        var m = await app.AddMatterAsync(tree.Community, at, reporterName: "匿名者赵钱孙", anonymous: true, description: "东门路灯不亮");
        await app.AddEventAsync(m, MatterEventType.StaffNote, at.AddHours(1), "内部备注：物业推诿", isPublic: false);
        await app.AddEventAsync(m, MatterEventType.Accepted, at.AddHours(2), "已受理，转物业", isPublic: true);
        await app.AddEventAsync(m, MatterEventType.Dispatched, at.AddHours(3), "派给城管中队（内部）", isPublic: false);
        var client = app.Anonymous();
        var query = $"jurisdiction_id={tree.City.Code}&start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z";

        var (status, xml, xmlText) = await client.GetXmlAsync($"/open311/v2/requests.xml?{query}");
        var (jsonStatus, json, jsonText) = await client.GetO311JsonAsync($"/open311/v2/requests.json?{query}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var r = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
            "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"],
            r.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(m.TicketNumber, r.Element("service_request_id")!.Value);
        Assert.Equal("open", r.Element("status")!.Value);
        Assert.Equal("已受理，转物业", r.Element("status_notes")!.Value);
        Assert.Equal(("路灯损坏", "city.repair.light", "东门路灯不亮"), (r.Element("service_name")!.Value, r.Element("service_code")!.Value, r.Element("description")!.Value));
        Assert.Equal(tree.Community.Name, r.Element("agency_responsible")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", r.Element("requested_datetime")!.Value);
        Assert.Equal(at, DateTimeOffset.Parse(r.Element("requested_datetime")!.Value).UtcDateTime);
        Assert.Equal(at.AddHours(2), DateTimeOffset.Parse(r.Element("updated_datetime")!.Value).UtcDateTime);
        Assert.Equal(at.AddHours(4), DateTimeOffset.Parse(r.Element("expected_datetime")!.Value).UtcDateTime);
        Assert.Equal(("29.8683", "121.544", ""), (r.Element("lat")!.Value, r.Element("long")!.Value, r.Element("media_url")!.Value));

        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        var j = Assert.Single(json.EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.String, j.GetProperty("service_request_id").ValueKind);
        Assert.Equal(29.8683, j.GetProperty("lat").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, j.GetProperty("zipcode").ValueKind);
        foreach (var secret in new[] { "内部备注", "推诿", "匿名者赵钱孙", "138****5678", "cipher", "城管中队", "办事员李四", "测试员" })
        {
            Assert.DoesNotContain(secret, xmlText);
            Assert.DoesNotContain(secret, jsonText);
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Requests_Filters_IdsOverrideTheRest_CodeDatesAndStatusNarrow(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var day = new DateTime(2026, 5, 10, 2, 0, 0, DateTimeKind.Utc);
        var light = await app.AddMatterAsync(tree.Community, day);
        var road = await app.AddMatterAsync(tree.Community2, day.AddDays(1), code: "city.repair.road");
        var closed = await app.AddMatterAsync(tree.Community3, day.AddDays(2), code: "city.elderly.home", state: MatterState.Closed, result: "已修复");
        var old = await app.AddMatterAsync(tree.Community, day.AddDays(-200));
        var elsewhere = await app.AddMatterAsync((await app.CreateTreeAsync()).Community, day);
        var client = app.Anonymous();
        var j = $"jurisdiction_id={tree.City.Code}";
        var range = "start_date=2026-05-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00Z";

        async Task<string[]> Ids(string query)
        {
            var (status, xml, text) = await client.GetXmlAsync($"/open311/v2/requests.xml?{j}&{query}");
            Assert.True(status == HttpStatusCode.OK, text);
            return xml.Root!.Elements("request").Select(r => r.Element("service_request_id")!.Value).Order().ToArray();
        }

        Assert.Equal(new[] { light.TicketNumber, road.TicketNumber, closed.TicketNumber }.Order(), await Ids(range));
        Assert.Equal([road.TicketNumber], await Ids($"{range}&service_code=city.repair.road"));
        Assert.Equal(new[] { light.TicketNumber, road.TicketNumber }.Order(), await Ids($"{range}&service_code=city.repair.road,city.repair.light"));
        Assert.Equal(new[] { light.TicketNumber, road.TicketNumber }.Order(), await Ids($"{range}&status=open"));
        Assert.Equal([closed.TicketNumber], await Ids($"{range}&status=closed"));
        Assert.Equal(new[] { light.TicketNumber, road.TicketNumber, closed.TicketNumber }.Order(), await Ids($"{range}&status=open,closed"));
        Assert.Equal([light.TicketNumber], await Ids("start_date=2026-05-10T00:00:00Z&end_date=2026-05-10T23:59:59Z"));
        // The id list overrides every other argument, even a range that excludes them; the jurisdiction still bounds it.
        Assert.Equal(new[] { old.TicketNumber, closed.TicketNumber }.Order(),
            await Ids($"service_request_id={old.TicketNumber},{closed.TicketNumber.ToLowerInvariant()},{elsewhere.TicketNumber}&status=open&service_code=city.env.litter"));
        Assert.Empty(await Ids("")); // default: the most recent 90 days
        var (closedStatus, closedXml, _) = await client.GetXmlAsync($"/open311/v2/requests/{closed.TicketNumber}.xml");
        Assert.Equal(HttpStatusCode.OK, closedStatus);
        var c = Assert.Single(closedXml.Root!.Elements("request"));
        Assert.Equal(("closed", "已修复", ""), (c.Element("status")!.Value, c.Element("status_notes")!.Value, c.Element("expected_datetime")!.Value));
        Assert.Equal(day.AddDays(5), DateTimeOffset.Parse(c.Element("updated_datetime")!.Value).UtcDateTime);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Requests_BadArguments_Return400_UnknownJurisdictionAndId_Return404_AsSpecErrorLists(Provider provider)
    {
        var app = await apps.For(provider);
        var client = app.Anonymous();

        var (wide, wideXml, _) = await client.GetXmlAsync("/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z");
        var (badStatus, badStatusJson, _) = await client.GetO311JsonAsync("/open311/v2/requests.json?status=pending");
        var (badDate, _, _) = await client.GetXmlAsync("/open311/v2/requests.xml?start_date=yesterday");
        var (reversed, _, _) = await client.GetXmlAsync("/open311/v2/requests.xml?start_date=2026-05-01T00:00:00Z&end_date=2026-04-01T00:00:00Z");
        var (noCity, noCityXml, _) = await client.GetXmlAsync("/open311/v2/requests.xml?jurisdiction_id=nowhere.example");
        var (noId, noIdJson, _) = await client.GetO311JsonAsync("/open311/v2/requests/M19990101-000001.json");
        var (noIdXml, noIdDoc, _) = await client.GetXmlAsync("/open311/v2/requests/M19990101-000001.xml");
        var (noToken, _, _) = await client.GetXmlAsync("/open311/v2/tokens/no-such-token.xml");

        Assert.Equal(HttpStatusCode.BadRequest, wide);
        Assert.Equal(("400", "The date range may not span more than 90 days."), Open311Arrange.XmlError(wideXml));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(400, Assert.Single(badStatusJson.EnumerateArray()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badDate);
        Assert.Equal(HttpStatusCode.BadRequest, reversed);
        Assert.Equal(HttpStatusCode.NotFound, noCity);
        Assert.Equal("404", Open311Arrange.XmlError(noCityXml).Code);
        Assert.Equal(HttpStatusCode.NotFound, noId);
        Assert.Contains("not found", Assert.Single(noIdJson.EnumerateArray()).GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.NotFound, noIdXml);
        Assert.Equal("404", Open311Arrange.XmlError(noIdDoc).Code);
        Assert.Equal(HttpStatusCode.NotFound, noToken);
    }
}
