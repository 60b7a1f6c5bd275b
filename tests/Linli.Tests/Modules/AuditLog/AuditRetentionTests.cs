using System.Text.Json;
using Linli.Data;
using Linli.Modules.AuditLog;
using Linli.Platform.Audit;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Linli.Tests.Modules.AuditLog;

// Purging cuts the whole log: each test runs on a database of its own.
public sealed class AuditRetentionTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Purge_RemovesOnlyTheOldPrefix_AndTheChainStillVerifies(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        // Rows 1-5 from last year, row 6 inside the period, row 7 old again (clock skew): only the prefix 1-5 goes.
        await RewriteTimesAsync(app, id => id switch
        {
            <= 5 => now.UtcDateTime.AddDays(-400),
            6 => now.UtcDateTime.AddDays(-364),
            7 => now.UtcDateTime.AddDays(-400),
            _ => null,
        });
        var before = await app.AuditRowsAsync(_ => true);

        var deleted = await app.WithDbAsync(db => AuditRetention.PurgeAsync(db, now, 365, Ct));

        Assert.Equal(5, deleted);
        var after = await app.AuditRowsAsync(_ => true);
        Assert.Equal(before.Skip(5).Select(r => r.Id), after.SkipLast(1).Select(r => r.Id));
        var purge = after[^1];
        Assert.Equal(AuditVerifier.PurgeAction, purge.Action);
        Assert.Equal(before[^1].Id + 1, purge.Id);
        Assert.Equal("tests", purge.UserName); // the system scope the purge ran in
        var details = JsonDocument.Parse(purge.After!).RootElement;
        Assert.Equal(5, details.GetProperty("deleted").GetInt32());
        Assert.Equal(6, details.GetProperty("keptFromId").GetInt64());
        var report = await app.VerifyAsync();
        Assert.True(report.Ok, report.Message);
        Assert.Equal(after.Count, report.Checked);

        // Nothing more is old enough: nothing deleted, no new purge row.
        Assert.Equal(0, await app.WithDbAsync(db => AuditRetention.PurgeAsync(db, now, 365, Ct)));
        Assert.Single(await app.AuditRowsAsync(a => a.Action == AuditVerifier.PurgeAction));

        // Cutting further behind the purge's back is tampering.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\" WHERE \"Id\" = 6", Ct));
        var tampered = await app.VerifyAsync();
        Assert.False(tampered.Ok);
        Assert.Equal(7, tampered.FirstBrokenId);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Purge_EveryRowOld_KeepsTheNewestSoIdsContinue(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        await RewriteTimesAsync(app, _ => now.UtcDateTime.AddDays(-500));
        var last = (await app.AuditRowsAsync(_ => true))[^1];

        var deleted = await app.WithDbAsync(db => AuditRetention.PurgeAsync(db, now, 365, Ct));

        Assert.Equal(last.Id - 1, deleted);
        var after = await app.AuditRowsAsync(_ => true);
        Assert.Equal([last.Id, last.Id + 1], after.Select(r => r.Id));
        Assert.True((await app.VerifyAsync()).Ok);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Purge_RetentionBelowMinimum_Keeps180Days(Provider provider)
    {
        await using var app = AuditTestKit.PrivateApp(provider);
        await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        await RewriteTimesAsync(app, id => id switch { 1 => now.UtcDateTime.AddDays(-200), 2 => now.UtcDateTime.AddDays(-100), _ => null });

        var deleted = await app.WithDbAsync(db => AuditRetention.PurgeAsync(db, now, 30, Ct));

        Assert.Equal(1, deleted);
        Assert.Equal(2, (await app.AuditRowsAsync(_ => true))[0].Id);
        Assert.Equal(180, JsonDocument.Parse((await app.AuditRowsAsync(a => a.Action == AuditVerifier.PurgeAction)).Single().After!)
            .RootElement.GetProperty("retentionDays").GetInt32());
    }

    [Fact]
    public void EffectiveDays_BelowMinimum_IsRaisedWithAWarning()
    {
        var log = new ListLogger();

        Assert.Equal(180, AuditRetention.EffectiveDays(30, log));
        Assert.Equal(400, AuditRetention.EffectiveDays(400, log));
        Assert.Equal(AuditRetention.DefaultDays, new AuditOptions().RetentionDays);
        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("180", warning.Message);
    }

    [Fact]
    public async Task RetentionService_IsRegistered()
    {
        await using var app = AuditTestKit.PrivateApp(Provider.Sqlite);
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s.GetType().Name == "AuditRetentionService");
    }

    /// <summary>Gives rows other times and rebuilds the chain over them, as if they had been written then.</summary>
    static Task RewriteTimesAsync(LinliApp app, Func<long, DateTime?> time) => app.WithDbAsync(async db =>
    {
        var rows = await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
        string? prev = null;
        foreach (var r in rows)
        {
            r.TimeUtc = DateTime.SpecifyKind(time(r.Id) ?? r.TimeUtc, DateTimeKind.Utc);
            r.TimeUtc = new DateTime(r.TimeUtc.Ticks - r.TimeUtc.Ticks % 10, DateTimeKind.Utc);
            r.PrevHash = prev ?? r.PrevHash;
            r.Hash = prev = AuditHash.Compute(r);
            await db.AuditLog.Where(a => a.Id == r.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.TimeUtc, r.TimeUtc).SetProperty(a => a.PrevHash, r.PrevHash).SetProperty(a => a.Hash, r.Hash), Ct);
        }
        Assert.True((await AuditVerifier.VerifyAsync(db, Ct)).Ok);
        return rows.Count;
    });

    sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
