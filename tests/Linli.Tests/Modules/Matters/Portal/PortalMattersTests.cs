using System.Net;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Portal;

public sealed class PortalMattersTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Report_Resident_OwnsTheirReportOnly_NeighboursAndOtherMattersStayHidden(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var resident = await app.ClientAsync(Roles.Resident, tree.Community);
        var neighbour = await app.ClientAsync(Roles.Resident, tree.Community);
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var staffMatter = (await worker.RegisterAsync(MatterArrange.Matter("窗口登记的另一件事"))).GetProperty("matter").Id();
        var categoryId = await CategoryIdAsync(app, "city.property.parking");

        var reported = await resident.PostOkAsync("/api/v1/portal/matters",
            new { categoryId, description = "地下车库入口被电瓶车堵住", address = "3 幢车库", contact = "13600001234" });
        var id = reported.GetProperty("id").GetInt64();
        var mine = await resident.GetJsonAsync("/api/v1/portal/matters");
        var detail = await resident.GetJsonAsync($"/api/v1/portal/matters/{id}");
        var (neighbourStatus, _, _) = await neighbour.SendAsync(HttpMethod.Get, $"/api/v1/portal/matters/{id}");
        var (staffMatterStatus, _, _) = await resident.SendAsync(HttpMethod.Get, $"/api/v1/portal/matters/{staffMatter}");
        var neighbourList = await neighbour.GetJsonAsync("/api/v1/portal/matters");

        Assert.False(string.IsNullOrEmpty(reported.GetProperty("trackingToken").GetString()));
        Assert.Equal([id], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal("Registered", detail.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, neighbourStatus);
        Assert.Equal(HttpStatusCode.NotFound, staffMatterStatus);
        Assert.Equal(0, neighbourList.GetProperty("total").GetInt32());
        var saved = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.Id == id, Ct));
        Assert.Equal((MatterChannel.Web, tree.Community.Id, "136****1234"), (saved.Channel, saved.RegisteredByUnitId, saved.ReporterContactMasked));
        Assert.NotNull(saved.AcceptDueAt);
        // The community's staff see it in their queue, as any other new matter.
        var queue = await worker.GetJsonAsync("/api/v1/matters/queue?box=unit");
        Assert.Contains(id, queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Report_WithoutDescription_Returns400_AndStaffGet403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var resident = await app.ClientAsync(Roles.Resident, tree.Community);
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (status, body, _) = await resident.SendAsync(HttpMethod.Post, "/api/v1/portal/matters", new { categoryId = 1, description = " " });
        var (staffStatus, _, _) = await worker.SendAsync(HttpMethod.Get, "/api/v1/portal/matters");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.Errors("description"));
        Assert.Equal(HttpStatusCode.Forbidden, staffStatus);
        Assert.False(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.OrgPath == tree.Community.OrgPath, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Rate_NotSatisfied_ReopensOnce_OthersGet404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var resident = await app.ClientAsync(Roles.Resident, tree.Community);
        var neighbour = await app.ClientAsync(Roles.Resident, tree.Community);
        var id = (await resident.PostOkAsync("/api/v1/portal/matters",
            new { categoryId = await CategoryIdAsync(app, "city.env.ad"), description = "单元门贴满小广告" })).GetProperty("id").GetInt64();
        var (earlyStatus, _, _) = await resident.SendAsync(HttpMethod.Post, $"/api/v1/portal/matters/{id}/rate", new { satisfaction = "Satisfied" });
        await MarkVerifiedAsync(app, id);

        var (neighbourStatus, _, _) = await neighbour.SendAsync(HttpMethod.Post, $"/api/v1/portal/matters/{id}/rate", new { satisfaction = "Satisfied" });
        var rated = await resident.PostOkAsync($"/api/v1/portal/matters/{id}/rate", new { satisfaction = "NotSatisfied", comment = "还有很多没清理" });
        var (againStatus, _, _) = await resident.SendAsync(HttpMethod.Post, $"/api/v1/portal/matters/{id}/rate", new { satisfaction = "Satisfied" });

        Assert.Equal(HttpStatusCode.Conflict, earlyStatus);
        Assert.Equal(HttpStatusCode.NotFound, neighbourStatus);
        Assert.Equal("Reopened", rated.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        var saved = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.Id == id, Ct));
        Assert.Equal((1, MatterSatisfaction.NotSatisfied), (saved.RedoCount, saved.Satisfaction));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pages_ReportFollowAndRate(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var resident = await app.ClientAsync(Roles.Resident, tree.Community);
        var categoryId = await CategoryIdAsync(app, "city.property.service");

        var (emptyStatus, emptyHtml, _) = await resident.PostFormAsync("/portal/matters/new", "portal-report", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = categoryId.ToString(), ["Input.Description"] = "", ["Input.Address"] = "5 幢",
        });
        var (status, html, _) = await resident.PostFormAsync("/portal/matters/new", "portal-report", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = categoryId.ToString(), ["Input.Description"] = "楼道灯坏了一个月没人修",
        });
        var matter = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.OrgPath == tree.Community.OrgPath, Ct));
        var (_, list, _) = await resident.GetPageAsync("/portal");
        await MarkVerifiedAsync(app, matter.Id);
        var (_, detail, _) = await resident.GetPageAsync($"/portal/matters/{matter.Id}");
        var (_, afterRating, _) = await resident.PostFormAsync($"/portal/matters/{matter.Id}", "portal-rate",
            new Dictionary<string, string> { ["Rating.Satisfaction"] = "Satisfied" });

        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Contains("请填写诉求内容", emptyHtml);
        Assert.Contains("5 幢", emptyHtml);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(matter.TicketNumber, html);
        Assert.Contains("data-testid=\"token\"", html);
        Assert.Contains($"href=\"/portal/matters/{matter.Id}\"", list);
        Assert.Contains("提交评价", detail);
        Assert.DoesNotContain("提交评价", afterRating);
        Assert.Equal(MatterState.FollowedUp, (await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.Id == matter.Id, Ct))).State);
    }

    static Task<int> CategoryIdAsync(LinliApp app, string code) =>
        app.WithDbAsync(db => db.MatterCategories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct));

    static Task<int> MarkVerifiedAsync(LinliApp app, long id) => app.WithDbAsync(db =>
        db.Matters.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.State, MatterState.Verified)
            .SetProperty(m => m.ResolvedAt, DateTime.UtcNow).SetProperty(m => m.VerifiedAt, DateTime.UtcNow), Ct));
}
