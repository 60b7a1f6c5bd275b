using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

public sealed class ResidentTagTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SensitiveTag_GridWorker_DoesNotSeeThatItExists(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("钱一", TestIds.New(new DateOnly(1958, 4, 4)))).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/tags", new { code = "dibao", startDate = "2024-01-01", source = "民政局" });
        await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/tags", new { code = "unemployed", source = "走访" });
        var grid = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var card = await grid.SendAsync(HttpMethod.Get, $"/api/v1/residents/{resident}");
        var list = await grid.SendAsync(HttpMethod.Get, "/api/v1/residents?name=钱一");
        var filtered = await grid.GetJsonAsync("/api/v1/residents?tag=dibao");
        var catalogue = await grid.SendAsync(HttpMethod.Get, "/api/v1/resident-tags");
        var add = await grid.SendAsync(HttpMethod.Post, $"/api/v1/residents/{resident}/tags", new { code = "dibao" });

        Assert.Equal(HttpStatusCode.OK, card.Status);
        foreach (var text in new[] { card.Text, list.Text, catalogue.Text })
        {
            Assert.DoesNotContain("dibao", text);
            Assert.DoesNotContain("低保", text);
            Assert.DoesNotContain("民政局", text);
        }
        Assert.Contains("unemployed", card.Text);
        Assert.Contains("unemployed", list.Text);
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, add.Status);      // as for a tag that does not exist
        Assert.Single(add.Body.Errors("code"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task SensitiveTag_CommunityWorkerAndOfficial_SeeItInCardListFilterAndHistory(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("孔二", TestIds.New(new DateOnly(1970, 4, 4)))).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/tags",
            new { code = "disabled", disabilityCategory = "肢体残疾", disabilityGrade = 2, source = "残联" });
        var official = await app.ClientAsync(Roles.Official, home.Tree.Street);

        foreach (var client in new[] { home.Worker, official })
        {
            var card = await client.GetJsonAsync($"/api/v1/residents/{resident}");
            var tag = Assert.Single(card.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == "disabled");
            Assert.Equal("Physical", tag.GetProperty("disabilityCategory").GetString());
            Assert.Equal(2, tag.GetProperty("disabilityGrade").GetInt32());
            Assert.True(tag.GetProperty("sensitive").GetBoolean());
            Assert.Contains(card.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "tag:disabled");
            var found = await client.GetJsonAsync($"/api/v1/residents?tag=disabled&orgUnitId={home.Tree.Community.Id}");
            Assert.Equal([resident], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AddTag_DerivedOrTooYoungOrMissingDetails_Refused(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var resident = (await home.AddResidentAsync("曾三", TestIds.New(new DateOnly(1990, 4, 4)))).Id();
        var url = $"/api/v1/residents/{resident}/tags";

        var derived = await home.Worker.SendAsync(HttpMethod.Post, url, new { code = "elderly-60" });
        var young = await home.Worker.SendAsync(HttpMethod.Post, url, new { code = "elderly-alone" });
        var details = await home.Worker.SendAsync(HttpMethod.Post, url, new { code = "disabled", disabilityGrade = 7 });
        var period = await home.Worker.SendAsync(HttpMethod.Post, url, new { code = "unemployed", startDate = "2025-05-01", endDate = "2025-01-01" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, derived.Status);
        Assert.Equal("tag.derived", derived.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, young.Status);
        Assert.Equal(HttpStatusCode.BadRequest, details.Status);
        Assert.Single(details.Body.Errors("disabilityCategory"));
        Assert.Single(details.Body.Errors("disabilityGrade"));
        Assert.Equal(HttpStatusCode.BadRequest, period.Status);
        Assert.Single(period.Body.Errors("endDate"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task AddTag_OverlappingPeriodOfSameTag_Returns409_EndedOneAllowsNew(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var resident = (await home.AddResidentAsync("鲁四", TestIds.New(new DateOnly(1980, 4, 4)))).Id();
        var url = $"/api/v1/residents/{resident}/tags";
        var first = await home.Worker.PostOkAsync(url, new { code = "unemployed", startDate = "2023-01-01" });

        var overlap = await home.Worker.SendAsync(HttpMethod.Post, url, new { code = "unemployed", startDate = "2024-01-01" });
        var ended = await home.Worker.SendAsync(HttpMethod.Patch, $"{url}/{first.Id()}", new { endDate = "2023-12-31" });
        var again = await home.Worker.SendAsync(HttpMethod.Post, url, new { code = "unemployed", startDate = "2024-01-01" });

        Assert.Equal(HttpStatusCode.Conflict, overlap.Status);
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.False(ended.Body.GetProperty("current").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, again.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task RemoveTag_OutsiderGets404_WorkerRemovesAndHistoryKeepsIt(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("袁五", TestIds.New(new DateOnly(1980, 4, 5)))).Id();
        var tag = await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/tags", new { code = "idle-youth" });
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3);

        var denied = await outsider.SendAsync(HttpMethod.Delete, $"/api/v1/residents/{resident}/tags/{tag.Id()}");
        var removed = await home.Worker.SendAsync(HttpMethod.Delete, $"/api/v1/residents/{resident}/tags/{tag.Id()}");

        Assert.Equal(HttpStatusCode.NotFound, denied.Status);
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        var card = await home.Worker.GetJsonAsync($"/api/v1/residents/{resident}");
        Assert.DoesNotContain(card.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == "idle-youth");
        Assert.Equal(2, card.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("field").GetString() == "tag:idle-youth"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Move_ToHouseInAnotherGrid_TagsAndHistoryFollow_GridWorkerCannotMoveThere(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = (await home.AddResidentAsync("柳六", TestIds.New(new DateOnly(1960, 4, 5)))).Id();
        await home.Worker.PostOkAsync($"/api/v1/residents/{resident}/tags", new { code = "tekun" });
        // A second grid in the same community, and a house in it.
        var grid2 = await app.CreateGridAsync(home.Tree.Community);
        var house2 = await home.Worker.PostOkAsync("/api/v1/houses", new { buildingId = home.BuildingId, gridId = grid2.Id, unitNumber = 2, floor = 1, roomNumber = "101" });
        var gridWorker = await app.ClientAsync(Roles.GridWorker, home.Tree.Grid);

        var moved = await gridWorker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident}", new { houseId = house2.Id() });

        // The grid worker may not move a person into a grid they cannot see; the community worker may.
        Assert.Equal(HttpStatusCode.NotFound, moved.Status);
        var ok = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident}", new { houseId = house2.Id() });
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        var paths = await app.WithDbAsync(async db => new
        {
            Tags = await db.ResidentTags.IgnoreQueryFilters().Where(t => t.ResidentId == resident).Select(t => t.OrgPath).ToListAsync(),
            History = await db.ResidentChanges.IgnoreQueryFilters().Where(c => c.ResidentId == resident).Select(c => c.OrgPath).Distinct().ToListAsync(),
        });
        Assert.Equal([grid2.OrgPath], paths.Tags);
        Assert.Equal([grid2.OrgPath], paths.History);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/v1/residents/{resident}", RegistryArrange.Ct)).StatusCode);
    }
}
