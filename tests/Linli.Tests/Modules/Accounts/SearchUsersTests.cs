using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Accounts;

public sealed class SearchUsersTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_SecurityAdminOfDistrict_SeesOnlyAccountsInsideIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var districtY = await app.AddDistrictAsync(tree);
        var inside = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var outside = await app.CreateUserAsync(Roles.Official, districtY);
        var above = await app.CreateUserAsync(Roles.Official, tree.City);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        var body = await (await admin.GetAsync("/api/v1/users?pageSize=200", Ct)).JsonAsync();

        var names = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString()).ToList();
        Assert.Contains(inside.UserName, names);
        Assert.DoesNotContain(outside.UserName, names);
        Assert.DoesNotContain(above.UserName, names);
        Assert.Equal(names.Count, body.GetProperty("total").GetInt32());
        var row = body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("userName").GetString() == inside.UserName);
        Assert.Equal(tree.Community.Name, row.GetProperty("orgUnitName").GetString());
        Assert.False(row.GetProperty("lockedOut").GetBoolean());
        Assert.False(row.GetProperty("disabled").GetBoolean());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_Filters_NarrowByTextRoleUnitAndState(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        var grid = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        var other = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community3);
        await app.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == other.Id, Ct);
            u.Disabled = true;
            return await db.SaveChangesAsync(Ct);
        });
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        async Task<List<string?>> NamesAsync(string query) =>
            [.. (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users?{query}", Ct))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString())];

        Assert.Equal([worker.UserName], await NamesAsync($"q={worker.UserName[10..].ToUpperInvariant()}"));
        Assert.Equal([grid.UserName], await NamesAsync($"role={Roles.GridWorker}"));
        Assert.Equal(new[] { grid.UserName, worker.UserName }.Order(), (await NamesAsync($"orgUnitId={tree.Community.Id}")).Order());
        Assert.Equal([other.UserName], await NamesAsync($"disabled=true&role={Roles.CommunityWorker}"));
        Assert.Equal([worker.UserName], await NamesAsync($"disabled=false&role={Roles.CommunityWorker}"));
        Assert.Empty(await NamesAsync($"orgUnitId={tree.City.Id}")); // above the admin's scope: matches nothing
        var paged = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/users?pageSize=1&page=2", Ct);
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.True(paged.GetProperty("total").GetInt32() >= 4); // the three above and the admin
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_AccountInOtherDistrict_Returns404EverywhereInTheApi(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var districtY = await app.AddDistrictAsync(tree);
        var target = await app.CreateUserAsync(Roles.Official, districtY);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        var responses = new[]
        {
            await admin.GetAsync($"/api/v1/users/{target.Id}", Ct),
            await admin.PatchAsJsonAsync($"/api/v1/users/{target.Id}", new { displayName = "改名" }, Ct),
            await admin.PostAsJsonAsync($"/api/v1/users/{target.Id}/reset-password", new { newPassword = AccountsTestData.StrongPassword }, Ct),
            await admin.PostAsync($"/api/v1/users/{target.Id}/unlock", null, Ct),
            await admin.PostAsync($"/api/v1/users/{target.Id}/disable", null, Ct),
            await admin.PostAsync($"/api/v1/users/{target.Id}/enable", null, Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == target.Id, Ct));
        Assert.False(stored.Disabled);
        Assert.NotEqual("改名", stored.DisplayName);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Get_AccountInsideSubtree_ReturnsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var target = await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.District);

        var body = await (await admin.GetAsync($"/api/v1/users/{target.Id}", Ct)).JsonAsync();

        Assert.Equal(target.UserName, body.GetProperty("userName").GetString());
        Assert.Equal(tree.Grid.Id, body.GetProperty("orgUnitId").GetInt64());
        Assert.Equal([Roles.GridWorker], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
