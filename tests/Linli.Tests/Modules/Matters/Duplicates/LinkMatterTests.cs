using System.Net;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Matters.Duplicates.DuplicateArrange;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Duplicates;

public sealed class LinkMatterTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Link_IntoAnOpenPrimary_ClosesTheDuplicateAndThePrimaryListsItsReporter(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var primary = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var duplicate = await d.Home.Worker.RegisterAsync(Matter(houseId: d.House2, reporter: "李大伯"));

        var linked = await d.Home.Worker.PostOkAsync($"/api/v1/matters/{duplicate.Id}/link", new { primaryId = primary.Id });

        Assert.Equal("Closed", linked.GetProperty("state").GetString());
        var last = linked.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("Linked", last.GetProperty("type").GetString());
        Assert.True(last.GetProperty("isPublic").GetBoolean());
        Assert.Contains(primary.Ticket, last.GetProperty("note").GetString());
        var stored = await app.WithDbAsync(db => db.Matters.AsNoTracking().SingleAsync(m => m.Id == duplicate.Id, Ct));
        Assert.Equal(primary.Id, stored.DuplicateOfId);
        Assert.NotNull(stored.ClosedAt);
        var primaryView = await d.Home.Worker.GetJsonAsync($"/api/v1/matters/{primary.Id}");
        Assert.Equal("Registered", primaryView.GetProperty("state").GetString());
        var note = primaryView.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("StaffNote", note.GetProperty("type").GetString());
        Assert.False(note.GetProperty("isPublic").GetBoolean());
        Assert.Equal(duplicate.Id, Assert.Single(primaryView.GetProperty("duplicates").EnumerateArray()).GetProperty("id").GetInt64());
        var links = await d.Home.Worker.GetJsonAsync($"/api/v1/matters/{primary.Id}/duplicates");
        var item = Assert.Single(links.GetProperty("items").EnumerateArray());
        Assert.Equal(duplicate.Id, item.GetProperty("id").GetInt64());
        Assert.Equal("李大伯", item.GetProperty("reporterName").GetString());
        Assert.Equal("138****5678", item.GetProperty("reporterContact").GetString());
        var back = await d.Home.Worker.GetJsonAsync($"/api/v1/matters/{duplicate.Id}/duplicates");
        Assert.Equal(primary.Id, back.GetProperty("primary").GetProperty("id").GetInt64());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Matter.Link" && a.ObjectType == "Matter" && a.ObjectId == duplicate.Id.ToString(), Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Link_BrokenRules_Return409_MissingPrimary400(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var w = d.Home.Worker;
        var a = await w.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var other = await w.RegisterAsync(Matter(category: "治安", houseId: d.Home.HouseId));
        var closed = await w.RegisterAsync(Matter(houseId: d.Home.HouseId));
        await app.SetAsync(closed.Id, m => { m.State = MatterState.Closed; m.ClosedAt = DateTime.UtcNow; });
        var b = await w.RegisterAsync(Matter(houseId: d.House2));
        var c = await w.RegisterAsync(Matter(houseId: d.House2));
        await w.PostOkAsync($"/api/v1/matters/{b.Id}/link", new { primaryId = a.Id });

        async Task<(HttpStatusCode, string?)> Link(long id, long? primaryId)
        {
            var (status, body, _) = await w.SendAsync(HttpMethod.Post, $"/api/v1/matters/{id}/link", new { primaryId });
            return (status, status == HttpStatusCode.Conflict ? body.GetProperty("code").GetString() : null);
        }

        Assert.Equal((HttpStatusCode.Conflict, "matter.link-self"), await Link(a.Id, a.Id));
        Assert.Equal((HttpStatusCode.Conflict, "matter.link-category"), await Link(other.Id, a.Id));
        Assert.Equal((HttpStatusCode.Conflict, "matter.link-primary-closed"), await Link(c.Id, closed.Id));
        Assert.Equal((HttpStatusCode.Conflict, "matter.link-primary-duplicate"), await Link(c.Id, b.Id));
        Assert.Equal((HttpStatusCode.Conflict, "matter.link-closed"), await Link(b.Id, c.Id));
        Assert.Equal((HttpStatusCode.BadRequest, null), await Link(c.Id, null));
        Assert.Equal(MatterState.Registered, await app.WithDbAsync(db => db.Matters.Where(m => m.Id == c.Id).Select(m => m.State).SingleAsync(Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Link_PrimaryOutsideScope404_DepartmentStaff403(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var a = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, d.Home.Tree.Community3);
        var theirs = await outsider.RegisterAsync(Matter(lat: North(10)));
        var staff = await app.ClientAsync(Roles.DepartmentStaff, d.Home.Tree.Street);

        var (hidden, _, _) = await d.Home.Worker.SendAsync(HttpMethod.Post, $"/api/v1/matters/{a.Id}/link", new { primaryId = theirs.Id });
        var (hiddenToo, _, _) = await outsider.SendAsync(HttpMethod.Post, $"/api/v1/matters/{theirs.Id}/link", new { primaryId = a.Id });
        var (forbidden, _, _) = await staff.SendAsync(HttpMethod.Post, $"/api/v1/matters/{a.Id}/link", new { primaryId = theirs.Id });

        Assert.Equal(HttpStatusCode.NotFound, hidden);
        Assert.Equal(HttpStatusCode.NotFound, hiddenToo);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Track_ALinkedTicket_ShowsThePrimarysPublicStepsButNotItsStaffNotes(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var primary = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var duplicate = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        await d.Home.Worker.PostOkAsync($"/api/v1/matters/{primary.Id}/notes", new { note = "维修队已派出", @public = true });
        await d.Home.Worker.PostOkAsync($"/api/v1/matters/{primary.Id}/notes", new { note = "内部：供应商拖延", @public = false });
        await d.Home.Worker.PostOkAsync($"/api/v1/matters/{duplicate.Id}/link", new { primaryId = primary.Id });

        var (status, view, text) = await app.Anonymous().SendAsync(HttpMethod.Get, $"/api/public/matters/track?ticket={duplicate.Ticket}&token={duplicate.Token}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Closed", view.GetProperty("state").GetString());
        Assert.Equal(["Registered", "Linked"], view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
        var linked = view.GetProperty("linkedTo");
        Assert.Equal(primary.Ticket, linked.GetProperty("ticketNumber").GetString());
        Assert.Equal("Registered", linked.GetProperty("state").GetString());
        Assert.Equal(["Registered", "Reply"], linked.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
        Assert.Contains("维修队已派出", text);
        Assert.DoesNotContain("供应商拖延", text);
        Assert.DoesNotContain("已并入本件", text);
    }
}
