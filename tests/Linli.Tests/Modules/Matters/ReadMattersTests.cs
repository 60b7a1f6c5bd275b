using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Matters.Workflow;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Matters;

public sealed class ReadMattersTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_IsScoped_OtherCommunitySeesNothingAndTheStreetSeesIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var created = await worker.RegisterAsync(MatterArrange.Matter("楼道堆物影响通行"));
        var ticket = created.GetProperty("ticketNumber").GetString();

        var other = await (await app.ClientAsync(Roles.CommunityWorker, tree.Community2)).GetJsonAsync("/api/v1/matters");
        var street = await (await app.ClientAsync(Roles.Official, tree.Street)).GetJsonAsync("/api/v1/matters?state=Registered&channel=Counter&q=楼道堆物");
        var own = await worker.GetJsonAsync($"/api/v1/matters?categoryId={created.GetProperty("matter").GetProperty("categoryId").GetInt64()}");

        Assert.Equal(0, other.GetProperty("total").GetInt32());
        Assert.Equal(1, street.GetProperty("total").GetInt32());
        Assert.Equal(ticket, street.GetProperty("items")[0].GetProperty("ticketNumber").GetString());
        Assert.Equal(1, own.GetProperty("total").GetInt32());
    }

    // The unfiltered list's total comes from the rollup plus the matters handled here but owned elsewhere; it must be the
    // number of matters the list actually holds.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_Unfiltered_TotalCountsOwnedAndHandledHere(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var street = await app.ClientAsync(Roles.Official, tree.Street);
        await worker.RegisterInAsync();
        await worker.RegisterInAsync();
        var (fromStreet, _, _) = await street.RegisterInAsync();   // owned by the street, dispatched into the community
        await street.ActAsync(fromStreet, "accept");
        await street.ActAsync(fromStreet, "dispatch", new { unitId = tree.Community.Id });
        await (await app.ClientAsync(Roles.CommunityWorker, tree.Community2)).RegisterInAsync();

        var mine = await worker.GetJsonAsync("/api/v1/matters?pageSize=200");
        var streets = await street.GetJsonAsync("/api/v1/matters?pageSize=200");

        Assert.Equal(3, mine.GetProperty("total").GetInt32());
        Assert.Equal(3, mine.GetProperty("items").GetArrayLength());
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt64() == fromStreet);
        Assert.Equal(4, streets.GetProperty("total").GetInt32());
        Assert.Equal(4, streets.GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await worker.GetJsonAsync("/api/v1/matters?page=2&pageSize=2")).GetProperty("items").GetArrayLength());
        // Pages are slices of the one newest-first order (the page's ids are picked first, then their rows read).
        var pages = new List<long>();
        for (var page = 1; page <= 4; page++)
            pages.AddRange((await street.GetJsonAsync($"/api/v1/matters?page={page}&pageSize=1")).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal(streets.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()), pages);
        var created = streets.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("createdAt").GetDateTime()).ToList();
        Assert.Equal(created.OrderByDescending(t => t), created);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AddNote_EmptyIs400_OutsiderGets404_StaffNoteShowsInTheTimeline(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var id = (await worker.RegisterAsync()).GetProperty("matter").Id();

        var (emptyStatus, empty, _) = await worker.SendAsync(HttpMethod.Post, $"/api/v1/matters/{id}/notes", new { note = " " });
        var (outsideStatus, _, _) = await (await app.ClientAsync(Roles.CommunityWorker, tree.Community2))
            .SendAsync(HttpMethod.Post, $"/api/v1/matters/{id}/notes", new { note = "越权备注" });
        await worker.PostOkAsync($"/api/v1/matters/{id}/notes", new { note = "已电话回复居民" });
        var detail = await worker.GetJsonAsync($"/api/v1/matters/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.NotEmpty(empty.Errors("note"));
        Assert.Equal(HttpStatusCode.NotFound, outsideStatus);
        var last = detail.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("StaffNote", "已电话回复居民", false), (last.GetProperty("type").GetString(), last.GetProperty("note").GetString(), last.GetProperty("isPublic").GetBoolean()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task List_UnknownState_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (status, body, _) = await worker.SendAsync(HttpMethod.Get, "/api/v1/matters?state=Lost");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.Errors("state"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Detail_MasksContact_AndIsNotFoundOutsideScope(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var id = (await worker.RegisterAsync()).GetProperty("matter").Id();

        var detail = await worker.GetJsonAsync($"/api/v1/matters/{id}");
        var (outsideStatus, _, _) = await (await app.ClientAsync(Roles.CommunityWorker, tree.Community3)).SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}");
        var (residentStatus, _, _) = await (await app.ClientAsync(Roles.Resident, tree.Community)).SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}");

        Assert.Equal("138****5678", detail.GetProperty("reporterContact").GetString());
        Assert.DoesNotContain("13812345678", detail.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, outsideStatus);
        Assert.Equal(HttpStatusCode.Forbidden, residentStatus);
    }
}
