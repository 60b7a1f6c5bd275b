using System.Net;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

public sealed class RevealResidentTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reveal_WithReason_ReturnsWholeValueNoStoreAndAuditsReason(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1968, 10, 1));
        var phone = TestIds.Phone();
        var resident = (await home.AddResidentAsync("曹九", id, phone)).Id();

        var response = await home.Worker.PostAsync($"/api/v1/residents/{resident}/reveal",
            System.Net.Http.Json.JsonContent.Create(new { field = "idNumber", reason = "办理低保核查" }), RegistryArrange.Ct);
        var phoneReveal = await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/reveal", new { field = "phone", reason = "电话回访" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(RegistryArrange.Ct)).RootElement;
        Assert.Equal(id, body.GetProperty("value").GetString());
        Assert.Equal(phone, phoneReveal.GetProperty("value").GetString());
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "Resident.Reveal" && a.ObjectType == "Resident" && a.ObjectId == resident.ToString())
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audit.Count);
        var after = JsonDocument.Parse(audit[0].After!).RootElement;
        Assert.Equal("idNumber", after.GetProperty("field").GetString());
        Assert.Equal("办理低保核查", after.GetProperty("reason").GetString());
        Assert.NotNull(audit[0].UserId);
        Assert.DoesNotContain(id, audit[0].After!);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reveal_WithoutReasonOrUnknownField_Returns400AndLogsNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("许十", TestIds.New(new DateOnly(1968, 10, 2)))).Id();

        var noReason = await home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{resident}/reveal", new { field = "idNumber", reason = " " });
        var badField = await home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/residents/{resident}/reveal", new { field = "name", reason = "核查" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Single(noReason.Body.Errors("reason"));
        Assert.Equal(HttpStatusCode.BadRequest, badField.Status);
        Assert.Single(badField.Body.Errors("field"));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Resident.Reveal" && a.ObjectId == resident.ToString())));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reveal_WithoutPermission_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("严一", TestIds.New(new DateOnly(1968, 10, 3)))).Id();

        foreach (var (role, unit) in new[] { (Roles.DepartmentStaff, home.Tree.Street), (Roles.SystemAdmin, home.Tree.City), (Roles.Auditor, home.Tree.City) })
        {
            var client = await app.ClientAsync(role, unit);
            var (status, _, text) = await client.SendAsync(HttpMethod.Post, $"/api/v1/residents/{resident}/reveal", new { field = "idNumber", reason = "想看" });
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain("1968", text);
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Reveal_ResidentOfAnotherCommunity_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("华二", TestIds.New(new DateOnly(1968, 10, 4)))).Id();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);

        var (status, _, _) = await outsider.SendAsync(HttpMethod.Post, $"/api/v1/residents/{resident}/reveal", new { field = "idNumber", reason = "核查" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Resident.Reveal" && a.ObjectId == resident.ToString())));
    }
}
