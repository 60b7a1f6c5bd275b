using System.Diagnostics;
using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Organization;
using Linli.Modules.Visits;
using Linli.Platform.Privacy;
using Microsoft.Extensions.Caching.Memory;

namespace Linli.Platform.Generation;

public sealed record ActivityCounts(long Visits, long Matters, long MatterEvents);

// 一年的走访与诉求 a year of household visits and matters (with their whole timelines) for every community under a root,
// from what the registry holds. The year is the 365 days up to the end of `year` (up to now for the current year);
// timelines run on to now, so the latest matters are still open. Community by community, each from its own Random
// (seed and the community's place in code order), written through RowSink in batches: deterministic for a seed and
// an unchanged database, and never more than a batch in memory. Moves the identity sequences past its keys itself.
public static class SyntheticActivity
{
    const int BatchRows = 20_000;

    /// <summary>Where the last runs' time went (reading the registry, waiting for rows being made, writing them, building the indexes).</summary>
    internal static (TimeSpan Load, TimeSpan Make, TimeSpan Write, TimeSpan Indexes) Timings;

    public static Task<ActivityCounts> GenerateAsync(AppDbContext db, string rootOrgPath, int seed, int year, ScalePlan plan,
        IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        var now = MatterDeadlines.Services(db).GetRequiredService<TimeProvider>().GetLocalNow().DateTime;
        return GenerateAsync(db, rootOrgPath, seed, year, plan, now.Date.AddHours(now.Hour).AddMinutes(now.Minute), progress, ct);
    }

    /// <summary>As of <paramref name="nowLocal"/> (what is open, what the visit lists count from): the same seed and moment make the same year.</summary>
    internal static async Task<ActivityCounts> GenerateAsync(AppDbContext db, string rootOrgPath, int seed, int year, ScalePlan plan, DateTime nowLocal,
        IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        var services = MatterDeadlines.Services(db);
        var zone = services.GetRequiredService<TimeProvider>().LocalTimeZone;
        var yearEnd = new DateTime(year, 12, 31, 23, 59, 0);
        if (nowLocal < new DateTime(year, 1, 2)) throw new ArgumentOutOfRangeException(nameof(year), year, "The year has not begun yet.");
        var endLocal = nowLocal < yearEnd ? nowLocal : yearEnd;
        var startLocal = endLocal.Date.AddDays(-365);
        var wt = await WorkCalendar.LoadAsync(db, services.GetRequiredService<IMemoryCache>(), services.GetRequiredService<IConfiguration>(),
            startLocal.Year, nowLocal.Year + 1, ct);

        var world = await DemoMatterWorld.LoadAsync(db, rootOrgPath, ct);
        var communities = world.Units.Values.Where(u => u.Level == OrgLevel.Community)
            .OrderBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.Id).ToList();
        var categories = await db.MatterCategories.AsNoTracking().Where(c => c.Active).ToListAsync(ct);
        var leaves = categories.Where(c => c.ParentId != null && DemoMatterTexts.Descriptions.ContainsKey(c.Code)).OrderBy(c => c.Id).ToList();
        var parents = categories.ToDictionary(c => c.Id, c => c.Code);
        var existing = await db.Set<MatterTicketCounter>().AsNoTracking().ToDictionaryAsync(c => c.Day, c => c.Last, ct);
        var counters = new Dictionary<string, int>(existing);
        var intervals = await VisitIntervals.LoadAsync(db, DateOnly.FromDateTime(nowLocal), ct);

        var matters = new SyntheticMatters(world, wt, zone, services.GetRequiredService<FieldProtector>(), seed, leaves, parents, counters,
            startLocal, endLocal, nowLocal, plan.MattersPerResidentYear, await RowSink.NextIdAsync<Matter>(db, ct), await RowSink.NextIdAsync<MatterEvent>(db, ct));
        var visits = new SyntheticVisits(await SyntheticVisits.WorkersAsync(db, rootOrgPath, ct), zone, startLocal, endLocal,
            plan.VisitsPerWorkerMonth, await RowSink.NextIdAsync<Visit>(db, ct));

