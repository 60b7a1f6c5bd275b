using System.Net;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Modules.Residents;

public sealed class CreateResidentTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_InHouse_Returns201WithMaskedNumbersAndDerivedFields(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1950, 3, 7), male: false);
        var phone = TestIds.Phone();

        var (status, body, text) = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/residents",
            new { name = "王秀英", idNumber = id, phone, houseId = home.HouseId, residenceType = "户籍人口", education = "Primary" });

        Assert.Equal(HttpStatusCode.Created, status);
        var r = body.GetProperty("resident");
        Assert.Equal(Masking.IdNumber(id), r.GetProperty("idNumber").GetString());
        Assert.Equal(Masking.Phone(phone), r.GetProperty("phone").GetString());
        Assert.DoesNotContain(id, text);
        Assert.DoesNotContain(phone, text);
        Assert.Equal("1950-03-07", r.GetProperty("birthDate").GetString());   // from the ID number
        Assert.Equal("Female", r.GetProperty("gender").GetString());         // 17th digit even
        Assert.Equal("Registered", r.GetProperty("residenceType").GetString());
        Assert.Equal(home.Tree.Grid.Id, r.GetProperty("orgUnitId").GetInt64()); // the house's grid
        Assert.Equal("3幢1单元502室", r.GetProperty("address").GetString());
        Assert.Contains(body.GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == "elderly-60");
        Assert.Equal("record", body.GetProperty("history")[0].GetProperty("field").GetString());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_WrongCheckDigit_Returns400OnIdNumber(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var valid = TestIds.New(new DateOnly(1980, 1, 1));
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/residents", new { name = "张三", idNumber = wrong, houseId = home.HouseId });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([IdNumber.Message(IdNumber.Problem.CheckDigit)], body.Errors("idNumber"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_BirthDateOrGenderDisagreeWithIdNumber_Returns400OnThoseFields(Provider provider)
    {
        var home = await (await apps.For(provider)).CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1980, 1, 1), male: true);

        var (status, body, _) = await home.Worker.SendAsync(HttpMethod.Post, "/api/v1/residents",
            new { name = "张三", idNumber = id, birthDate = "1981-01-01", gender = "女", houseId = home.HouseId });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Single(body.Errors("birthDate"));
        Assert.Single(body.Errors("gender"));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_SameIdNumberInCommunityOfAnotherStreet_Returns409(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1990, 5, 5));
        await home.AddResidentAsync("李四", id);
        var other = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community3);

        var (status, body, _) = await other.SendAsync(HttpMethod.Post, "/api/v1/residents",
            new { name = "李四", idNumber = id.ToLowerInvariant(), orgUnitId = home.Tree.Community3.Id });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("resident.duplicate-id-number", body.GetProperty("code").GetString());
        var count = await app.WithDbAsync(db => db.Residents.CountAsync(r => r.Name == "李四" && r.OrgPath.StartsWith(home.Tree.City.OrgPath)));
        Assert.Equal(1, count);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_IntoHouseOfAnotherCommunity_Returns404(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var outsider = await app.ClientAsync(Roles.CommunityWorker, home.Tree.Community2);

        var (status, _, _) = await outsider.SendAsync(HttpMethod.Post, "/api/v1/residents",
            new { name = "赵六", idNumber = TestIds.New(new DateOnly(1970, 2, 2)), houseId = home.HouseId });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_AsOfficialOrDepartmentStaff_Returns403(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var body = new { name = "赵六", idNumber = TestIds.New(new DateOnly(1970, 2, 2)), houseId = home.HouseId };

        var official = await (await app.ClientAsync(Roles.Official, home.Tree.Street)).SendAsync(HttpMethod.Post, "/api/v1/residents", body);
        var staff = await (await app.ClientAsync(Roles.DepartmentStaff, home.Tree.District)).SendAsync(HttpMethod.Post, "/api/v1/residents", body);

        Assert.Equal(HttpStatusCode.Forbidden, official.Status);
        Assert.Equal(HttpStatusCode.Forbidden, staff.Status);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Create_IdNumberAndPhone_AreNotStoredInPlainText(Provider provider)
    {
        var app = await apps.For(provider);
        var home = await app.CreateHomeAsync();
        var id = TestIds.New(new DateOnly(1985, 12, 31));
        var phone = TestIds.Phone();
        var residentId = (await home.AddResidentAsync("孙七", id, phone)).Id();

        // The raw row, read with SQL past EF's mapping: no column holds the number or the phone.
        var raw = await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"Residents\" WHERE \"Id\" = {residentId}";
            await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToList();
        });
        Assert.Contains("孙七", raw);
        Assert.DoesNotContain(raw, v => v.Contains(id, StringComparison.OrdinalIgnoreCase) || v.Contains(id[6..14] + id[14..], StringComparison.Ordinal));
        Assert.DoesNotContain(raw, v => v.Contains(phone, StringComparison.Ordinal));
        var cipher = await app.WithDbAsync(db => db.Residents.Where(r => r.Id == residentId).Select(r => r.IdNumberCipher).SingleAsync());
        Assert.Equal(id, new FieldProtector(Convert.FromBase64String(LinliApp.PrivacyKey)).Decrypt(cipher!)); // it is there, encrypted
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.ObjectType == "Resident" && a.ObjectId == residentId.ToString()).Select(a => a.After).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.DoesNotContain(audit, a => a!.Contains(id, StringComparison.OrdinalIgnoreCase) || a.Contains(phone, StringComparison.Ordinal));
    }
}
