using System.Net;
using Linli.Modules.Matters;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Matters.Duplicates.DuplicateArrange;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Duplicates;

public sealed class SimilarMattersTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Similar_BeforeRegistering_FindsSameHouseSameGridAndNearbyOpenOnesOnly(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var worker = d.Home.Worker;
        var sameHouse = await worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var sameGrid = await worker.RegisterAsync(Matter(houseId: d.House2));
        var otherGrid = await worker.RegisterAsync(Matter(houseId: d.House3, lat: North(300)));
        var near = await worker.RegisterAsync(Matter(lat: North(60)));
        var far = await worker.RegisterAsync(Matter(lat: North(150)));
        var otherCategory = await worker.RegisterAsync(Matter(category: "治安", houseId: d.Home.HouseId));
        var closed = await worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        await app.SetAsync(closed.Id, m => { m.State = MatterState.Closed; m.ClosedAt = DateTime.UtcNow; });
        var old = await worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        await app.SetAsync(old.Id, m => m.CreatedAt = DateTime.UtcNow.AddDays(-8));
        // Near, but registered in another street: outside the caller's scope.
        var outsider = await app.ClientAsync(Roles.CommunityWorker, d.Home.Tree.Community3);
        var hidden = await outsider.RegisterAsync(Matter(lat: North(30)));

        var found = await worker.GetJsonAsync($"/api/v1/matters/similar?categoryId={sameHouse.CategoryId}&houseId={d.Home.HouseId}&lat={Lat}&long={Lon}");

        Assert.Equal([sameHouse.Id, sameGrid.Id, near.Id], found.Ids());
        Assert.Equal(3, found.GetProperty("total").GetInt32());
        var items = found.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["SameHouse", "SameGrid", "Nearby"], items.Select(x => x.GetProperty("because").GetString()));
        Assert.InRange(items[2].GetProperty("distanceMeters").GetDouble(), 55, 65);
        foreach (var other in new[] { otherGrid.Id, far.Id, otherCategory.Id, closed.Id, old.Id, hidden.Id }) Assert.DoesNotContain(other, found.Ids());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Similar_WindowFromSettings_OutsideItNotFound(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var a = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var b = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        await app.SetAsync(a.Id, m => m.CreatedAt = DateTime.UtcNow.AddDays(-6));
        await app.SetAsync(b.Id, m => m.CreatedAt = DateTime.UtcNow.AddDays(-7.5));

        var found = await d.Home.Worker.GetJsonAsync($"/api/v1/matters/similar?categoryId={a.CategoryId}&houseId={d.Home.HouseId}");

        Assert.Equal([a.Id], found.Ids());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SimilarTo_AnExistingMatter_ListsTheOthersButNotItself_OutsiderGets404(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var a = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var b = await d.Home.Worker.RegisterAsync(Matter(houseId: d.House2));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, d.Home.Tree.Community3);

        var found = await d.Home.Worker.GetJsonAsync($"/api/v1/matters/{b.Id}/similar");
        var hidden = await outsider.GetAsync($"/api/v1/matters/{b.Id}/similar", Ct);

        Assert.Equal([a.Id], found.Ids());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Similar_WithoutCategoryOrPlace_Returns400_HouseOutOfScope404_Resident403(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, d.Home.Tree.Community3);
        var resident = await app.ClientAsync(Roles.Resident, d.Home.Tree.Community);

        var (status, problem, _) = await d.Home.Worker.SendAsync(HttpMethod.Get, "/api/v1/matters/similar?lat=29.87");
        var hidden = await outsider.GetAsync($"/api/v1/matters/similar?categoryId=1&houseId={d.Home.HouseId}", Ct);
        var forbidden = await resident.GetAsync($"/api/v1/matters/similar?categoryId=1&houseId={d.Home.HouseId}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(problem.Errors("categoryId"));
        Assert.NotEmpty(problem.Errors("lat"));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
