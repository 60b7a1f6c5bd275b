using System.Net;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Workflow;

public sealed class MatterVerifyAndRateTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Verify_ByTheResolver_Is409_FailedByAnother_GoesBackAsRework(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var resolver = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var other = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, _, _) = await resolver.RegisterInAsync();
        await resolver.ActAsync(id, "accept");
        await resolver.ActAsync(id, "resolve", new { result = "已修好" });

        var own = await resolver.TryAsync(id, "verify", new { passed = true });
        own.AssertRefused();
        Assert.Contains("核查", own.Body.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await other.TryAsync(id, "verify", new { passed = false })).Status);  // failing needs a reason
        var failed = await other.ActAsync(id, "verify", new { passed = false, reason = "现场查看灯仍不亮" });

        Assert.Equal("InProgress", failed.State());
        Assert.Equal(1, failed.Flow().GetProperty("reworkCount").GetInt32());
        Assert.Contains((await app.EventsAsync(id)), e => e.Type == MatterEventType.VerificationFailed && e.Note == "现场查看灯仍不亮");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task FollowUp_NotSatisfied_ReopensForRedo_ThenHandledAgain(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var a = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var b = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var id = await ResolvedAndVerifiedAsync(a, b);

        var reopened = await a.ActAsync(id, "follow-up", new { satisfaction = "NotSatisfied", comment = "只修了一盏" });
        Assert.Equal("Reopened", reopened.State());
        Assert.Equal(1, reopened.Flow().GetProperty("redoCount").GetInt32());
        Assert.Equal("InProgress", (await a.ActAsync(id, "start")).State());
        Assert.Equal("Resolved", (await a.ActAsync(id, "resolve", new { result = "两盏都已更换" })).State());
        var events = await app.EventsAsync(id);
        Assert.Contains(events, e => e.Type == MatterEventType.Reopened && e.IsPublic);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Rate_ByTheReporter_NotSatisfiedReopens_WrongTokenIs404_TooEarlyIs409(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var a = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var b = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, ticket, token) = await a.RegisterInAsync();
        var resident = app.Anonymous();
        var rate = (object body) => resident.SendAsync(HttpMethod.Post, "/api/public/matters/rate", body);

        (await rate(new { ticketNumber = ticket, token, satisfaction = "Satisfied" })).AssertRefused();     // not verified yet
        await ResolvedAndVerifiedAsync(a, b, id);
        Assert.Equal(HttpStatusCode.NotFound, (await rate(new { ticketNumber = ticket, token = token + "x", satisfaction = "NotSatisfied" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await rate(new { ticketNumber = ticket, token })).Status);
        var (status, body, text) = await rate(new { ticketNumber = ticket, token, satisfaction = "NotSatisfied", comment = "灯还是暗" });

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal("Reopened", body.GetProperty("state").GetString());
        var m = await app.MatterAsync(id);
        Assert.Equal((MatterState.Reopened, 1, MatterSatisfaction.NotSatisfied), (m.State, m.RedoCount, m.Satisfaction!.Value));
        Assert.NotNull(m.RatedAt);
        Assert.Equal(1, await app.AuditCountAsync("Matter.Rate", id));
        (await rate(new { ticketNumber = ticket, token, satisfaction = "Satisfied" })).AssertRefused();    // once only
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Rate_Satisfied_FollowsUp_AndTheOwnerCloses(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var a = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var b = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var (id, ticket, token) = await a.RegisterInAsync();
        await ResolvedAndVerifiedAsync(a, b, id);

        var body = await app.Anonymous().PostOkAsync("/api/public/matters/rate", new { ticketNumber = ticket, token, satisfaction = "Basic" });

        Assert.Equal("FollowedUp", body.GetProperty("state").GetString());
        Assert.Contains(body.GetProperty("steps").EnumerateArray(), s => s.GetProperty("type").GetString() == "FollowedUp");
        Assert.Equal("Closed", (await a.ActAsync(id, "close")).State());
    }

    static async Task<long> ResolvedAndVerifiedAsync(HttpClient handler, HttpClient verifier, long? existing = null)
    {
        var id = existing ?? (await handler.RegisterInAsync()).Id;
        await handler.ActAsync(id, "accept");
        await handler.ActAsync(id, "start");
        await handler.ActAsync(id, "resolve", new { result = "已更换路灯" });
        Assert.Equal("Verified", (await verifier.ActAsync(id, "verify", new { passed = true })).State());
        return id;
    }
}
