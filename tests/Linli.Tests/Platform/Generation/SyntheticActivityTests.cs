using System.Net;
using Linli.Data;
using Linli.Modules.Grids;
using Linli.Modules.Matters;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Modules.Visits;
using Linli.Platform.Auth;
using Linli.Platform.Generation;
using Linli.Tests.Modules.Matters;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform.Generation;

// A year of visits and matters generated into a small hand-made city: the product's own reads, actions, tracking and
// scope work on the generated rows, and the same seed makes the same year.
public sealed class SyntheticActivityTests(SyntheticActivityTests.FreshApps apps) : IClassFixture<SyntheticActivityTests.FreshApps>
{
    const int Seed = 42;
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static int Year => DateTime.Now is { Month: 1, Day: < 3 } now ? now.Year - 1 : DateTime.Now.Year;

    // Own databases: the generator assigns keys itself, which must not race other tests' inserts.
    public sealed class FreshApps : IAsyncDisposable
    {
        readonly Dictionary<Provider, LinliApp> apps = [];

        public LinliApp For(Provider provider)
        {
            if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
            {
                if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
                Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
            }
            lock (apps) return apps.TryGetValue(provider, out var app) ? app : apps[provider] = LinliApp.Create(provider);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var app in apps.Values) await app.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Generate_SmallCity_ProductReadsActsTracksAndScopes(Provider provider)
    {
        var app = apps.For(provider);
        var city = await SmallCity.ArrangeAsync(app);
        var counts = await GenerateAsync(app, city.Tree.City.OrgPath);

        // About one matter per resident-year, eight to twelve steps each, thirty visits per worker-month.
        Assert.InRange(counts.Matters, city.Residents * 0.6, city.Residents * 1.4);
        Assert.InRange(counts.MatterEvents, counts.Matters * 5, counts.Matters * 14);
        Assert.InRange(counts.Visits, city.Workers.Count * 30 * 12 * 0.7, city.Workers.Count * 30 * 12 * 1.3);
        var (matters, events) = await app.WithDbAsync(async db => (
            await db.Matters.IgnoreQueryFilters().AsNoTracking().Where(m => m.OrgPath.StartsWith(city.Tree.City.OrgPath)).ToListAsync(Ct),
            (await db.MatterEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.OrgPath.StartsWith(city.Tree.City.OrgPath)).ToListAsync(Ct)).ToLookup(e => e.MatterId)));
        Assert.Equal(counts.Matters, matters.Count);
        Assert.Equal(matters.Count, matters.Select(m => m.TicketNumber).Distinct().Count());
        Assert.Contains(matters, m => MatterClock.IsOpen(m.State));
        Assert.Contains(matters, m => m.State == MatterState.Closed);
        Assert.Contains(matters, m => m.EscalationCount > 0);
        Assert.All(matters, m => Assert.Equal(MatterEventType.Registered, events[m.Id].MinBy(e => e.At)!.Type));
        var now = DateTime.UtcNow;
        Assert.All(matters.Where(m => MatterClock.IsOpen(m.State) && MatterClock.RunningDue(m) < now.AddMinutes(-1)), m => Assert.NotNull(m.OverdueAt));

        // The community worker lists the community's matters and reads one with its timeline.
        var worker = await app.ClientAsync(Roles.CommunityWorker, city.Tree.Community);
        var list = await worker.GetJsonAsync($"/api/v1/matters?pageSize=5");
        var mine = matters.Where(m => m.OrgPath.StartsWith(city.Tree.Community.OrgPath) || m.HandlingPath?.StartsWith(city.Tree.Community.OrgPath) == true).ToList();
        Assert.Equal(mine.Count, list.GetProperty("total").GetInt32());
        var closed = mine.First(m => m.State == MatterState.Closed);
        var detail = await worker.GetJsonAsync($"/api/v1/matters/{closed.Id}");
        Assert.Equal(events[closed.Id].Count(), detail.GetProperty("timeline").GetArrayLength());

        // A note on an open matter, and the next step of the workflow by whoever holds it now.
        var open = mine.Where(m => m.State is MatterState.Registered or MatterState.Accepted or MatterState.Dispatched or MatterState.Returned
            or MatterState.Reopened or MatterState.InProgress or MatterState.Escalated).OrderBy(m => m.Id).First();
        await worker.PostOkAsync($"/api/v1/matters/{open.Id}/notes", new { note = "已电话联系反映人", @public = true });
        var holder = await app.WithDbAsync(db => db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == (open.HandlingUnitId ?? open.RegisteredByUnitId), Ct));
        var handler = await app.ClientAsync(Roles.Official, holder, open.HandlingDepartmentId);
        var (url, body) = open.State switch
        {
            MatterState.Registered or MatterState.Escalated => ("accept", (object)new { note = "受理" }),
            MatterState.InProgress => ("resolve", new { result = "已处理完毕" }),
            _ => ("start", new { note = "开始办理" }),
        };
        var (status, _, text) = await handler.SendAsync(HttpMethod.Post, $"/api/v1/matters/{open.Id}/{url}", body);
        Assert.True(status == HttpStatusCode.OK, $"{open.State} {url}: {status} {text}");

