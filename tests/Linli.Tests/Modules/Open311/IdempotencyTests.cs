using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Matters;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Open311;

// Idempotency-Key on POST /api/v1/matters and POST /open311/v2/requests.
public sealed class IdempotencyTests(Apps apps)
{
    static async Task<(HttpStatusCode Status, string Text, HttpResponseMessage Response)> PostMatterAsync(HttpClient client, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Matters_RetrySameKeySameBody_ReturnsTheFirstAnswer_OneMatter_StoredEncrypted(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var description = Open311Arrange.Unique("楼道灯坏了");
        var key = Guid.NewGuid().ToString();

        var first = await PostMatterAsync(worker, MatterArrange.Matter(description), key);
        var retry = await PostMatterAsync(worker, MatterArrange.Matter(description), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.Equal(first.Text, retry.Text);
        Assert.Equal(first.Response.Headers.Location, retry.Response.Headers.Location);
        Assert.True(retry.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.False(first.Response.Headers.Contains("Idempotent-Replayed"));
        var token = JsonDocument.Parse(first.Text).RootElement.GetProperty("trackingToken").GetString()!;
        Assert.Equal(1, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.Description == description, Ct)));
        var stored = await app.WithDbAsync(db => db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key, Ct));
        Assert.DoesNotContain(token, stored.BodyCipher);
        Assert.Equal(201, stored.Status);
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Matters_SameKeyDifferentBody_Returns422Mismatch_OtherCallerMayUseTheKey(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var other = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var key = Guid.NewGuid().ToString();
        var changed = Open311Arrange.Unique("另一件事");

        var first = await PostMatterAsync(worker, MatterArrange.Matter(Open311Arrange.Unique("第一件事")), key);
        var mismatch = await PostMatterAsync(worker, MatterArrange.Matter(changed), key);
        var otherCaller = await PostMatterAsync(other, MatterArrange.Matter(changed), key);
        var badKey = await PostMatterAsync(worker, MatterArrange.Matter(changed), new string('k', 201));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.Status);
        Assert.Equal("idempotency.mismatch", JsonDocument.Parse(mismatch.Text).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, otherCaller.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.Description == changed, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Matters_FailedFirstAttempt_IsNotKept_TheFixedRetryRegisters(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var key = Guid.NewGuid().ToString();

        var invalid = await PostMatterAsync(worker, new { channel = "Counter", categoryName = "设施维修" }, key);
        var keyAfterFailure = await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(0, keyAfterFailure);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Matters_RecordOlderThan24Hours_IsForgotten_TheKeyRegistersAnew(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var key = Guid.NewGuid().ToString();
        var first = await PostMatterAsync(worker, MatterArrange.Matter(Open311Arrange.Unique("昨天的事")), key);
        await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));
        var description = Open311Arrange.Unique("今天的事");

        var again = await PostMatterAsync(worker, MatterArrange.Matter(description), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.NotEqual(JsonDocument.Parse(first.Text).RootElement.GetProperty("ticketNumber").GetString(),
            JsonDocument.Parse(again.Text).RootElement.GetProperty("ticketNumber").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.Description == description, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Matters_ParallelRetries_RegisterOneMatter_AllGetTheSameTicket(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var description = Open311Arrange.Unique("并发重试");
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostMatterAsync(worker, MatterArrange.Matter(description), key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => JsonDocument.Parse(a.Text).RootElement.GetProperty("ticketNumber").GetString()).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.Description == description, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Open311_RetriesAndParallelDuplicates_OneMatter_DifferentBodyIs422(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var apiKey = await app.CreateOpen311ClientAsync(tree.Community);
        var client = app.Anonymous();
        var description = Open311Arrange.Unique("Open311 重试");
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            client.PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(apiKey, description), key)));
        var later = await client.PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(apiKey, description), key);
        var changed = await client.PostO311Async("/open311/v2/requests.xml", Open311Arrange.Form(apiKey, description + "（改）"), key);

        Assert.All(answers.Append(later), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var tickets = answers.Append(later).Select(a => XDocument.Parse(a.Text).Root!.Element("request")!.Element("service_request_id")!.Value).Distinct();
        var ticket = Assert.Single(tickets);
        Assert.Equal(later.Text, answers[0].Text);
        Assert.Equal(1, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.Description == description, Ct)));
        Assert.Equal(ticket, await app.WithDbAsync(db => db.Matters.Where(m => m.Description == description).Select(m => m.TicketNumber).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.Status);
    }
}
