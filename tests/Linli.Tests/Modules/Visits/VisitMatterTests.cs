using System.Net;
using Linli.Modules.Matters;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Visits;

public sealed class VisitMatterTests(Apps apps)
{
    static object VisitWithMatter(long householdId, long? residentId, object matter) => new
    {
        householdId, residentId, visitedAt = DateTime.Now.AddHours(-1), type = "Routine", peopleMet = "本人",
        situation = "老人独居，身体尚可。", matter,
    };

    static Task<int> CategoryIdAsync(LinliApp app, string name) =>
        app.WithDbAsync(db => db.MatterCategories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_WithAMatter_RegistersItInTheSameStepAtTheHouseWithTheResidentAsReporter(Provider provider)
    {
        var app = await apps.For(provider);
        var h = await app.CreateVisitHomeAsync();
        var category = await CategoryIdAsync(app, "楼上漏水");

        var visit = await h.Worker.RecordAsync(VisitWithMatter(h.HouseholdId, h.HeadId, new { categoryId = category, description = "卫生间天花板渗水", urgency = "Urgent" }));

        var ticket = visit.GetProperty("matterTicketNumber").GetString()!;
        var token = visit.GetProperty("matterTrackingToken").GetString()!;
        Assert.Matches(@"^M\d{8}-\d{6}$", ticket);
        var matter = await app.WithDbAsync(db => db.Matters.AsNoTracking().SingleAsync(m => m.TicketNumber == ticket, Ct));
        Assert.Equal(matter.Id, visit.GetProperty("matterId").GetInt64());
        Assert.Equal(MatterChannel.GridWorker, matter.Channel);
        Assert.Equal(h.Home.HouseId, matter.HouseId);
        Assert.Equal(h.HeadId, matter.ReporterResidentId);
        Assert.Equal("王老伯", matter.ReporterName);
        Assert.Equal(MatterUrgency.Urgent, matter.Urgency);
        Assert.Equal(category, matter.CategoryId);
        Assert.Equal(h.Home.Tree.Grid.Id, matter.RegisteredByUnitId);
        Assert.Equal(matter.Id, await app.WithDbAsync(db => db.Visits.Where(v => v.Id == visit.Id()).Select(v => v.MatterId).SingleAsync(Ct)));
        Assert.Equal("卫生间天花板渗水", visit.GetProperty("requestsHeard").GetString());
        // The token is answered once: reading the visit again shows the ticket only.
        var again = await h.Worker.GetJsonAsync($"/api/v1/visits/{visit.Id()}");
        Assert.Equal(ticket, again.GetProperty("matterTicketNumber").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, again.GetProperty("matterTrackingToken").ValueKind);
        var tracked = await app.Anonymous().GetAsync($"/api/public/matters/track?ticket={ticket}&token={token}", Ct);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_MatterWithoutCategoryOrDescription_Returns400AndSavesNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var h = await app.CreateVisitHomeAsync();

        var (status, problem, _) = await h.Worker.SendAsync(HttpMethod.Post, "/api/v1/visits", VisitWithMatter(h.HouseholdId, null, new { description = " " }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("matter.categoryId"));
        Assert.NotEmpty(problem.Errors("matter.description"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.HouseholdId == h.HouseholdId, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_MatterWithUnknownCategory_Returns400AndRollsTheVisitBack(Provider provider)
    {
        var app = await apps.For(provider);
        var h = await app.CreateVisitHomeAsync();

        var (status, problem, _) = await h.Worker.SendAsync(HttpMethod.Post, "/api/v1/visits",
            VisitWithMatter(h.HouseholdId, null, new { categoryId = 987654, description = "路灯不亮" }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("matter.categoryId"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync(v => v.HouseholdId == h.HouseholdId, Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.RegisteredByUnitId == h.Home.Tree.Grid.Id, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_WithoutAMatter_SavesTheVisitAlone(Provider provider)
    {
        var app = await apps.For(provider);
        var h = await app.CreateVisitHomeAsync();

        var visit = await h.Worker.RecordAsync(VisitArrange.Visit(h.HouseholdId));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, visit.GetProperty("matterId").ValueKind);
        Assert.Equal(0, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.RegisteredByUnitId == h.Home.Tree.Grid.Id, Ct)));
    }
}
