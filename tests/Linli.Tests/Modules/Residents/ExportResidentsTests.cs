using System.Net;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Modules.Organization;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Residents;

public sealed class ExportResidentsTests(Apps apps)
{
    static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpResponseMessage response) =>
        (await response.Content.ReadAsStreamAsync(Ct)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_WithoutReason_Returns400(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();

        var response = await home.Worker.GetAsync("/api/v1/residents/export", Ct);

        Assert.Single((await response.JsonAsync(HttpStatusCode.BadRequest)).Errors("reason"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_GridWorkerWithoutReveal_IsMaskedAndAudited(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var (id, phone) = (TestIds.New(new DateOnly(1955, 4, 4)), TestIds.Phone());
        await home.AddResidentAsync("周九", id, phone);
        var gridWorker = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);
        var reason = $"季度核查 {Guid.NewGuid():N}";

        var response = await gridWorker.GetAsync($"/api/v1/residents/export?name=周九&reason={Uri.EscapeDataString(reason)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await SheetAsync(response);
        var row = Assert.Single(rows);
        Assert.Equal((Masking.IdNumber(id), Masking.Phone(phone)), (row["身份证号码"]?.ToString(), row["联系电话"]?.ToString()));
        var audit = await app.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Action == "Resident.Export" && a.After!.Contains(reason)));
        Assert.Contains("\"rows\":1", audit.After);
        Assert.Contains("\"revealed\":false", audit.After);
        Assert.Contains("周九", audit.After);   // the filter
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_RevealByAllowedUser_HasWholeNumbersAndIsLoggedAsRevealing(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1966, 6, 6));
        await home.AddResidentAsync("吴十", id);
        var reason = $"移交民政 {Guid.NewGuid():N}";

        var response = await home.Worker.GetAsync($"/api/v1/residents/export?idNumber={id}&reveal=true&reason={Uri.EscapeDataString(reason)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, Assert.Single(await SheetAsync(response))["身份证号码"]?.ToString());
        var audit = await app.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Action == "Resident.Export" && a.After!.Contains(reason)));
        Assert.Contains("\"revealed\":true", audit.After);
        Assert.DoesNotContain(id, audit.After);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_OtherCommunitysResidents_AreNotIncluded(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3);
        await outsider.CreateResidentAsync(new { name = "郑十一", idNumber = TestIds.New(new DateOnly(1977, 7, 7)), orgUnitId = home.Tree.Community3.Id });

        var response = await home.Worker.GetAsync("/api/v1/residents/export?name=郑十一&reason=核查", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await SheetAsync(response));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_WrongRole_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var staff = await app.ClientAsync(Roles.DepartmentStaff, tree.Street);

        var response = await staff.GetAsync("/api/v1/residents/export?reason=核查", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
