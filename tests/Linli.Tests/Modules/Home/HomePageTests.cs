using System.Net;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Home;

public sealed class HomePageTests(Apps apps)
{
    public static TheoryData<Provider, string, string> AdminStartPages => new()
    {
        { Provider.Sqlite, Roles.SystemAdmin, "/org-units" }, { Provider.Sqlite, Roles.SecurityAdmin, "/accounts" },
        { Provider.Sqlite, Roles.Auditor, "/audit" }, { Provider.Sqlite, Roles.Resident, "/portal" },
        { Provider.Postgres, Roles.SystemAdmin, "/org-units" }, { Provider.Postgres, Roles.SecurityAdmin, "/accounts" },
        { Provider.Postgres, Roles.Auditor, "/audit" }, { Provider.Postgres, Roles.Resident, "/portal" },
    };

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Home_CommunityWorker_ShowsOwnUnitOnly(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"<h1 class=\"h4 mb-1\">{tree.Community.Name}</h1>", html);
        Assert.Contains(tree.Community.Code, html);
        Assert.Contains($"href=\"/units/{tree.Grid.Id}\">{tree.Grid.Name}</a>", html);
        foreach (var ancestor in new[] { tree.City, tree.District, tree.Street })
            Assert.Contains($"<li class=\"breadcrumb-item\">{ancestor.Name}</li>", html);
        Assert.DoesNotContain(tree.Community2.Name, html);
        Assert.DoesNotContain(tree.Community3.Name, html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Home_DepartmentStaff_ShowsDepartmentName(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var department = await app.WithDbAsync(async db =>
        {
            var d = new Department { OrgUnitId = tree.Street.Id, OrgPath = tree.Street.OrgPath, Code = $"{tree.Street.Code}-CG", Name = $"{tree.Street.Name}城管中队" };
            db.Departments.Add(d);
            await db.SaveChangesAsync();
            return d;
        });
        var client = await app.ClientAsync(Roles.DepartmentStaff, tree.Street, department.Id);

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains($"<strong>{department.Name}</strong>", html);
        Assert.Contains($"<h1 class=\"h4 mb-1\">{tree.Street.Name}</h1>", html);
    }

    [Theory, MemberData(nameof(AdminStartPages))]
    public async Task Home_AdminOrResident_RedirectsToOwnStartPage(Provider provider, string role, string target)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(role, tree.City);
        await app.WithDbAsync(async db =>
        {
            // Enrolled, so the admins are not sent to two-factor enrolment first.
            (await db.Users.SingleAsync(u => u.Id == user.Id)).TwoFactorEnabled = true;
            return await db.SaveChangesAsync();
        });
        var client = await app.ClientAsync(user);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Portal_Resident_Returns200AndStaff_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var resident = await app.ClientAsync(Roles.Resident, tree.Community);
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        var ok = await resident.GetAsync("/portal", TestContext.Current.CancellationToken);
        var denied = await worker.GetAsync("/portal", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("居民服务", await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task UnitPage_ChildInSubtree_ShowsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(Roles.Official, tree.Street);

        var response = await client.GetAsync($"/units/{tree.Community.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"<h1 class=\"h4 mb-1\">{tree.Community.Name}</h1>", html);
        Assert.Contains($"href=\"/units/{tree.Grid.Id}\">{tree.Grid.Name}</a>", html);
        Assert.Contains($"href=\"/units/{tree.Street.Id}\">{tree.Street.Name}</a>", html); // its parent, the caller's own unit
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task UnitPage_OutsideSubtree_Returns404WithoutItsData(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(Roles.CommunityWorker, tree.Community);

        foreach (var unit in new[] { tree.Community2, tree.Street, tree.Community3 })
        {
            var response = await client.GetAsync($"/units/{unit.Id}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(unit.Code, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task UnitPage_Resident_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(Roles.Resident, tree.Community);

        var response = await client.GetAsync($"/units/{tree.Community.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // The layout's breadcrumb and the page both query while rendering; on one shared context that failed now and then.
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pages_RenderedRepeatedly_NeverFail(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var client = await app.ClientAsync(Roles.Official, tree.Street);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
            foreach (var url in new[] { "/", $"/units/{tree.Community.Id}" })
                statuses.Add((await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
