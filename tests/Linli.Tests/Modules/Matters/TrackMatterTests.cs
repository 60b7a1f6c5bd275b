using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters;

public sealed class TrackMatterTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Track_RightToken_ShowsPublicStepsOnly_WrongTokenAndUnknownTicketAreTheSame404(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("赵奶奶", TestIds.New(new DateOnly(1950, 6, 1)));
        var created = await home.Worker.RegisterAsync(MatterArrange.Matter(residentId: resident.Id(), onBehalfReason: "内部备注：不识字代填"));
        var ticket = created.GetProperty("ticketNumber").GetString()!;
        var token = created.GetProperty("trackingToken").GetString()!;
        var id = created.GetProperty("matter").Id();
        await home.Worker.PostOkAsync($"/api/v1/matters/{id}/notes", new { note = "已联系物业，明日上门维修", @public = true });
        await home.Worker.PostOkAsync($"/api/v1/matters/{id}/notes", new { note = "物业经理态度推诿，需督促", @public = false });
        var anonymous = app.Anonymous();

        var (okStatus, ok, okText) = await anonymous.SendAsync(HttpMethod.Get, $"/api/public/matters/track?ticket={ticket}&token={token}");
        var wrong = await anonymous.GetAsync($"/api/public/matters/track?ticket={ticket}&token={token[..^2]}xx", Ct);
        var unknown = await anonymous.GetAsync($"/api/public/matters/track?ticket=M19990101-999999&token={token}", Ct);

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal("Registered", ok.GetProperty("state").GetString());
        Assert.Equal("设施维修", ok.GetProperty("categoryName").GetString());
        var steps = ok.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["Registered", "Reply"], steps.Select(x => x.GetProperty("type").GetString()));
        Assert.Equal("已联系物业，明日上门维修", steps[1].GetProperty("note").GetString());
        foreach (var secret in new[] { "内部备注", "推诿", "王阿姨", "5678", "13812345678" }) Assert.DoesNotContain(secret, okText);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(WithoutTrace(await unknown.Content.ReadAsStringAsync(Ct)), WithoutTrace(await wrong.Content.ReadAsStringAsync(Ct)));
    }

    static string WithoutTrace(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task TrackPage_FormPost_ShowsTheState(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var created = await (await app.ClientAsync(Roles.GridWorker, tree.Grid)).RegisterAsync(MatterArrange.Matter(channel: "GridWorker"));

        var (status, html, _) = await app.Anonymous().PostFormAsync("/track", "track", new Dictionary<string, string>
        {
            ["Input.Ticket"] = created.GetProperty("ticketNumber").GetString()!,
            ["Input.Token"] = created.GetProperty("trackingToken").GetString()!,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"tracked\"", html);
        Assert.Contains("已登记", html);
        Assert.DoesNotContain("王阿姨", html);
    }

    [Fact]
    public async Task Track_ManyTries_AreRateLimited()
    {
        await using var app = LinliApp.Create(Provider.Sqlite, new Dictionary<string, string?> { ["Matters:TrackPerMinute"] = "3" });
        var anonymous = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await anonymous.GetAsync($"/api/public/matters/track?ticket=M20260101-00000{i}&token=guess{i}", Ct)).StatusCode);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(0, await app.WithDbAsync(db => db.Matters.CountAsync(Ct)));
    }
}
