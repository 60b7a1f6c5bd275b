using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Residents;

public sealed class SearchResidentsTests(Apps apps)
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_ByName_ListsMaskedNumbersOnly(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1972, 8, 9));
        var phone = TestIds.Phone();
        var residentId = (await home.AddResidentAsync("欧阳明", id, phone)).Id();

        var response = await home.Worker.GetAsync("/api/v1/residents?name=欧阳", RegistryArrange.Ct);
        var text = await response.Content.ReadAsStringAsync(RegistryArrange.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(id, text);
        Assert.DoesNotContain(phone, text);
        var item = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(residentId, item.GetProperty("id").GetInt64());
        Assert.Equal(Masking.IdNumber(id), item.GetProperty("idNumber").GetString());
        Assert.Equal(Masking.Phone(phone), item.GetProperty("phone").GetString());
        Assert.Equal(home.Tree.Grid.Id, item.GetProperty("orgUnitId").GetInt64());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    // The total rides on the page's own statement; past the last page it is counted on its own.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_Paging_TotalOnEveryPage_AlsoPastTheEnd(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        foreach (var name in new[] { "司马一", "司马二", "司马三" })
            await home.AddResidentAsync(name, TestIds.New(new DateOnly(1980, 1, 2)), TestIds.Phone());

        async Task<(int Total, string[] Names)> Page(int page)
        {
            var json = await home.Worker.GetFromJsonAsync<JsonElement>($"/api/v1/residents?name=司马&page={page}&pageSize=2", RegistryArrange.Ct);
            return (json.GetProperty("total").GetInt32(), json.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("name").GetString()!).ToArray());
        }

        Assert.Equal((3, 2), ((await Page(1)).Total, (await Page(1)).Names.Length));
        Assert.Equal(3, (await Page(2)).Total);
        Assert.Single((await Page(2)).Names);
        Assert.Equal(3, (await Page(5)).Total);
        Assert.Empty((await Page(5)).Names);
        Assert.Equal(0, (await home.Worker.GetFromJsonAsync<JsonElement>("/api/v1/residents?name=无此人", RegistryArrange.Ct)).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_ByIdNumberOrPhone_FindsExactlyThatResident(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1966, 6, 6));
        var phone = TestIds.Phone();
        var wanted = (await home.AddResidentAsync("周一", id, phone)).Id();
        await home.AddResidentAsync("周二", TestIds.New(new DateOnly(1966, 6, 6)), TestIds.Phone());

        var byId = await home.Worker.GetJsonAsync($"/api/v1/residents?idNumber={id.ToLowerInvariant()}");
        var byPhone = await home.Worker.GetJsonAsync($"/api/v1/residents?phone=+86 {phone[..3]}-{phone[3..]}");

        Assert.Equal([wanted], byId.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal([wanted], byPhone.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_AgeRange_UsesBirthDates(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        // Ages 59 (60th birthday tomorrow), 60 (birthday today), 80 and 30.
        var turning60Tomorrow = await home.AddResidentAsync("甲", TestIds.New(Today.AddYears(-60).AddDays(1)));
        var sixtyToday = await home.AddResidentAsync("乙", TestIds.New(Today.AddYears(-60)));
        var eighty = await home.AddResidentAsync("丙", TestIds.New(Today.AddYears(-80).AddDays(-3)));
        await home.AddResidentAsync("丁", TestIds.New(Today.AddYears(-30)));

        async Task<long[]> Ids(string query) => (await home.Worker.GetJsonAsync($"/api/v1/residents?{query}&orgUnitId={home.Tree.Community.Id}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order().ToArray();

        Assert.Equal(new[] { sixtyToday.Id(), eighty.Id() }.Order(), await Ids("ageFrom=60"));
        Assert.Equal([turning60Tomorrow.Id()], await Ids("ageFrom=59&ageTo=59"));
        Assert.Equal(new[] { sixtyToday.Id(), eighty.Id() }.Order(), await Ids("tag=elderly-60"));
        Assert.Equal([eighty.Id()], await Ids("tag=elderly-80"));
        var row = (await home.Worker.GetJsonAsync($"/api/v1/residents?ageFrom=80&orgUnitId={home.Tree.Community.Id}")).GetProperty("items")[0];
        Assert.Equal(80, row.GetProperty("age").GetInt32());
        Assert.Equal(["elderly-60", "elderly-80"], row.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_ByAddress_FindsResidentsOfMatchingBuildings(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("吴九", TestIds.New(new DateOnly(2001, 1, 1)));
        var gridWorker = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var byWorker = await home.Worker.GetJsonAsync("/api/v1/residents?address=中山东路");
        var byGrid = await gridWorker.GetJsonAsync("/api/v1/residents?address=3幢");
        var none = await home.Worker.GetJsonAsync("/api/v1/residents?address=不存在的路");

        Assert.Equal([resident.Id()], byWorker.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal([resident.Id()], byGrid.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        // The building belongs to the community: its name reaches the community's worker in the page's statement, the
        // grid worker (whose scope holds the house, not the building) by a lookup after it; both see the same address.
        var address = byWorker.GetProperty("items")[0].GetProperty("address").GetString();
        Assert.Contains("3幢", address);
        Assert.Equal(address, byGrid.GetProperty("items")[0].GetProperty("address").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_WorkerOfAnotherCommunity_NeverSeesResident(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1977, 7, 7));
        await home.AddResidentAsync("郑十", id);
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);

        var byName = await outsider.GetJsonAsync("/api/v1/residents?name=郑十");
        var byId = await outsider.GetJsonAsync($"/api/v1/residents?idNumber={id}");
        var byUnit = await outsider.GetJsonAsync($"/api/v1/residents?orgUnitId={home.Tree.Community.Id}");

        Assert.Equal(0, byName.GetProperty("total").GetInt32());
        Assert.Equal(0, byId.GetProperty("total").GetInt32());
        Assert.Equal(0, byUnit.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_AgeFromAboveAgeTo_Returns400(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Get, "/api/v1/residents?ageFrom=70&ageTo=60");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Single(body.Errors("ageTo"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_AsDepartmentStaff_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var staff = await app.ClientAsync(Roles.DepartmentStaff, tree.District);

        foreach (var url in new[] { "/api/v1/residents", "/api/v1/households", "/api/v1/houses", "/api/v1/buildings" })
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url, RegistryArrange.Ct)).StatusCode);
    }
}
