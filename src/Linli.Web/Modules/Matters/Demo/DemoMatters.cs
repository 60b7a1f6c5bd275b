using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Platform.Privacy;

namespace Linli.Modules.Matters;

// 演示诉求 a year of matters for the demo city (about 6,000 by default): every channel and category, registered by its
// communities (and some streets), handled at the category's level and by its department where the unit has one, each
// with a timeline that follows the workflow step by step in working time, cut off at the demo's "now" (so the recent
// ones are still open). Deterministic for a given clock (one Random with a fixed seed; the year ends at the seeding time, as DemoVisits'). Fast: built in memory,
// saved in batches without change detection or per-row audit; one audit event says what was seeded.
public static class DemoMatters
{
    public const int DefaultCount = 6_000;

    public sealed record Counts(int Matters, int Events, int Open);

    internal sealed record Home(long HouseId, string Address, long? ResidentId, string? Name);

    internal static readonly (MatterChannel Channel, int Weight)[] Channels =
    [
        (MatterChannel.Counter, 25), (MatterChannel.Hotline, 30), (MatterChannel.Mailbox, 5), (MatterChannel.Web, 15),
        (MatterChannel.GridWorker, 20), (MatterChannel.Open311, 5),
    ];

    public static async Task<Counts> SeedAsync(AppDbContext db, FieldProtector protector, WorkingTime wt, string cityPath, DateTime nowLocal,
        TimeZoneInfo zone, int count, CancellationToken ct)
    {
        var world = await DemoMatterWorld.LoadAsync(db, cityPath, ct);
        var communities = world.Units.Values.Where(u => u.Level == OrgLevel.Community).OrderBy(u => u.Code).ToList();
        var categories = await db.MatterCategories.AsNoTracking().Where(c => c.Active).ToListAsync(ct);
        var leaves = categories.Where(c => c.ParentId != null && DemoMatterTexts.Descriptions.ContainsKey(c.Code)).OrderBy(c => c.Id).ToList();
        if (communities.Count == 0 || leaves.Count == 0 || count <= 0) return new(0, 0, 0);
        var parents = categories.ToDictionary(c => c.Id, c => c.Code);
        var homes = await HomesAsync(db, world, cityPath, ct);

        var rng = new Random(20260101);
        DateTime Utc(DateTime local) => ToUtc(local, zone);
        var weights = communities.Select(_ => 0.5 + rng.NextDouble()).ToArray();
        var start = nowLocal.Date.AddDays(-365);

        // What each matter is, in the order registered (ticket numbers count per day).
        var plans = new List<(DateTime At, MatterChannel Channel, DemoMatterWorld.Unit Community)>();
        for (var i = 0; i < count; i++)
        {
            var community = communities[PickWeighted(rng, weights)];
            var channel = Channels[PickWeighted(rng, Channels.Select(c => (double)c.Weight).ToArray())].Channel;
            plans.Add((When(rng, wt, channel, start, nowLocal), channel, community));
        }
        plans.Sort((a, b) => a.At.CompareTo(b.At));

        var counters = await db.Set<MatterTicketCounter>().AsNoTracking().ToDictionaryAsync(c => c.Day, ct);
        var existing = counters.Keys.ToHashSet();
        var totals = new Counts(0, 0, 0);
        var batch = new List<Matter>();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var (at, channel, community) in plans)
            {
                var day = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                if (!counters.TryGetValue(day, out var counter)) counters[day] = counter = new MatterTicketCounter { Day = day };
                counter.Last++;
                var category = leaves[rng.Next(leaves.Count)];
                var m = NewMatter(rng, protector, $"M{day}-{counter.Last.ToString("000000", CultureInfo.InvariantCulture)}",
                    MatterTickets.Hash(MatterTickets.NewToken()), channel, category, community, homes.GetValueOrDefault(community.Id, []), world);
                m.CreatedAt = Utc(at);
                DemoMatterStory.Play(rng, wt, world, Utc, m, category, parents[category.ParentId!.Value], community, at, nowLocal);
                totals = new(totals.Matters + 1, totals.Events + m.Events.Count, totals.Open + (MatterClock.IsOpen(m.State) ? 1 : 0));
                batch.Add(m);
                if (batch.Count == 500) await SaveAsync(db, batch, ct);
            }
            await SaveAsync(db, batch, ct);
            // The days' counters move past the demo's numbers, so tickets registered later today never collide.
            foreach (var c in counters.Values) db.Entry(c).State = existing.Contains(c.Day) ? EntityState.Modified : EntityState.Added;
            await db.SaveAuditRowsAsync(ct);
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        db.AddAuditEvent("Demo.SeedMatters", nameof(Matter), null, after: totals);
        await db.SaveChangesAsync(ct);
        return totals;
    }

    /// <summary>Local time (the calendar's) to UTC; a moment skipped by a clock change counts an hour later.</summary>
    internal static DateTime ToUtc(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(zone.IsInvalidTime(local) ? local.AddHours(1) : local, DateTimeKind.Unspecified), zone);

    /// <summary>One matter as registered (reporter, place, owner), before its story; shared with the synthetic city's generator.</summary>
    internal static Matter NewMatter(Random rng, FieldProtector protector, string ticket, string trackingTokenHash, MatterChannel channel, Categories.MatterCategory category,
        DemoMatterWorld.Unit community, List<Home> homes, DemoMatterWorld world)
    {
        // Most are registered by the community, some by its street (一门受理 at the street's hall, the hotline's dispatch).
        var owner = rng.NextDouble() < 0.2 && world.Above(community) is { } street ? street : community;
        var home = homes.Count > 0 && rng.NextDouble() < 0.75 ? homes[rng.Next(homes.Count)] : null;
        var who = rng.NextDouble();
        var resident = home?.ResidentId is not null && who < 0.55;
        var anonymous = who >= 0.8;
        string? name = resident ? home!.Name : anonymous && who >= 0.9 ? null : DemoMatterTexts.Caller(rng);
        var contact = name is not null && rng.NextDouble() < 0.7
            ? "13" + rng.Next(0, 10).ToString(CultureInfo.InvariantCulture) + rng.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture)
            : null;
        string? onBehalf = resident && channel is MatterChannel.Counter or MatterChannel.Hotline
            ? channel == MatterChannel.Counter ? "老人不会使用手机，窗口代为登记。" : "居民来电反映，工作人员代为登记。"
            : null;
        // A few without a house carry the phone's coordinates, near the community's centre.
        var located = home is null && rng.NextDouble() < 0.5;
        var n = (int)(community.Id % 97);
        return new Matter
        {
            TicketNumber = ticket, TrackingTokenHash = trackingTokenHash, Channel = channel,
            CategoryId = category.Id, CategoryName = category.Name, Description = rng.Pick(DemoMatterTexts.Descriptions[category.Code]),
            Address = home?.Address ?? community.Name + "周边", HouseId = home?.HouseId,
            Latitude = located ? 29.80 + n % 10 * 0.02 + rng.NextDouble() * 0.004 : null, Longitude = located ? 121.50 + n / 10 * 0.02 + rng.NextDouble() * 0.004 : null,
            ReporterResidentId = resident ? home!.ResidentId : null, ReporterName = name,
            ReporterContactCipher = contact is null ? null : protector.Encrypt(contact), ReporterContactMasked = contact is null ? null : Masking.Phone(contact),
            AnonymousToPublic = anonymous, OnBehalfReason = onBehalf, Urgency = rng.NextDouble() < 0.1 ? MatterUrgency.Urgent : MatterUrgency.Normal,
            RegisteredByUnitId = owner.Id, OrgPath = owner.Path, CreatedById = "", CreatedByName = "",
        };
    }

    // Counter and grid-worker matters come in working hours on working days; the hotline, mail and web at any hour.
    internal static DateTime When(Random rng, WorkingTime wt, MatterChannel channel, DateTime start, DateTime nowLocal)
    {
        for (var tries = 0; ; tries++)
        {
            var day = start.AddDays(rng.Next(0, 366));
            var staffed = channel is MatterChannel.Counter or MatterChannel.GridWorker;
            if (staffed && !wt.IsWorkingDay(DateOnly.FromDateTime(day)) && tries < 10) continue;
            var at = staffed ? day.AddMinutes(rng.Next(9 * 60, 17 * 60)) : day.AddMinutes(rng.Next(7 * 60, 22 * 60));
            if (at < nowLocal) return at;
            if (tries >= 10) return nowLocal.AddMinutes(-rng.Next(5, 600));
        }
    }

    internal static int PickWeighted(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++) if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    // Houses with somebody living there, per community; a resident of each as the likely reporter.
    internal static async Task<Dictionary<long, List<Home>>> HomesAsync(AppDbContext db, DemoMatterWorld world, string cityPath, CancellationToken ct)
    {
        var buildings = await db.Buildings.IgnoreQueryFilters().AsNoTracking().Where(b => b.OrgPath.StartsWith(cityPath))
            .ToDictionaryAsync(b => b.Id, b => b.Address + b.Name, ct);
        var residents = await db.Residents.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.HouseId != null && r.Status == ResidentStatus.Active && r.OrgPath.StartsWith(cityPath))
            .Select(r => new { r.Id, r.Name, HouseId = r.HouseId!.Value }).ToListAsync(ct);
        var byHouse = residents.GroupBy(r => r.HouseId).ToDictionary(g => g.Key, g => g.First());
        var houses = await db.Houses.IgnoreQueryFilters().AsNoTracking().Where(h => h.OrgPath.StartsWith(cityPath) && !h.Vacant)
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.BuildingId, h.UnitNumber, h.RoomNumber, h.GridId }).ToListAsync(ct);
        var homes = new Dictionary<long, List<Home>>();
        foreach (var h in houses)
        {
            if (!world.Units.TryGetValue(h.GridId, out var grid) || grid.ParentId is not { } communityId || !byHouse.TryGetValue(h.Id, out var r)) continue;
            if (!homes.TryGetValue(communityId, out var list)) homes[communityId] = list = [];
            list.Add(new Home(h.Id, $"{buildings.GetValueOrDefault(h.BuildingId)}{h.UnitNumber}单元{h.RoomNumber}室", r.Id, r.Name));
        }
        return homes;
    }

    // The matters through EF (for their ids), their ~10 steps each as multi-row INSERTs of 50 rows (larger statements bind
    // their parameters slowly on SQLite): EF row by row was most of the seeding time.
    static async Task SaveAsync(AppDbContext db, List<Matter> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var steps = batch.Select(m => (Matter: m, Steps: m.Events.ToList())).ToList();
        foreach (var m in batch) m.Events.Clear();
        db.Matters.AddRange(batch);
        await db.SaveAuditRowsAsync(ct);
        db.ChangeTracker.Clear();
        batch.Clear();
        foreach (var chunk in steps.SelectMany(x => x.Steps.Select(e => (x.Matter.Id, e))).Chunk(50))
        {
            var sql = new System.Text.StringBuilder("""INSERT INTO "MatterEvents" ("MatterId", "Type", "ActorId", "ActorName", "At", "Note", "IsPublic", "OrgPath") VALUES """);
            var args = new List<object?>(chunk.Length * 8);
            for (var i = 0; i < chunk.Length; i++)
            {
                var (matterId, e) = chunk[i];
                var p = args.Count;
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}}, {{{p + 6}}}, {{{p + 7}}})");
                args.AddRange([matterId, e.Type.ToString(), e.ActorId, e.ActorName, e.At, e.Note, e.IsPublic, e.OrgPath]);
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args!, ct);
        }
    }
}
