using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Generation;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Platform.Generation;

// Bulk rows written by the model's mapping read back through EF exactly as EF itself would have stored them.
public sealed class RowSinkTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Write_RowsOfSeveralShapes_ReadBackEqual_AndLaterInsertsGetFreshKeys(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var created = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var userId = Guid.NewGuid().ToString();

        var (buildingId, residentIds) = await app.WithDbAsync(async db =>
        {
            var firstBuilding = await RowSink.NextIdAsync<Building>(db, Ct);
            var firstResident = await RowSink.NextIdAsync<Resident>(db, Ct);
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await using var sink = RowSink.For(db);
            var buildings = await sink.WriteAsync([new Building
            {
                Id = firstBuilding, CommunityId = tree.Community.Id, Name = "批量1幢", Floors = 6, UnitCount = 2, OrgPath = tree.Community.OrgPath,
            }], Ct);
            var residents = await sink.WriteAsync(Enumerable.Range(0, 3).Select(i => new Resident
            {
                Id = firstResident + i, Name = $"批量{i}", Gender = i == 0 ? Gender.Female : Gender.Male, BirthDate = new DateOnly(1980 + i, 2, 28),
                ResidenceType = ResidenceType.Registered, RegistrationMatch = RegistrationMatch.Consistent, Education = i == 1 ? null : Education.Bachelor,
                Status = ResidentStatus.Active, OrgUnitId = tree.Grid.Id, OrgPath = tree.Grid.OrgPath,
            }), Ct);
            await sink.WriteAsync([new AppUser
            {
                Id = userId, UserName = $"bulk{userId[..8]}", NormalizedUserName = $"BULK{userId[..8]}".ToUpperInvariant(), DisplayName = "批量用户",
                OrgUnitId = tree.Community.Id, OrgPath = tree.Community.OrgPath, CreatedAt = created, MustChangePassword = false, SecurityStamp = "s",
            }], Ct);
            await sink.ResetSequencesAsync(Ct);
            await tx.CommitAsync(Ct);
            Assert.Equal(1, buildings);
            Assert.Equal(3, residents);
            return (firstBuilding, new[] { firstResident, firstResident + 1, firstResident + 2 });
        });

        await app.WithDbAsync(async db =>
        {
            var building = await db.Buildings.SingleAsync(b => b.Id == buildingId, Ct);
            Assert.Equal(("批量1幢", 6, tree.Community.OrgPath), (building.Name, building.Floors, building.OrgPath));
            var residents = await db.Residents.Where(r => residentIds.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(Ct);
            Assert.Equal([Gender.Female, Gender.Male, Gender.Male], residents.Select(r => r.Gender));
            Assert.Equal(new DateOnly(1981, 2, 28), residents[1].BirthDate);
            Assert.Equal([Education.Bachelor, null, Education.Bachelor], residents.Select(r => r.Education));
            Assert.All(residents, r => Assert.Equal(ResidentStatus.Active, r.Status));
            var user = await db.Users.SingleAsync(u => u.Id == userId, Ct);
            Assert.Equal(created, user.CreatedAt.ToUniversalTime());
            Assert.False(user.MustChangePassword);

            // The sequence moved past the bulk keys: an ordinary insert does not collide.
            db.Buildings.Add(new Building { CommunityId = tree.Community.Id, Name = "批量2幢", OrgPath = tree.Community.OrgPath });
            await db.SaveChangesAsync(Ct);
            Assert.True(await db.Buildings.Where(b => b.Name == "批量2幢").Select(b => b.Id).SingleAsync(Ct) > buildingId);
            return 0;
        });
    }
}
