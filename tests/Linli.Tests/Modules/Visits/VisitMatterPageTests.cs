using System.Net;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Visits;

public sealed class VisitMatterPageTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task RecordPage_WithAMatter_ShowsTheTicketAndTokenOnce(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var category = await app.WithDbAsync(db => db.MatterCategories.Where(c => c.Name == "电梯故障").Select(c => c.Id).SingleAsync(Ct));

        var (status, html, _) = await v.Worker.PostFormAsync($"/visits/new?householdId={v.HouseholdId}", "visit", new Dictionary<string, string>
        {
            ["Input.PeopleMet"] = "王老伯本人", ["Input.Situation"] = "老人腿脚不便", ["Input.ResidentId"] = v.HeadId.ToString(),
            ["Input.MatterCategoryId"] = category.ToString(), ["Input.MatterDescription"] = "电梯停运，老人无法下楼",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync(x => x.HouseholdId == v.HouseholdId, Ct));
        var matter = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.Id == visit.MatterId, Ct));
        Assert.Contains("data-testid=\"token\"", html);
        Assert.Contains(matter.TicketNumber, html);
        Assert.Equal(v.HeadId, matter.ReporterResidentId);
        var (_, visitPage, _) = await v.Worker.GetPageAsync($"/visits/{visit.Id}");
        Assert.Contains(matter.TicketNumber, visitPage);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task RecordPage_MatterWithoutCategory_ShowsTheMessageAndSavesNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();

        var (_, html, _) = await v.Worker.PostFormAsync($"/visits/new?householdId={v.HouseholdId}", "visit", new Dictionary<string, string>
        {
            ["Input.PeopleMet"] = "王老伯本人", ["Input.Situation"] = "老人腿脚不便", ["Input.MatterDescription"] = "电梯停运",
        });

        Assert.Contains("请选择诉求类别", html);
        Assert.Contains("电梯停运", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync(x => x.HouseholdId == v.HouseholdId, Ct)));
    }
}
