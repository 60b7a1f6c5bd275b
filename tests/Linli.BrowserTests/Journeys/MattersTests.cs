using Linli.BrowserTests.Support;
using Linli.Modules.Matters;
using Microsoft.EntityFrameworkCore;

namespace Linli.BrowserTests.Journeys;

// 民情诉求 四级联动 end to end: the counter of 青石社区 registers a matter for a resident (代办) and raises it to the street;
// the street accepts and dispatches it to its 城管中队; the department works and resolves it; the community verifies
// the result; the resident tracks it by ticket and token on a phone and rates it.
public sealed class MattersTests(BrowserApp app)
{
    [Fact]
    public Task Matter_CounterRegisters_StreetDispatches_DepartmentResolves_CommunityVerifies_ResidentRates() => app.RunAsync(async page =>
    {
        var description = $"菜场门口占道经营堵塞人行道 {Guid.NewGuid():N}"[..24];
        var categoryId = await app.WithDbAsync(db => db.MatterCategories.Where(c => c.Code == "city.env.stall").Select(c => c.Id).SingleAsync());

        // 1. 社区窗口 registers for the resident, who is not online.
        await app.LoginAsync(page, "demo.worker1");
        await page.GotoAsync("/matters/new");
        await page.GetByLabel("诉求类别").SelectOptionAsync(categoryId.ToString());
        await page.GetByLabel("诉求内容").FillAsync(description);
        await page.GetByLabel("地点").FillAsync("青石菜场东门");
        await page.GetByLabel("反映人").FillAsync("李大伯");
        await page.GetByLabel("联系方式").FillAsync("13711112222");
        await page.GetByLabel("代办原因（代居民登记时填写）").FillAsync("老人不会用手机，到窗口反映");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        var ticket = (await page.GetByTestId("ticket").InnerTextAsync()).Trim();
        var token = (await page.GetByTestId("token").InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "查看详情" }).ClickAsync();
        var detailUrl = new Uri(page.Url).AbsolutePath;
        await Act(page, "上报", "原因", "占道经营需街道城管处理");
        await ExpectStateAsync(ticket, MatterState.Escalated);

        // 2. 街道 accepts and dispatches to its 城管中队.
        await SwitchUserAsync(page, "demo.street", detailUrl);
        await Act(page, "受理", "备注", "街道受理");
        var dispatch = Form(page, "派遣");
        await dispatch.GetByLabel("派遣部门").SelectOptionAsync(new SelectOptionValue { Label = "月湖街道 月湖街道城管中队" });
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "派遣", Exact = true }).ClickAsync();
        await ExpectStateAsync(ticket, MatterState.Dispatched);

        // 3. 城管中队 starts and resolves it.
        await SwitchUserAsync(page, "demo.dept", detailUrl);
        await Act(page, "开始办理", "备注", "已派队员到场");
        await Act(page, "办结", "办理结果", "已劝离摊贩并设置隔离栏，人行道恢复通行");
        await ExpectStateAsync(ticket, MatterState.Resolved);

        // 4. The community (首问责任) verifies, someone other than the resolver.
        await SwitchUserAsync(page, "demo.worker1", detailUrl);
        await Assertions.Expect(page.GetByTestId("flow")).ToContainTextAsync("已劝离摊贩");
        await Act(page, "核查", "备注", "现场查看属实");
        await ExpectStateAsync(ticket, MatterState.Verified);

        // 5. The resident tracks it on a phone, sees the public steps (never staff notes) and rates it.
        await page.Context.ClearCookiesAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/track");
        await page.GetByLabel("受理编号").FillAsync(ticket);
        await page.GetByLabel("查询码").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var tracked = page.GetByTestId("tracked");
        await Assertions.Expect(tracked).ToContainTextAsync("已劝离摊贩并设置隔离栏");
        Assert.DoesNotContain("占道经营需街道城管处理", await tracked.InnerTextAsync()); // the escalation's reason is a staff note
        Assert.DoesNotContain("13711112222", await page.ContentAsync());
        await page.GetByLabel("您对办理结果是否满意").SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await ExpectStateAsync(ticket, MatterState.FollowedUp);
        var matter = await app.WithDbAsync(db => db.Matters.IgnoreQueryFilters().SingleAsync(m => m.TicketNumber == ticket));
        Assert.Equal(MatterSatisfaction.Satisfied, matter.Satisfaction);
        Assert.Equal("青石社区", await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Id == matter.RegisteredByUnitId).Select(u => u.Name).SingleAsync()));
        Assert.Equal(1, matter.EscalationCount);
    });

    static ILocator Form(IPage page, string action) =>
        page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }) });

    static async Task Act(IPage page, string action, string field, string text)
    {
        var form = Form(page, action);
        await form.GetByLabel(field).FillAsync(text);
        await form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Assertions.Expect(Form(page, action)).ToHaveCountAsync(0); // the action is done: its form is gone
    }

    async Task SwitchUserAsync(IPage page, string user, string detailUrl)
    {
        await page.Context.ClearCookiesAsync();
        await app.LoginAsync(page, user);
        await page.GotoAsync(detailUrl);
    }

    async Task ExpectStateAsync(string ticket, MatterState state)
    {
        for (var i = 0; i < 50; i++)
        {
            var now = await app.WithDbAsync(db => db.Matters.IgnoreQueryFilters().Where(m => m.TicketNumber == ticket).Select(m => m.State).SingleAsync());
            if (now == state) return;
            await Task.Delay(100);
        }
        Assert.Fail($"{ticket} never reached {state}");
    }
}
