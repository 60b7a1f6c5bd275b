using System.Net;
using System.Text.RegularExpressions;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Workflow;

public sealed partial class MatterActionPagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_ShowsOnlyAllowedForms_AcceptThenDispatchToTheSuggestedDepartment(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Community, "物业服务站");
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, _, _) = await worker.RegisterInAsync();

        var (_, page, _) = await worker.GetPageAsync($"/matters/{id}");
        Assert.Contains("value=\"matter-accept\"", page);
        Assert.Contains("value=\"matter-escalate\"", page);
        Assert.DoesNotContain("value=\"matter-resolve\"", page);
        Assert.Contains("<label for=\"accept-reason\"", page);
        var (status, accepted, _) = await worker.PostFormAsync($"/matters/{id}", "matter-accept", new Dictionary<string, string> { ["Act.Reason"] = "当场受理" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("value=\"matter-dispatch\"", accepted);
        Assert.DoesNotContain("value=\"matter-accept\"", accepted);
        Assert.Contains($"按建议：{tree.Community.Name} {dept.Name}", accepted);   // left empty, the dispatch follows the suggestion

        await worker.PostFormAsync($"/matters/{id}", "matter-dispatch", new Dictionary<string, string>());

        var m = await app.MatterAsync(id);
        Assert.Equal((MatterState.Dispatched, dept.Id), (m.State, m.HandlingDepartmentId!.Value));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_RefusedOrInvalid_ShowsTheMessageBesideTheForm_AndKeepsTheInput(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var colleague = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, _, _) = await worker.RegisterInAsync();

        var (_, invalid, _) = await worker.PostFormAsync($"/matters/{id}", "matter-reject", new Dictionary<string, string> { ["Act.Reason"] = "" });
        Assert.Contains("请填写原因", invalid);
        // A stale page: the colleague accepts first, then the worker posts the accept form they still have.
        var (_, stale, _) = await worker.GetPageAsync($"/matters/{id}");
        var fields = FormFields(stale, "matter-accept");
        fields["Act.Reason"] = "我来受理这件";
        await colleague.ActAsync(id, "accept");
        var response = await worker.PostAsync($"/matters/{id}", new FormUrlEncodedContent(fields), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("&", fields.Select(f => f.Key + "=" + f.Value)) + html);
        Assert.Contains("您不能执行“受理”", html);
        Assert.Contains("我来受理这件", html);
        Assert.Single(await app.EventsAsync(id), e => e.Type == MatterEventType.Accepted);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task TrackPage_VerifiedMatter_OffersTheRatingForm_NotSatisfiedReopens(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var a = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var b = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, ticket, token) = await a.RegisterInAsync();
        var resident = app.Anonymous();
        var (_, early, _) = await resident.PostFormAsync("/track", "track", new Dictionary<string, string> { ["Input.Ticket"] = ticket, ["Input.Token"] = token });
        Assert.DoesNotContain("value=\"rate\"", early);
        await a.ActAsync(id, "accept");
        await a.ActAsync(id, "resolve", new { result = "已修复" });
        await b.ActAsync(id, "verify", new { passed = true });

        var (_, tracked, _) = await resident.PostFormAsync("/track", "track", new Dictionary<string, string> { ["Input.Ticket"] = ticket, ["Input.Token"] = token });
        Assert.Contains("value=\"rate\"", tracked);
        var fields = FormFields(tracked, "rate");
        fields["Rating.Satisfaction"] = "NotSatisfied";
        fields["Rating.Comment"] = "灯还是不亮";
        var response = await resident.PostAsync("/track", new FormUrlEncodedContent(fields), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("&", fields.Select(f => f.Key + "=" + f.Value)) + html);
        Assert.Contains("感谢您的评价", html);
        var m = await app.MatterAsync(id);
        Assert.Equal((MatterState.Reopened, 1), (m.State, m.RedoCount));
    }

    /// <summary>The fields of one rendered form, as a browser would post them.</summary>
    static Dictionary<string, string> FormFields(string html, string formName)
    {
        var form = FormPattern().Matches(html).Select(m => m.Value).Single(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal));
        static string? Attr(string tag, string name) =>
            Regex.Match(tag, $@"\s{name}=""(?<v>[^""]*)""") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value) : null;
        return InputPattern().Matches(form).Select(m => m.Value).Where(tag => Attr(tag, "type") == "hidden" && Attr(tag, "name") is not null)
            .ToDictionary(tag => Attr(tag, "name")!, tag => Attr(tag, "value") ?? "");
    }

    [GeneratedRegex(@"<form\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b[^>]*>")]
    private static partial Regex InputPattern();
}
