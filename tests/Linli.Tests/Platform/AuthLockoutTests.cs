using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Accounts;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Platform;

public sealed class AuthLockoutTests(Apps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Token_FiveWrongPasswords_Locks423EvenForTheRightOneAndAudits(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await app.TokenAsync(user.UserName, "Wrong@Pass2026")).StatusCode);
        var right = await app.TokenAsync(user.UserName, user.Password);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), (HttpStatusCode)423], statuses);
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Equal("locked_out", await right.ProblemCodeAsync());
        var lockedOut = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Login.LockedOut" && a.ObjectId == user.Id && a.Outcome == "Denied", Ct));
        Assert.Equal(2, lockedOut);
        var end = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync(Ct));
        Assert.InRange(end!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15.1));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Unlock_LockedOutUser_CanLogInAgainAndIsAudited(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var user = await app.CreateUserAsync(Roles.CommunityWorker, tree.Community);
        for (var i = 0; i < 5; i++) await app.TokenAsync(user.UserName, "Wrong@Pass2026");
        var admin = await app.ClientAsync(Roles.SecurityAdmin, tree.Street);
        var before = await (await admin.GetAsync($"/api/v1/users/{user.Id}", Ct)).JsonAsync();
        Assert.True(before.GetProperty("lockedOut").GetBoolean());

        var unlocked = await admin.PostAsync($"/api/v1/users/{user.Id}/unlock", null, Ct);

        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await unlocked.JsonAsync()).GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await app.TokenAsync(user.UserName, user.Password)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "User.Unlock" && a.ObjectId == user.Id, Ct)));
    }
}
