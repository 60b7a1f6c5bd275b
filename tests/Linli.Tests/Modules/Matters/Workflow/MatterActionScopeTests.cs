using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Workflow;

public sealed class MatterActionScopeTests(Apps apps)
{
    static readonly string[] Routes = ["accept", "reject", "dispatch", "start", "return", "escalate", "request-extension", "approve-extension",
        "refuse-extension", "supervise", "suspend", "resume", "resolve", "verify", "follow-up", "close"];

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task EveryAction_ByAnOutsider_Is404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var owner = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var outsider = await app.ClientAsync(Roles.Official, tree.Street2);
        var (id, _, _) = await owner.RegisterInAsync();

        foreach (var route in Routes)
        {
            var (status, _, text) = await outsider.TryAsync(id, route, new { reason = "试试", result = "x", days = 2, passed = true, satisfaction = "Satisfied" });
            Assert.True(status == HttpStatusCode.NotFound, $"{route}: {(int)status} {text}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}/routing")).Status);
        Assert.Equal("Registered", (await owner.GetJsonAsync($"/api/v1/matters/{id}")).State());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Department_SeesOnlyWhatIsRoutedToIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var routed = await app.AddDepartmentAsync(tree.Street, "城管科");
        var other = await app.AddDepartmentAsync(tree.Street, "民政科");
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var street = await app.ClientAsync(Roles.Official, tree.Street);
        var routedStaff = await app.ClientAsync(Roles.DepartmentStaff, tree.Street, routed.Id);
        var otherStaff = await app.ClientAsync(Roles.DepartmentStaff, tree.Street, other.Id);
        var (id, _, _) = await community.RegisterInAsync("占道经营");
        Assert.Equal(HttpStatusCode.NotFound, (await routedStaff.SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}")).Status);  // not routed yet
        await community.ActAsync(id, "escalate", new { reason = "需执法" });
        await street.ActAsync(id, "accept");
        await street.ActAsync(id, "dispatch", new { departmentId = routed.Id });

        Assert.Equal(HttpStatusCode.OK, (await routedStaff.SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.TryAsync(id, "start")).Status);
        Assert.Equal("InProgress", (await routedStaff.ActAsync(id, "start")).State());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Dispatch_OutsideTheSubtree_Is404_AndToOwnUnitWithoutDepartment_Is400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var elsewhere = await app.AddDepartmentAsync(tree.Street2, "城管科");
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, _, _) = await community.RegisterInAsync("健身器材");
        await community.ActAsync(id, "accept");

        Assert.Equal(HttpStatusCode.NotFound, (await community.TryAsync(id, "dispatch", new { departmentId = elsewhere.Id })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await community.TryAsync(id, "dispatch", new { unitId = tree.Community2.Id })).Status);
        var own = await community.TryAsync(id, "dispatch", new { unitId = tree.Community.Id });
        Assert.Equal(HttpStatusCode.BadRequest, own.Status);
        Assert.NotEmpty(own.Body.Errors("unitId"));
        var toGrid = await community.ActAsync(id, "dispatch", new { unitId = tree.Grid.Id });
        Assert.Equal(tree.Grid.Id, toGrid.Flow().GetProperty("handlingUnitId").GetInt64());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Actions_WrongRole403_Validation400_WrongState409(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var admin = await app.ClientAsync(Roles.SystemAdmin, tree.City);
        var (id, _, _) = await community.RegisterInAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.TryAsync(id, "accept")).Status);
        var reject = await community.TryAsync(id, "reject", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, reject.Status);
        Assert.NotEmpty(reject.Body.Errors("reason"));
        (await community.TryAsync(id, "close")).AssertRefused();
        await community.ActAsync(id, "accept");
        var resolve = await community.TryAsync(id, "resolve", new { result = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, resolve.Status);
        Assert.NotEmpty(resolve.Body.Errors("result"));
        Assert.NotEmpty((await community.TryAsync(id, "follow-up", new { })).Body.Errors("satisfaction"));
        (await community.TryAsync(id, "accept")).AssertRefused();
        Assert.Equal("Accepted", (await community.GetJsonAsync($"/api/v1/matters/{id}")).State());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reject_WithReason_ClosesItAndTellsTheReporter(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, ticket, token) = await community.RegisterInAsync();

        var rejected = await community.ActAsync(id, "reject", new { reason = "属于私人房屋内部维修，不在受理范围" });

        Assert.Equal("Rejected", rejected.State());
        Assert.NotNull((await app.MatterAsync(id)).ClosedAt);
        var tracked = await app.Anonymous().GetJsonAsync($"/api/public/matters/track?ticket={ticket}&token={token}");
        Assert.Contains(tracked.GetProperty("steps").EnumerateArray(), s => s.GetProperty("note").GetString()!.Contains("不在受理范围"));
    }
}
