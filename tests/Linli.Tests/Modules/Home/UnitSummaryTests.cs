using Linli.Data;
using Linli.Modules.Home;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Home;

public sealed class UnitSummaryTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Load_Street_ListsChildrenAndCountsItsSubtree(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        await AddDepartmentsAsync(app, tree.Street, tree.Community, tree.Street2);
        await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        await app.CreateUserAsync(Roles.GridWorker, tree.Grid);
        await app.CreateUserAsync(Roles.Official, tree.Street);
        await app.CreateUserAsync(Roles.CommunityWorker, tree.Community3); // another street

        var summary = await LoadAsync(app, tree.Street, tree.Street.Id);

        Assert.NotNull(summary);
        Assert.Equal((tree.Street.Name, tree.Street.Code, OrgLevel.Street), (summary.Name, summary.Code, summary.Level));
        Assert.Equal([tree.Community.Name, tree.Community2.Name], summary.Children.Select(c => c.Name));
        Assert.Equal([(OrgLevel.Community, 2), (OrgLevel.Grid, 1)], summary.UnitsBelow.Select(c => (c.Level, c.Count)));
        Assert.Equal(2, summary.Departments);
        Assert.Equal(3, summary.Accounts);
        Assert.Null(summary.Parent); // the district lies above the street official's scope
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Load_City_CountsEveryLevelBelow(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        await AddDepartmentsAsync(app, tree.District, tree.Street2);

        var summary = await LoadAsync(app, tree.City, tree.City.Id);

        Assert.NotNull(summary);
        Assert.Equal([tree.District.Id], summary.Children.Select(c => c.Id));
        Assert.Equal([(OrgLevel.District, 1), (OrgLevel.Street, 2), (OrgLevel.Community, 3), (OrgLevel.Grid, 1)],
            summary.UnitsBelow.Select(c => (c.Level, c.Count)));
        Assert.Equal(2, summary.Departments);
        Assert.Equal(0, summary.Accounts);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Load_InactiveUnitsAndDisabledAccounts_ListedButNotCounted(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var disabled = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        await app.CreateUserAsync(Roles.CommunityWorker, tree.Community2);
        await app.WithDbAsync(async db =>
        {
            (await db.OrgUnits.SingleAsync(u => u.Id == tree.Community2.Id)).Active = false;
            (await db.Users.SingleAsync(u => u.Id == disabled.Id)).Disabled = true;
            return await db.SaveChangesAsync();
        });

        var summary = await LoadAsync(app, tree.Street, tree.Street.Id);

        Assert.NotNull(summary);
        Assert.Equal([(tree.Community.Id, true), (tree.Community2.Id, false)], summary.Children.Select(c => (c.Id, c.Active)));
        Assert.Equal([(OrgLevel.Community, 1), (OrgLevel.Grid, 1)], summary.UnitsBelow.Select(c => (c.Level, c.Count)));
        Assert.Equal(1, summary.Accounts);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Load_UnitOutsideScope_ReturnsNull(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();

        Assert.Null(await LoadAsync(app, tree.Community, tree.Community2.Id));
        Assert.Null(await LoadAsync(app, tree.Community, tree.Street.Id));
        Assert.Null(await LoadAsync(app, null, tree.Community.Id)); // no scope: nothing
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Load_Grid_HasNoLevelsBelowAndNamesVisibleParent(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();

        var summary = await LoadAsync(app, tree.Community, tree.Grid.Id);

        Assert.NotNull(summary);
        Assert.Empty(summary.Children);
        Assert.Empty(summary.UnitsBelow);
        Assert.Equal(new UnitSummary.ParentUnit(tree.Community.Id, tree.Community.Name), summary.Parent);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DepartmentName_InsideAndOutsideScope(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var departments = await AddDepartmentsAsync(app, tree.Street, tree.Street2);
        var (inside, outside) = (departments[0], departments[1]);

        using var scope = ScopeOf(app, tree.Street);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(inside.Name, await UnitSummary.DepartmentNameAsync(db, inside.Id, TestContext.Current.CancellationToken));
        Assert.Null(await UnitSummary.DepartmentNameAsync(db, outside.Id, TestContext.Current.CancellationToken));
    }

    // The caller's scope is their unit's subtree, as the request pipeline sets it from the claims.
    static IServiceScope ScopeOf(LinliApp app, OrgUnit? unit)
    {
        var scope = app.Services.CreateScope();
        if (unit is not null)
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetUser("tests", "tests", Roles.Official, unit.Id, null, unit.OrgPath);
        return scope;
    }

    static async Task<UnitSummary.Summary?> LoadAsync(LinliApp app, OrgUnit? callerUnit, long unitId)
    {
        using var scope = ScopeOf(app, callerUnit);
        return await UnitSummary.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), unitId, TestContext.Current.CancellationToken);
    }

    static Task<List<Department>> AddDepartmentsAsync(LinliApp app, params OrgUnit[] units) => app.WithDbAsync(async db =>
    {
        var departments = units.Select(u => new Department
        {
            OrgUnitId = u.Id, OrgPath = u.OrgPath, Code = $"{u.Code}-{Guid.NewGuid():N}"[..28], Name = $"{u.Name}民政办",
        }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();
        return departments;
    });
}
