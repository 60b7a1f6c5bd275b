using Microsoft.EntityFrameworkCore;
using System.Net;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Workflow;

public sealed class MatterJourneyTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Journey_RegisteredToClosed_ThroughADepartment_VerifiedByAnother(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var dept = await app.AddDepartmentAsync(tree.Community, "物业服务站");
        var counter = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var colleague = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var staff = await app.ClientAsync(Roles.DepartmentStaff, tree.Community, dept.Id);
        var (id, _, _) = await counter.RegisterInAsync("设施维修");
        var registered = await app.MatterAsync(id);
        Assert.NotNull(registered.AcceptDueAt);
        Assert.True(registered.AcceptDueAt > registered.CreatedAt);

        var routing = await counter.GetJsonAsync($"/api/v1/matters/{id}/routing");
        Assert.Equal(tree.Community.Id, routing.GetProperty("unitId").GetInt64());
        Assert.Equal(dept.Id, routing.GetProperty("departmentId").GetInt64());

        var accepted = await colleague.ActAsync(id, "accept");
        Assert.Equal("Accepted", accepted.State());
        Assert.Contains("Dispatch", accepted.Allowed());
        var dispatched = await colleague.ActAsync(id, "dispatch");   // no body: the routing suggestion
        Assert.Equal("Dispatched", dispatched.State());
        Assert.Equal(dept.Id, dispatched.Flow().GetProperty("handlingDepartmentId").GetInt64());
        var started = await staff.ActAsync(id, "start");
        Assert.Equal("InProgress", started.State());
        Assert.Equal("Green", started.Flow().GetProperty("light").GetString());
        await staff.ActAsync(id, "resolve", new { result = "已更换东门路灯灯泡，夜间照明恢复" });
        (await staff.TryAsync(id, "verify", new { passed = true })).AssertRefused(); // a department is not the owner
        await colleague.ActAsync(id, "verify", new { passed = true });
        await counter.ActAsync(id, "follow-up", new { satisfaction = "Satisfied", comment = "电话回访，居民满意" });
        var closed = await counter.ActAsync(id, "close");

        Assert.Equal("Closed", closed.State());
        Assert.Empty(closed.Allowed());
        var m = await app.MatterAsync(id);
        Assert.Equal(tree.Community.Id, m.RegisteredByUnitId);
        Assert.Equal(tree.Community.Id, m.HandlingUnitId);
        Assert.Equal(tree.Community.OrgPath, m.HandlingPath);
        Assert.Equal(dept.Id, m.HandlingDepartmentId);
        Assert.Equal(MatterSatisfaction.Satisfied, m.Satisfaction);
        Assert.All(new[] { m.AcceptedAt, m.DispatchedAt, m.ResolvedAt, m.VerifiedAt, m.FollowedUpAt, m.ClosedAt }, d => Assert.NotNull(d));
        Assert.NotNull(m.ResolveDueAt);
        Assert.Equal("已更换东门路灯灯泡，夜间照明恢复", m.Result);
        var events = await app.EventsAsync(id);
        Assert.Equal([MatterEventType.Registered, MatterEventType.Accepted, MatterEventType.Dispatched, MatterEventType.Started,
            MatterEventType.Resolved, MatterEventType.Verified, MatterEventType.FollowedUp, MatterEventType.Closed], events.Select(e => e.Type));
        Assert.All(events.Where(e => e.Type is MatterEventType.Accepted or MatterEventType.Dispatched or MatterEventType.Resolved or MatterEventType.Closed),
            e => Assert.True(e.IsPublic));
        Assert.All(events.Where(e => e.Type is MatterEventType.Started or MatterEventType.Verified), e => Assert.False(e.IsPublic));
        foreach (var action in new[] { "Accept", "Dispatch", "Start", "Resolve", "Verify", "FollowUp", "Close" })
            Assert.Equal(1, await app.AuditCountAsync($"Matter.{action}", id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Escalate_CommunityToStreetToDistrict_ThenDispatchedDown_OwnerKeepsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var cityManagement = await app.AddDepartmentAsync(tree.Street, "城管科");
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var street = await app.ClientAsync(Roles.Official, tree.Street);
        var district = await app.ClientAsync(Roles.Official, tree.District);
        var staff = await app.ClientAsync(Roles.DepartmentStaff, tree.Street, cityManagement.Id);
        var (id, _, _) = await community.RegisterInAsync("占道经营");
        // The accept limit ran out at the community; escalating must start a fresh one for the next level.
        await app.WithDbAsync(db => db.Matters.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.AcceptDueAt, DateTime.UtcNow.AddDays(-1)), Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await community.TryAsync(id, "escalate", new { reason = " " })).Status);

        var up = await community.ActAsync(id, "escalate", new { reason = "涉及占道执法，社区无执法权" });
        Assert.Equal("Escalated", up.State());
        Assert.Equal(tree.Street.Id, up.Flow().GetProperty("handlingUnitId").GetInt64());
        Assert.DoesNotContain("Accept", up.Allowed());                 // the community no longer handles it
        Assert.Contains("Accept", (await street.GetJsonAsync($"/api/v1/matters/{id}")).Allowed());
        await street.ActAsync(id, "escalate", new { reason = "跨街道，需区级协调" });
        var atDistrict = await app.MatterAsync(id);
        Assert.Equal(tree.District.Id, atDistrict.HandlingUnitId);
        Assert.Equal(tree.District.OrgPath, atDistrict.HandlingPath);
        Assert.Equal(2, atDistrict.EscalationCount);
        Assert.True(atDistrict.AcceptDueAt > DateTime.UtcNow, $"accept limit not restarted: {atDistrict.AcceptDueAt:o}");

        await district.ActAsync(id, "accept");
        var down = await district.ActAsync(id, "dispatch", new { departmentId = cityManagement.Id, note = "请街道城管科现场处置" });
        await staff.ActAsync(id, "start");
        await staff.ActAsync(id, "resolve", new { result = "已劝离摊贩并设置隔离栏" });

        Assert.Equal("Dispatched", down.State());
        var m = await app.MatterAsync(id);
        Assert.Equal(MatterState.Resolved, m.State);
        Assert.Equal((tree.Street.Id, cityManagement.Id, tree.District.Id), (m.HandlingUnitId!.Value, m.HandlingDepartmentId!.Value, m.DispatchedByUnitId!.Value));
        Assert.Equal(tree.Community.Id, m.RegisteredByUnitId);       // 首问责任: the owner never changes
        Assert.Equal(tree.Community.OrgPath, m.OrgPath);
        var owner = await community.GetJsonAsync($"/api/v1/matters/{id}");
        Assert.Equal(tree.Community.Id, owner.GetProperty("registeredByUnitId").GetInt64());
        Assert.Contains("Verify", owner.Allowed());
        var events = await app.EventsAsync(id);
        Assert.Equal(2, events.Count(e => e.Type == MatterEventType.Escalated && e.IsPublic));
        Assert.Contains(events, e => e.Type == MatterEventType.StaffNote && !e.IsPublic && e.Note!.Contains("社区无执法权"));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, tree.Community3);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}")).Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Return_ByTheDepartment_GoesBackToTheDispatcher(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var wrong = await app.AddDepartmentAsync(tree.Street, "民政科");
        var right = await app.AddDepartmentAsync(tree.Street, "城管科");
        var community = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var street = await app.ClientAsync(Roles.Official, tree.Street);
        var staff = await app.ClientAsync(Roles.DepartmentStaff, tree.Street, wrong.Id);
        var (id, _, _) = await community.RegisterInAsync("占道经营");
        await community.ActAsync(id, "escalate", new { reason = "需执法" });
        await street.ActAsync(id, "accept");
        await street.ActAsync(id, "dispatch", new { departmentId = wrong.Id });
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.TryAsync(id, "return", new { reason = "" })).Status);

        var (status, _, text) = await staff.TryAsync(id, "return", new { reason = "不属于民政职责，应由城管处理" });

        Assert.True(status == HttpStatusCode.NoContent, text);          // done, and no longer the department's to see
        Assert.Equal(HttpStatusCode.NotFound, (await staff.SendAsync(HttpMethod.Get, $"/api/v1/matters/{id}")).Status);
        var back = await street.GetJsonAsync($"/api/v1/matters/{id}");
        Assert.Equal("Returned", back.State());
        Assert.Equal(tree.Street.Id, back.Flow().GetProperty("handlingUnitId").GetInt64());
        Assert.Equal(JsonValueKindNull, back.Flow().GetProperty("handlingDepartmentId").ValueKind);
        var redispatched = await street.ActAsync(id, "dispatch", new { departmentId = right.Id });
        Assert.Equal(right.Id, redispatched.Flow().GetProperty("handlingDepartmentId").GetInt64());
        var returned = (await app.EventsAsync(id)).Single(e => e.Type == MatterEventType.Returned);
        Assert.False(returned.IsPublic);
        Assert.Equal("不属于民政职责，应由城管处理", returned.Note);
    }

    const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
