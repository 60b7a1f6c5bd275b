using System.Net;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

public sealed class UpdateResidentTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_ChangedFields_WritesHistoryWithMaskedNumbers(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var oldPhone = TestIds.Phone();
        var resident = await home.AddResidentAsync("何三", TestIds.New(new DateOnly(1982, 3, 3)), oldPhone);
        var newPhone = TestIds.Phone();

        var (status, card, text) = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident.Id()}",
            new { name = "何叁", phone = newPhone, education = "本科", notes = "" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(newPhone, text);
        var history = card.GetProperty("history").EnumerateArray()
            .Select(h => (Field: h.GetProperty("field").GetString(), Old: h.GetProperty("oldValue").GetString(), New: h.GetProperty("newValue").GetString()))
            .ToList();
        Assert.Contains(("name", "何三", "何叁"), history);
        Assert.Contains(("phone", Masking.Phone(oldPhone), Masking.Phone(newPhone)), history);
        Assert.Contains(("education", null, "Bachelor"), history);
        Assert.DoesNotContain(history, h => h.Field is "notes" or "idNumber" or "birthDate");
        var rows = await app.WithDbAsync(db => db.ResidentChanges.Where(c => c.ResidentId == resident.Id() && c.Field != "record")
            .Select(c => new { c.ChangedBy, c.ChangedById }).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.ChangedById));
        Assert.All(rows, r => Assert.StartsWith("communityworker.", r.ChangedBy));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_NewIdNumber_ReplacesCipherIndexAndBirthDate(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var oldId = TestIds.New(new DateOnly(1982, 3, 3));
        var resident = await home.AddResidentAsync("冯四", oldId);
        var newId = TestIds.New(new DateOnly(1983, 4, 4));

        var card = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident.Id()}", new { idNumber = newId });

        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal("1983-04-04", card.Body.GetProperty("resident").GetProperty("birthDate").GetString());
        Assert.Contains(card.Body.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "idNumber"
            && h.GetProperty("oldValue").GetString() == Masking.IdNumber(oldId) && h.GetProperty("newValue").GetString() == Masking.IdNumber(newId));
        Assert.Equal(1, (await home.Worker.GetJsonAsync($"/api/v1/residents?idNumber={newId}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await home.Worker.GetJsonAsync($"/api/v1/residents?idNumber={oldId}")).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_BadIdNumberOrChoice_Returns400AndChangesNothing(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("卫五", TestIds.New(new DateOnly(1975, 5, 5)));

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident.Id()}",
            new { name = "卫伍", idNumber = "12345", political = "unknown" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Single(body.Errors("idNumber"));
        Assert.Single(body.Errors("political"));
        Assert.Equal("卫五", await app.WithDbAsync(db => db.Residents.Where(r => r.Id == resident.Id()).Select(r => r.Name).SingleAsync()));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_IdNumberOfSomeoneElse_Returns409(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var taken = TestIds.New(new DateOnly(1975, 5, 5));
        await home.AddResidentAsync("蒋六", taken);
        var resident = await home.AddResidentAsync("沈七", TestIds.New(new DateOnly(1976, 6, 6)));

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident.Id()}", new { idNumber = taken });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("idNumber", body.GetProperty("field").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_WorkerOfAnotherCommunityOrOfficial_Returns404Or403(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var resident = await home.AddResidentAsync("韩八", TestIds.New(new DateOnly(1979, 9, 9)));
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);
        var official = await app.ClientAsync(Roles.Official, home.Tree.Street);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident.Id()}", new { name = "x" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{resident.Id()}", new { name = "x" })).Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Patch_SecondHeadForHousehold_Returns409(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var head = await home.AddResidentAsync("杨父", TestIds.New(new DateOnly(1950, 1, 1)));
        var household = await home.Worker.PostOkAsync("/api/v1/households", new { houseId = home.HouseId, type = "Registered", headResidentId = head.Id() });
        var other = await home.AddResidentAsync("杨子", TestIds.New(new DateOnly(1980, 1, 1)));

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Patch, $"/api/v1/residents/{other.Id()}",
            new { householdId = household.Id(), relationship = "本人" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("household.has-head", body.GetProperty("code").GetString());
    }
}
