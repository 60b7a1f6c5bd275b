using Linli.Data;
using Linli.Modules.Visits;

namespace Linli.Platform.Generation;

// 走访 a community's year of household visits by the workers assigned to its grids (包片联户), about
// plan.VisitsPerWorkerMonth a month each: the households their tags ask for often first (on their interval, a few of
// them fallen behind), then the yearly visit of the others while the worker's month allows, the rest of the quota as
// extra routine visits. Visits are made like the demo's (DemoVisits.Visit).
sealed class SyntheticVisits(Dictionary<long, List<SyntheticVisits.Worker>> workersByGrid, TimeZoneInfo zone, DateTime startLocal, DateTime nowLocal,
    int perWorkerMonth, long firstId)
{
    public sealed record Worker(string Id, string Name);

    long nextId = firstId;

    /// <summary>The running grid assignments under the root, per grid, leader first.</summary>
    public static async Task<Dictionary<long, List<Worker>>> WorkersAsync(AppDbContext db, string rootPath, CancellationToken ct)
    {
        var rows = await (from a in db.GridAssignments.IgnoreQueryFilters()
                          join u in db.Users on a.UserId equals u.Id
                          where a.OrgPath.StartsWith(rootPath) && a.EndDate == null && !u.Disabled
                          select new { a.GridId, a.UserId, a.Duty, Name = u.DisplayName, u.UserName }).AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.GridId).ThenBy(r => r.Duty).ThenBy(r => r.UserId, StringComparer.Ordinal)
            .GroupBy(r => r.GridId)
            .ToDictionary(g => g.Key, g => g.Select(r => new Worker(r.UserId, r.Name.Length > 0 ? r.Name : r.UserName ?? r.UserId)).ToList());
    }

    public void Make(Random rng, CommunityActivitySource community, List<Visit> into)
    {
        // Each household to one of its grid's workers, in turn.
        var mine = new Dictionary<Worker, List<CommunityActivitySource.Household>>();
        foreach (var grid in community.Households.GroupBy(h => h.GridId))
        {
            if (!workersByGrid.TryGetValue(grid.Key, out var workers) || workers.Count == 0) continue;
            var i = 0;
            foreach (var h in grid)
            {
                var w = workers[i++ % workers.Count];
                if (!mine.TryGetValue(w, out var list)) mine[w] = list = [];
                list.Add(h);
            }
        }
        foreach (var (worker, households) in mine.OrderBy(x => x.Key.Id, StringComparer.Ordinal))
            Visits(rng, worker, households, into);
    }

    void Visits(Random rng, Worker worker, List<CommunityActivitySource.Household> households, List<Visit> into)
    {
        var today = DateOnly.FromDateTime(nowLocal);
        var first = DateOnly.FromDateTime(startLocal);
        var windowDays = today.DayNumber - first.DayNumber;
        var months = windowDays / 30.4;
        var diligence = 0.8 + 0.4 * rng.NextDouble();            // the quota's share this worker reaches, 1.0 on average
        var keepsUp = diligence >= 0.9 ? 0.97 : 0.75;            // share of often-visited households kept on schedule
        var budget = (int)Math.Round(perWorkerMonth * months * diligence);
        void Add(CommunityActivitySource.Household h, DateOnly day)
        {
            var v = DemoVisits.Visit(rng, worker.Id, worker.Name, h.Id, h.HouseId, h.GridId, h.HeadName, h.IntervalDays, h.OrgPath, day, nowLocal, zone);
            v.Id = nextId++;
            into.Add(v);
            budget--;
        }

        foreach (var h in households.Where(h => h.IntervalDays < 365).OrderBy(h => h.IntervalDays).ThenBy(h => h.Id))
        {
            var interval = h.IntervalDays;
            var behind = rng.NextDouble() > keepsUp;
            var daysAgo = behind ? interval + rng.Next(1, 30) : rng.Next(0, Math.Max(1, interval));
            var jitter = interval / 5;
            for (var day = today.AddDays(-daysAgo); day > first && budget > 0; day = day.AddDays(-(interval + rng.Next(-jitter, jitter + 1))))
                Add(h, day);
        }
        var yearly = households.Where(h => h.IntervalDays >= 365).ToArray();
        rng.Shuffle(yearly);
        foreach (var h in yearly)
        {
            if (budget <= 0) break;
            Add(h, first.AddDays(rng.Next(1, windowDays + 1)));
        }
        // The rest of the month's quota: return visits (回访) to households picked at random.
        while (budget > 0 && households.Count > 0)
            Add(households[rng.Next(households.Count)], first.AddDays(rng.Next(1, windowDays + 1)));
    }
}
