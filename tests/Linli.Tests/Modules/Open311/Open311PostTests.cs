using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Open311;

public sealed class Open311PostTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Post_GoodKey_RegistersAnOpen311MatterOwnedByTheClientsUnit_IdTokenAndReadBack(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var key = await app.CreateOpen311ClientAsync(tree.Street);
        var description = Open311Arrange.Unique("人行道井盖缺失");
        var client = app.Anonymous();

        var (status, text, _) = await client.PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(key, description));
        var (jsonStatus, jsonText, _) = await client.PostO311Async("/open311/v2/requests.json",
            new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "city.env.litter", ["address_string"] = "天一广场", ["description"] = "", ["account_id"] = "acc-7" });

        Assert.True(status == HttpStatusCode.OK, text);
        var request = Assert.Single(XDocument.Parse(text).Root!.Elements("request"));
        Assert.Equal("service_requests", request.Parent!.Name.LocalName);
        Assert.Equal(["service_request_id", "token", "service_notice", "account_id"], request.Elements().Select(e => e.Name.LocalName));
        var ticket = request.Element("service_request_id")!.Value;
        var token = request.Element("token")!.Value;
        var matter = await app.WithDbAsync(db => db.Matters.Include(m => m.Events).SingleAsync(m => m.TicketNumber == ticket, Ct));
        Assert.Equal((MatterChannel.Open311, tree.Street.Id, tree.Street.OrgPath, description), (matter.Channel, matter.RegisteredByUnitId, matter.OrgPath, matter.Description));
        Assert.Equal(("明 张", 29.8683, "中山东路 88 号"), (matter.ReporterName, matter.Latitude, matter.Address));
        Assert.NotNull(matter.ReporterContactCipher);
        Assert.StartsWith("open311:", matter.CreatedById);

        // The client's unit sees it in its own lists.
        var official = await app.ClientAsync(Roles.Official, tree.Street);
        var list = await official.GetJsonAsync("/api/v1/matters?pageSize=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("ticketNumber").GetString() == ticket);

        var (tokenStatus, tokenXml, _) = await client.GetXmlAsync($"/open311/v2/tokens/{token}.xml");
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
        var mapped = Assert.Single(tokenXml.Root!.Elements("request"));
        Assert.Equal((ticket, token), (mapped.Element("service_request_id")!.Value, mapped.Element("token")!.Value));
        var (_, tokenJson, _) = await client.GetO311JsonAsync($"/open311/v2/tokens/{token}.json");
        Assert.Equal(ticket, tokenJson[0].GetProperty("service_request_id").GetString());

        var (_, one, _) = await client.GetXmlAsync($"/open311/v2/requests/{ticket}.xml");
        var r = Assert.Single(one.Root!.Elements("request"));
        Assert.Equal(("open", "https://example.org/photo.jpg", tree.Street.Name), (r.Element("status")!.Value, r.Element("media_url")!.Value, r.Element("agency_responsible")!.Value));
        Assert.DoesNotContain("13912345678", one.ToString());
        Assert.DoesNotContain("张", one.ToString());

        Assert.True(jsonStatus == HttpStatusCode.OK, jsonText);
        var created = Assert.Single(JsonDocument.Parse(jsonText).RootElement.EnumerateArray());
        Assert.Equal(JsonValueKind.String, created.GetProperty("service_request_id").ValueKind);
        Assert.Equal("acc-7", created.GetProperty("account_id").GetString());
        var second = created.GetProperty("service_request_id").GetString()!;
        Assert.Equal("垃圾清运不及时", await app.WithDbAsync(db => db.Matters.Where(m => m.TicketNumber == second).Select(m => m.Description).SingleAsync(Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Post_MissingWrongOrRevokedKey_Returns403SpecErrorList_AndRegistersNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var revoked = await app.CreateOpen311ClientAsync(tree.Community);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.City);
        var id = (await admin.GetJsonAsync("/api/v1/open311/clients")).GetProperty("items")[0].GetProperty("id").GetInt64();
        await admin.PostOkAsync($"/api/v1/open311/clients/{id}/revoke", new { });
        var description = Open311Arrange.Unique("无钥匙的请求");
        var client = app.Anonymous();

        var missing = Open311Arrange.Form("", description);
        missing.Remove("api_key");
        var (noKey, noKeyText, _) = await client.PostO311Async("/open311/v2/requests.xml", missing);
        var (wrong, wrongText, _) = await client.PostO311Async("/open311/v2/requests.json", Open311Arrange.Form("o311_wrong", description));
        var (gone, goneText, _) = await client.PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(revoked, description));

        Assert.Equal(HttpStatusCode.Forbidden, noKey);
        Assert.Equal(("403", "Invalid api_key received -- can't proceed with create_request."), Open311Arrange.XmlError(XDocument.Parse(noKeyText)));
        Assert.Equal(HttpStatusCode.Forbidden, wrong);
        Assert.Equal(403, Assert.Single(JsonDocument.Parse(wrongText).RootElement.EnumerateArray()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, gone);
        Assert.Equal("403", Open311Arrange.XmlError(XDocument.Parse(goneText)).Code);
        Assert.Equal(0, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.Description == description, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Post_BadServiceCodeNoLocationOrBadMedia_Returns400SpecErrorList(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var key = await app.CreateOpen311ClientAsync(tree.Community);
        var client = app.Anonymous();

        var (badCode, badCodeText, _) = await client.PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(key, "x", code: "no.such.service"));
        var noLocation = Open311Arrange.Form(key, "没有位置");
        foreach (var f in new[] { "lat", "long", "address_string" }) noLocation.Remove(f);
        var (noWhere, noWhereText, _) = await client.PostO311Async("/open311/v2/requests.json", noLocation);
        var halfLocation = Open311Arrange.Form(key, "只有纬度");
        halfLocation.Remove("long");
        var (half, _, _) = await client.PostO311Async("/open311/v2/requests.xml", halfLocation);
        var badMedia = Open311Arrange.Form(key, "坏链接");
        badMedia["media_url"] = "javascript:alert(1)";
        var (media, _, _) = await client.PostO311Async("/open311/v2/requests.xml", badMedia);
        var (json, _, _) = await client.SendAsync(HttpMethod.Post, "/open311/v2/requests.xml", new { api_key = key });

        Assert.Equal(HttpStatusCode.BadRequest, badCode);
        Assert.Equal(("400", "service_code no.such.service not found."), Open311Arrange.XmlError(XDocument.Parse(badCodeText)));
        Assert.Equal(HttpStatusCode.BadRequest, noWhere);
        Assert.Contains("location", Assert.Single(JsonDocument.Parse(noWhereText).RootElement.EnumerateArray()).GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, half);
        Assert.Equal(HttpStatusCode.BadRequest, media);
        Assert.Equal(HttpStatusCode.BadRequest, json);
    }

    [Fact]
    public async Task Open311_ManyRequestsFromOneAddress_AreRateLimited()
    {
        await using var app = LinliApp.Create(Provider.Sqlite, new Dictionary<string, string?> { ["Open311:RequestsPerMinute"] = "3" });
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await client.GetAsync("/open311/v2/services.xml", Ct)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