        // The reporter tracks a generated matter by its ticket and the seed's token.
        var tracked = await app.Anonymous().GetJsonAsync(
            $"/api/public/matters/track?ticket={closed.TicketNumber}&token={SyntheticMatters.TrackingToken(Seed, closed.TicketNumber)}");
        Assert.Equal("Closed", tracked.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(
            $"/api/public/matters/track?ticket={closed.TicketNumber}&token={SyntheticMatters.TrackingToken(Seed + 1, closed.TicketNumber)}", Ct)).StatusCode);

        // Scope: another community's worker does not see it.
        var other = await app.ClientAsync(Roles.CommunityWorker, city.Tree.Community2);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/matters/{closed.Id}", Ct)).StatusCode);

        // The street's statistics count them; a new registration after the bulk keys gets a fresh key and ticket.
        var official = await app.ClientAsync(Roles.Official, city.Tree.Street);
        var from = DateTime.Now.AddDays(-400).ToString("yyyy-MM-dd");
        var stats = await official.GetJsonAsync($"/api/v1/matters/stats?from={from}&to={DateTime.Now:yyyy-MM-dd}");
        Assert.Equal(matters.Count(m => m.OrgPath.StartsWith(city.Tree.Street.OrgPath)), stats.GetProperty("totals").GetProperty("received").GetInt32());
        var created = await worker.RegisterAsync();
        Assert.True(created.GetProperty("matter").Id() > matters.Max(m => m.Id));

        // Visits: the grid worker's due list and the community's coverage read the generated year.
        var gridWorker = await app.ClientAsync(city.Workers[0]);
        var due = await gridWorker.GetJsonAsync("/api/v1/visits/due?days=30");
        Assert.True(due.GetProperty("quota").GetProperty("visited").GetInt32() > 0);
        var coverage = await worker.GetJsonAsync($"/api/v1/visits/coverage?orgUnitId={city.Tree.Community.Id}");
        var households = coverage.GetProperty("households").GetInt32();
        Assert.True(households > 0);
        Assert.InRange(coverage.GetProperty("overdue").GetInt32(), 0, households / 2);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Generate_TwoIdenticalCities_SameSeed_SameYear(Provider provider)
    {
        var app = apps.For(provider);
        var first = await SmallCity.ArrangeAsync(app);
        var second = await SmallCity.ArrangeAsync(app);
        var now = DateTime.Now.AddMinutes(-1);
        await GenerateAsync(app, first.Tree.City.OrgPath, now);
        await GenerateAsync(app, second.Tree.City.OrgPath, now);

        var a = await ShapeAsync(app, first);
        var b = await ShapeAsync(app, second);
        Assert.True(a.Count > 100);
        Assert.Equal(a, b);
    }

    static async Task<ActivityCounts> GenerateAsync(LinliApp app, string root, DateTime? now = null)
    {
        using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plan = ScalePlan.For("tiny");
        var counts = now is { } at
            ? await SyntheticActivity.GenerateAsync(db, root, Seed, Year, plan, at, null, Ct)
            : await SyntheticActivity.GenerateAsync(db, root, Seed, Year, plan, null, Ct);
        await using var sink = RowSink.For(db);
        await sink.ResetSequencesAsync(Ct); // the generator's caller does this; the generator moved its own sequences already
        await Rollups.RebuildAllAsync(db, Ct); // so does the rebuild: bulk rows bypass the save that keeps the dashboard's rollups
        return counts;
    }

    // What was generated, without the keys, codes and names that differ between the two cities.
    static async Task<List<string>> ShapeAsync(LinliApp app, SmallCity city) => await app.WithDbAsync(async db =>
    {
        var root = city.Tree.City.OrgPath;
        var matters = await db.Matters.IgnoreQueryFilters().AsNoTracking().Where(m => m.OrgPath.StartsWith(root)).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Channel, m.CategoryId, m.State, m.CreatedAt, m.Description, m.ReporterName, m.ResolveDueAt }).ToListAsync(Ct);
        var events = (await db.MatterEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.OrgPath.StartsWith(root))
            .Select(e => new { e.MatterId, e.Id, e.Type, e.At }).ToListAsync(Ct)).ToLookup(e => e.MatterId);
        var visits = await db.Visits.IgnoreQueryFilters().AsNoTracking().Where(v => v.OrgPath.StartsWith(root)).OrderBy(v => v.Id)
            .Select(v => new { v.VisitedAt, v.Type, v.Situation }).ToListAsync(Ct);
        return matters.Select(m => $"{m.Channel} {m.CategoryId} {m.State} {m.CreatedAt:O} {m.Description} {m.ReporterName} {m.ResolveDueAt:O} "
                + string.Join(",", events[m.Id].OrderBy(e => e.Id).Select(e => $"{e.Type}@{e.At:O}")))
            .Concat(visits.Select(v => $"{v.VisitedAt:O} {v.Type} {v.Situation}")).ToList();
    });
}