        await using var sink = RowSink.For(db);
        var batch = new Batch(sink);
        var deferred = await DeferredIndexes.DropAsync(db, CityGenerator.ActivityTables, onlyEmpty: true, ct);
        try
        {
            // Community i's rows are made on another thread while this one writes the rows before it and reads community
            // i + 1: the database and the generator's CPU work at once. Rows are still made one community at a time, in order.
            Task<Made>? making = null;
            for (var i = 0; i <= communities.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var t0 = Stopwatch.GetTimestamp();
                var data = i < communities.Count ? await CommunityActivitySource.LoadAsync(db, world, communities[i], intervals, ct) : null;
                var t1 = Stopwatch.GetTimestamp();
                var made = making is null ? null : await making;
                var t2 = Stopwatch.GetTimestamp();
                var index = i;
                making = data is null ? null : Task.Run(() =>
                {
                    var rows = new Made([], []);
                    matters.Make(new Random(Seed(seed, index, 1)), communities[index], data, rows.Matters);
                    visits.Make(new Random(Seed(seed, index, 2)), data, rows.Visits);
                    return rows;
                }, ct);
                if (made is not null)
                {
                    batch.Matters.AddRange(made.Matters);
                    batch.Visits.AddRange(made.Visits);
                    if (batch.Rows >= BatchRows || i == communities.Count) await batch.FlushAsync(ct);
                    progress?.Report(new GenerationProgress("activity", i, communities.Count));
                }
                Timings = (Timings.Load + Stopwatch.GetElapsedTime(t0, t1), Timings.Make + Stopwatch.GetElapsedTime(t1, t2),
                    Timings.Write + Stopwatch.GetElapsedTime(t2), Timings.Indexes);
            }
        }
        finally
        {
            var built = Stopwatch.GetTimestamp();
            await deferred.RestoreAsync(db, null, CancellationToken.None); // the indexes and keys of tables that were empty, built now
            Timings.Indexes += Stopwatch.GetElapsedTime(built);
        }
        await sink.ResetSequencesAsync(ct);

        // The days' ticket counters move past the generated numbers, so matters registered later never collide.
        foreach (var (day, last) in counters)
        {
            if (existing.GetValueOrDefault(day) == last) continue;
            var counter = new MatterTicketCounter { Day = day, Last = last };
            db.Entry(counter).State = existing.ContainsKey(day) ? EntityState.Modified : EntityState.Added;
        }
        await db.SaveAuditRowsAsync(ct);
        db.ChangeTracker.Clear();
        var counts = new ActivityCounts(batch.VisitCount, batch.MatterCount, batch.EventCount);
        db.AddAuditEvent("Generate.Activity", nameof(Matter), null, after: new { rootOrgPath, seed, year, counts.Visits, counts.Matters, counts.MatterEvents });
        await db.SaveChangesAsync(ct);
        return counts;
    }

    // A stable seed per community and purpose (HashCode is randomized per process, so not that).
    static int Seed(int seed, int community, int purpose) => unchecked((int)((uint)seed * 2_654_435_761u ^ (uint)community * 40_503u ^ (uint)purpose * 2_246_822_519u));

    sealed record Made(List<Matter> Matters, List<Visit> Visits);

    sealed class Batch(RowSink sink)
    {
        public List<Matter> Matters { get; } = [];
        public List<Visit> Visits { get; } = [];
        public long MatterCount, EventCount, VisitCount;

        public int Rows => Matters.Count + Visits.Count + Matters.Sum(m => m.Events.Count);

        public async Task FlushAsync(CancellationToken ct)
        {
            // Matters before their steps and before the visits that may point to them.
            MatterCount += await sink.WriteAsync(Matters, ct);
            EventCount += await sink.WriteAsync(Matters.SelectMany(m => m.Events), ct);
            VisitCount += await sink.WriteAsync(Visits, ct);
            Matters.Clear();
            Visits.Clear();
        }
    }
}
