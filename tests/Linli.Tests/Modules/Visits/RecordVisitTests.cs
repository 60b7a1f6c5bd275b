using Microsoft.EntityFrameworkCore;
using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Visits;

public sealed class RecordVisitTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_HouseholdInOwnGrid_Returns201AndIsListedForTheWorker(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();

        var visit = await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, requests: "楼道灯坏了"));

        Assert.Equal(v.GridWorker.Id, visit.GetProperty("workerId").GetString());
        Assert.Equal(1, visit.GetProperty("version").GetInt32());
        Assert.Equal("3幢1单元502室", visit.GetProperty("address").GetString());
        var list = await v.Worker.GetJsonAsync($"/api/v1/visits?workerId={v.GridWorker.Id}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.True(list.GetProperty("items")[0].GetProperty("hasRequests").GetBoolean());
        var audited = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Visit.Record" && a.ObjectId == visit.Id().ToString(), Ct));
        Assert.Equal(1, audited);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_BadFields_Returns400NamingEach(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();

        var (status, body, _) = await v.Worker.SendAsync(HttpMethod.Post, "/api/v1/visits",
            new { householdId = v.HouseholdId, visitedAt = DateTime.Now.AddDays(2), type = "Chat", peopleMet = "", situation = "" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.Errors("visitedAt"));
        Assert.NotEmpty(body.Errors("type"));
        Assert.NotEmpty(body.Errors("peopleMet"));
        Assert.NotEmpty(body.Errors("situation"));
        var old = await v.Worker.SendAsync(HttpMethod.Post, "/api/v1/visits", VisitArrange.Visit(v.HouseholdId, DateTime.Now.AddDays(-40)));
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        Assert.NotEmpty(old.Body.Errors("visitedAt"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_HouseholdOutsideTheWorkersGrids_IsRefused(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var otherGrid = await app.CreateGridAsync(v.Home.Tree.Community);
        var otherWorker = await app.ClientAsync(Roles.GridWorker, otherGrid);
        var otherCommunity = await app.ClientAsync(Roles.CommunityWorker, v.Home.Tree.Community2);

        Assert.Equal(HttpStatusCode.NotFound, (await otherWorker.SendAsync(HttpMethod.Post, "/api/v1/visits", VisitArrange.Visit(v.HouseholdId))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommunity.SendAsync(HttpMethod.Post, "/api/v1/visits", VisitArrange.Visit(v.HouseholdId))).Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync(x => x.HouseholdId == v.HouseholdId, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_WorkerAssignedToOtherGrids_Returns422_AndTheDueListFollowsTheAssignment(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var otherGrid = await app.CreateGridAsync(v.Home.Tree.Community);
        var caseworker = await app.CreateUserAsync(Roles.CommunityWorker, v.Home.Tree.Community);
        var client = await app.ClientAsync(caseworker);
        Assert.Equal(1, (await client.GetJsonAsync("/api/v1/visits/due")).GetProperty("total").GetInt32()); // unassigned: the whole community

        await v.Home.Worker.PostOkAsync($"/api/v1/grids/{otherGrid.Id}/workers", new { userId = caseworker.Id, duty = "Caseworker" });

        var (status, body, _) = await client.SendAsync(HttpMethod.Post, "/api/v1/visits", VisitArrange.Visit(v.HouseholdId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("visit.outside-grids", body.GetProperty("code").GetString());
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/visits/due")).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Record_AsOfficial_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var official = await app.ClientAsync(Roles.Official, v.Home.Tree.Street);

        Assert.Equal(HttpStatusCode.Forbidden, (await official.SendAsync(HttpMethod.Post, "/api/v1/visits", VisitArrange.Visit(v.HouseholdId))).Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Correction_AddsAVersion_AndTheOriginalStaysReadable(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var first = await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId, situation: "情况良好"));

        var noReason = await v.Worker.SendAsync(HttpMethod.Post, $"/api/v1/visits/{first.Id()}/corrections", new { visit = VisitArrange.Visit(v.HouseholdId), reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        var second = await v.Worker.PostOkAsync($"/api/v1/visits/{first.Id()}/corrections",
            new { visit = VisitArrange.Visit(v.HouseholdId, situation: "老人腿脚不便，需要助餐"), reason = "补充情况" });

        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var original = await v.Worker.GetJsonAsync($"/api/v1/visits/{first.Id()}");
        Assert.Equal("情况良好", original.GetProperty("situation").GetString());
        Assert.False(original.GetProperty("current").GetBoolean());
        Assert.Equal(second.Id(), original.GetProperty("supersededById").GetInt64());
        Assert.Equal(2, original.GetProperty("versions").GetArrayLength());
        var list = await v.Worker.GetJsonAsync($"/api/v1/visits?householdId={v.HouseholdId}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(second.Id(), list.GetProperty("items")[0].Id());
        var again = await v.Worker.SendAsync(HttpMethod.Post, $"/api/v1/visits/{first.Id()}/corrections", new { visit = VisitArrange.Visit(v.HouseholdId), reason = "再改" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        var someoneElse = await app.ClientAsync(Roles.CommunityWorker, v.Home.Tree.Community);
        var foreign = await someoneElse.SendAsync(HttpMethod.Post, $"/api/v1/visits/{second.Id()}/corrections", new { visit = VisitArrange.Visit(v.HouseholdId), reason = "代改" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Visit_OutsiderGets404_AndTheStreetSeesIt(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var visit = await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, v.Home.Tree.Community3);
        var street = await app.ClientAsync(Roles.Official, v.Home.Tree.Street);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/visits/{visit.Id()}", Ct)).StatusCode);
        Assert.Equal(0, (await outsider.GetJsonAsync("/api/v1/visits")).GetProperty("total").GetInt32());
        Assert.Equal(visit.Id(), (await street.GetJsonAsync($"/api/v1/visits/{visit.Id()}")).Id());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Photo_ImageIsKept_OtherFilesAreRefused(Provider provider)
    {
        var app = await apps.For(provider);
        var v = await app.CreateVisitHomeAsync();
        var visit = await v.Worker.RecordAsync(VisitArrange.Visit(v.HouseholdId));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];

        var ok = await v.Worker.PostAsync($"/api/v1/visits/{visit.Id()}/photos", Upload(png, "门口.png"), Ct);
        var text = await v.Worker.PostAsync($"/api/v1/visits/{visit.Id()}/photos", Upload("not an image"u8.ToArray(), "photo.jpg"), Ct);
        var huge = await v.Worker.PostAsync($"/api/v1/visits/{visit.Id()}/photos", Upload([0xFF, 0xD8, 0xFF, .. new byte[6 * 1024 * 1024]], "big.jpg"), Ct);

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var photo = await v.Worker.GetAsync(ok.Headers.Location, Ct);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await photo.Content.ReadAsByteArrayAsync(Ct));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, v.Home.Tree.Community2);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(ok.Headers.Location, Ct)).StatusCode);
    }

    static MultipartFormDataContent Upload(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
}
