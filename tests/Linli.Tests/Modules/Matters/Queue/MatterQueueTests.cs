using System.Net;
using System.Text.Json;
using Linli.Modules.Matters;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Queue;

public sealed class MatterQueueTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Queue_EachBoxHoldsWhatWaitsOnTheCaller_AndOutsidersSeeNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.WithDbAsync(async db =>
        {
            var d = new Department { OrgUnitId = tree.Street.Id, Code = "Q" + Guid.NewGuid().ToString("N")[..6], Name = "城管科", OrgPath = tree.Street.OrgPath };
            db.Departments.Add(d);
            await db.SaveChangesAsync(Ct);
            return d;
        });
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var streetUser = await app.CreateUserAsync(Roles.Official, tree.Street);
        var street = await app.ClientAsync(streetUser);
        var deptStaff = await app.ClientAsync(Roles.DepartmentStaff, tree.Street, dept.Id);
        var outsider = await app.ClientAsync(Roles.CommunityWorker, tree.Community2);

        var fresh = await RegisterAsync(worker, "新登记未受理");
        var atStreet = await RegisterAsync(worker, "街道办理且已超期");
        var resolved = await RegisterAsync(worker, "街道已办结待核查");
        var atDept = await RegisterAsync(worker, "派给城管科");
        var past = DateTime.UtcNow.AddHours(-2);
        await app.WithDbAsync(async db =>
        {
            var ms = await db.Matters.Where(m => m.OrgPath == tree.Community.OrgPath).ToListAsync(Ct);
            void Handle(Matter m, MatterState state, long? deptId = null)
            {
                (m.State, m.HandlingUnitId, m.HandlingPath, m.HandlingDepartmentId) = (state, tree.Street.Id, tree.Street.OrgPath, deptId);
                m.ResolveDueAt = DateTime.UtcNow.AddDays(3);
            }
            Handle(ms.Single(m => m.Id == atStreet), MatterState.InProgress);
            ms.Single(m => m.Id == atStreet).ResolveDueAt = past;
            (ms.Single(m => m.Id == atStreet).AssigneeId, ms.Single(m => m.Id == atStreet).AssigneeName) = (streetUser.Id, streetUser.UserName);
            Handle(ms.Single(m => m.Id == resolved), MatterState.Resolved);
            Handle(ms.Single(m => m.Id == atDept), MatterState.Dispatched, dept.Id);
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal([fresh, resolved], await IdsAsync(worker, "unit"));
        Assert.Equal([atStreet], await IdsAsync(street, "unit"));
        Assert.Equal([atStreet], await IdsAsync(street, "mine"));
        Assert.Equal([atStreet], await IdsAsync(worker, "overdue"));
        Assert.Equal([atDept], await IdsAsync(deptStaff, "unit"));
        Assert.Empty(await IdsAsync(deptStaff, "overdue"));
        Assert.Empty(await IdsAsync(outsider, "unit"));
        Assert.Empty(await IdsAsync(outsider, "overdue"));
        var counts = await street.GetJsonAsync("/api/v1/matters/queue/counts");
        Assert.Equal((1, 1, 1), (counts.GetProperty("mine").GetInt32(), counts.GetProperty("unit").GetInt32(), counts.GetProperty("overdue").GetInt32()));
        var overdue = (await worker.GetJsonAsync("/api/v1/matters/queue?box=overdue")).GetProperty("items")[0];
        Assert.Equal("Red", overdue.GetProperty("light").GetString());
        Assert.Equal(tree.Street.Name, overdue.GetProperty("handlingUnitName").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Queue_UnknownBox_Returns400_AndResidentsGet403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var resident = await app.ClientAsync(Roles.Resident, tree.Community);

        var (status, body, _) = await worker.SendAsync(HttpMethod.Get, "/api/v1/matters/queue?box=someday");
        var (residentStatus, _, _) = await resident.SendAsync(HttpMethod.Get, "/api/v1/matters/queue");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(body.Errors("box"));
        Assert.Equal(HttpStatusCode.Forbidden, residentStatus);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task QueuePage_ShowsTheBoxWithCountsAndLinks(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var id = await RegisterAsync(worker, "路灯不亮");

        var (status, html, _) = await worker.GetPageAsync("/matters/queue?box=Unit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/matters/{id}\"", html);
        Assert.Contains("data-box=\"Unit\">1<", html);
        Assert.Contains("路灯不亮", html);
    }

    static async Task<long> RegisterAsync(HttpClient worker, string text) =>
        (await worker.RegisterAsync(MatterArrange.Matter(text))).GetProperty("matter").Id();

    static async Task<List<long>> IdsAsync(HttpClient client, string box) =>
        [.. (await client.GetJsonAsync($"/api/v1/matters/queue?box={box}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetInt64()).Order()];
}
