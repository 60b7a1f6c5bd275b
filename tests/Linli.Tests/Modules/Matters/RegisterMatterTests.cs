using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters;

public sealed class RegisterMatterTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_AtTheCounter_Returns201WithTicketTokenAndOwnerUnit(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var (status, body, text) = await worker.SendAsync(HttpMethod.Post, "/api/v1/matters", MatterArrange.Matter());

        Assert.Equal(HttpStatusCode.Created, status);
        var ticket = body.GetProperty("ticketNumber").GetString()!;
        Assert.Matches(@"^M\d{8}-\d{6}$", ticket);
        Assert.True(body.GetProperty("trackingToken").GetString()!.Length >= 22, text);
        var matter = body.GetProperty("matter");
        Assert.Equal(ticket, matter.GetProperty("ticketNumber").GetString());
        Assert.Equal("Registered", matter.GetProperty("state").GetString());
        Assert.Equal(tree.Community.Id, matter.GetProperty("registeredByUnitId").GetInt64());
        Assert.Equal("Registered", matter.GetProperty("timeline")[0].GetProperty("type").GetString());
        var stored = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.TicketNumber == ticket, Ct));
        Assert.Equal(tree.Community.OrgPath, stored.OrgPath);
        Assert.NotEqual(body.GetProperty("trackingToken").GetString(), stored.TrackingTokenHash);
        Assert.DoesNotContain("13812345678", stored.ReporterContactCipher);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Matter.Register" && a.ObjectType == "Matter" && a.ObjectId == stored.Id.ToString(), Ct)));
    }

    // The answer is built from what was saved, not read back: it must be what a read shows, to the microsecond.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_AnswersTheMatterAsItsDetailReadsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("王阿姨", TestIds.New(new DateOnly(1950, 6, 1)));

        var registered = await home.Worker.RegisterAsync(MatterArrange.Matter(residentId: resident.Id(), onBehalfReason: "腿脚不便，电话委托"));
        var answered = registered.GetProperty("matter");
        var (status, read, _) = await home.Worker.SendAsync(HttpMethod.Get, $"/api/v1/matters/{answered.Id()}");

        Assert.Equal(HttpStatusCode.OK, status);
        // SQLite gives times back without their kind (no "Z"); the values must still agree to the microsecond.
        static string Times(string json) => System.Text.RegularExpressions.Regex.Replace(json, @"(T[0-9:.]+)Z""", "$1\"");
        Assert.Equal(Times(read.GetRawText()), Times(answered.GetRawText()));
        Assert.Equal(2, answered.GetProperty("timeline").GetArrayLength());
        Assert.NotNull(answered.GetProperty("registeredByUnitName").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_MissingFields_Returns400WithFieldErrors(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.GridWorker, tree.Grid);

        var (status, body, _) = await worker.SendAsync(HttpMethod.Post, "/api/v1/matters", new { channel = "Pigeon", description = " " });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.Errors("channel"));
        Assert.NotEmpty(body.Errors("description"));
        Assert.NotEmpty(body.Errors("categoryId"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_ForAResidentAtTheCounterWithoutReason_Returns400(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("李大爷", TestIds.New(new DateOnly(1945, 3, 1)));

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/matters", MatterArrange.Matter(residentId: resident.Id()));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.Errors("onBehalfReason"));

        var ok = await home.Worker.RegisterAsync(MatterArrange.Matter(residentId: resident.Id(), onBehalfReason: "老人行动不便，电话委托"));
        var matter = ok.GetProperty("matter");
        Assert.Equal("老人行动不便，电话委托", matter.GetProperty("onBehalfReason").GetString());
        var onBehalf = matter.GetProperty("timeline").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "RegisteredOnBehalf");
        Assert.False(onBehalf.GetProperty("isPublic").GetBoolean());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Matter.RegisterOnBehalf" && a.ObjectType == "Matter" && a.ObjectId == matter.Id().ToString(), Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_AsDepartmentStaff_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var staff = await app.ClientAsync(Roles.DepartmentStaff, tree.Street);

        var (status, _, _) = await staff.SendAsync(HttpMethod.Post, "/api/v1/matters", MatterArrange.Matter());

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_TwentyInParallel_GetsTwentyDistinctTicketNumbers(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => worker.RegisterAsync(MatterArrange.Matter($"并发登记 {i}"))));

        var tickets = created.Select(c => c.GetProperty("ticketNumber").GetString()).ToList();
        Assert.Equal(20, tickets.Distinct().Count());
        Assert.Equal(20, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.OrgPath == tree.Community.OrgPath, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Register_CategoryComesFromTheConfiguredTree_UnknownIs400(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var noise = await app.WithDbAsync(db => db.MatterCategories.Where(c => c.Code == "city.security.noise").Select(c => c.Id).SingleAsync());

        var (status, body, text) = await worker.SendAsync(HttpMethod.Post, "/api/v1/matters",
            new { channel = "Counter", categoryId = noise, categoryName = "随便写的", description = "楼上深夜装修" });
        var unknown = await worker.SendAsync(HttpMethod.Post, "/api/v1/matters", new { channel = "Counter", categoryId = 999_999, description = "无此类别" });

        Assert.True(status == HttpStatusCode.Created, text);
        Assert.Equal("噪音扰民", body.GetProperty("matter").GetProperty("categoryName").GetString());
        Assert.Equal(noise, body.GetProperty("matter").GetProperty("categoryId").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.NotEmpty(unknown.Body.Errors("categoryId"));
    }
}
