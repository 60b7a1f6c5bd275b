using System.Net;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Matters.Duplicates.DuplicateArrange;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters.Duplicates;

public sealed class DuplicatePagesTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task IntakePage_CheckButton_ListsOpenLookAlikesAndSavesNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var existing = await d.Home.Worker.RegisterAsync(Matter(houseId: d.House2, description: "二楼楼道灯坏了"));
        var before = await app.WithDbAsync(db => db.Matters.CountAsync(m => m.RegisteredByUnitId == d.Home.Tree.Community.Id, Ct));

        var (status, html, _) = await d.Home.Worker.PostFormAsync($"/matters/new?houseId={d.Home.HouseId}", "matter", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = existing.CategoryId.ToString(), ["Input.Description"] = "楼道灯不亮", ["Check"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"similar\"", html);
        Assert.Contains(existing.Ticket, html);
        Assert.Contains("同一网格", html);
        Assert.Contains("楼道灯不亮", html); // what was typed stays
        Assert.Equal(before, await app.WithDbAsync(db => db.Matters.CountAsync(m => m.RegisteredByUnitId == d.Home.Tree.Community.Id, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task DetailPage_LinksADuplicate_AndThePrimaryListsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var d = await app.CreateDupHomeAsync();
        var primary = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId));
        var duplicate = await d.Home.Worker.RegisterAsync(Matter(houseId: d.Home.HouseId, reporter: "钱阿婆"));
        var (_, page, _) = await d.Home.Worker.GetPageAsync($"/matters/{duplicate.Id}");
        Assert.Contains("可能重复", page);
        Assert.Contains(primary.Ticket, page);

        var (status, _, response) = await d.Home.Worker.PostFormAsync($"/matters/{duplicate.Id}", "link-matter", new Dictionary<string, string>
        {
            ["Link.PrimaryId"] = primary.Id.ToString(),
        });

        Assert.True(status is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{status}");
        Assert.Equal($"/matters/{duplicate.Id}", response.Headers.Location?.OriginalString.Replace("http://localhost", ""));
        Assert.Equal(primary.Id, await app.WithDbAsync(db => db.Matters.Where(m => m.Id == duplicate.Id).Select(m => m.DuplicateOfId).SingleAsync(Ct)));
        var (_, after, _) = await d.Home.Worker.GetPageAsync($"/matters/{duplicate.Id}");
        Assert.Contains("data-testid=\"linked-into\"", after);
        var (_, primaryPage, _) = await d.Home.Worker.GetPageAsync($"/matters/{primary.Id}");
        Assert.Contains("data-testid=\"linked-duplicates\"", primaryPage);
        Assert.Contains(duplicate.Ticket, primaryPage);
        Assert.Contains("钱阿婆", primaryPage);
    }
}
