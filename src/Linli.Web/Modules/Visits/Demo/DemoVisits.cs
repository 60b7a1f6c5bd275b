using Linli.Data;
using Linli.Platform.Auth;

namespace Linli.Modules.Visits;

// 演示走访 a year of visits by the demo workers to the households they look after (their grids), following the visit rules: the
// grid worker keeps up (ahead of the quota), the community workers fall behind on some households, so due lists,
// coverage and ledgers all have something to show. Deterministic for a given day: one Random per worker, seeded by name.
public static class DemoVisits
{
    sealed record Worker(string Id, string UserName, string Name, string OrgPath, double Diligence);

    static readonly string[] Situations =
    [
        "家中情况正常，身体状况良好，生活能自理。", "老人独自在家，精神较好，已提醒注意用电用气安全。", "家庭成员均在家，对社区工作表示满意。",
        "住户反映近期睡眠不好，已告知社区卫生服务站义诊时间。", "住户外出务工，与家属电话联系，情况正常。", "查看了燃气软管和电线，未发现安全隐患。",
        "宣传了医保缴费和防范电信诈骗相关政策。", "家中老人行动不便，子女每周探望一次。", "了解了家庭就业情况，登记了就业意向。",
    ];
    static readonly string[] Requests =
    [
        "楼道灯不亮，希望尽快维修。", "希望社区增加老年助餐服务。", "小区停车难，电动车充电不方便。", "询问高龄津贴申领办法。",
        "楼上漏水影响到自家卫生间。", "希望开设青少年暑期托管班。", "垃圾分类投放点气味较大。",
    ];
    static readonly string[] Help =
    [
        "已联系物业报修。", "已讲解申领流程并代为预约。", "已转社区居家养老服务中心。", "已登记，待网格例会研究。", "已协调楼上住户上门查看。",
    ];

    public static async Task<int> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetLocalNow().DateTime;
        var today = DateOnly.FromDateTime(now);
        var workers = await WorkersAsync(db, ct);
        var covered = new HashSet<long>();   // a household shared by two workers (leader and caseworker) is visited by the first
        var count = 0;
        foreach (var worker in workers)
        {
            var random = new Random(worker.UserName.Aggregate(17, (h, c) => h * 31 + c));
            var found = await WorkerHouseholds.FindAsync(db, worker.Id, ct);
            var households = WorkerHouseholds.Of(db, found!);
            var paths = await households.ToDictionaryAsync(h => h.Id, h => h.OrgPath, ct);
            var schedule = (await VisitSchedule.ForAsync(db, households, today, ct)).Where(d => covered.Add(d.HouseholdId)).OrderBy(d => d.HouseholdId).ToList();
            var visits = new List<Visit>();
            foreach (var h in schedule)
            {
                var interval = h.IntervalDays;
                // The latest visit: on time for a diligent worker, overdue (or not this year at all) for some households of the others.
                var behind = random.NextDouble() > worker.Diligence;
                var daysAgo = behind ? interval + random.Next(1, 30) : random.Next(0, Math.Max(1, interval));
                var jitter = interval / 5;
                for (var day = today.AddDays(-daysAgo); day > today.AddDays(-365); day = day.AddDays(-(interval + random.Next(-jitter, jitter + 1))))
                {
                    visits.Add(Visit(random, worker.Id, worker.Name, h.HouseholdId, h.HouseId, h.OrgUnitId, h.HeadName, h.IntervalDays,
                        paths[h.HouseholdId], day, now, time.LocalTimeZone));
                    if (interval >= 365) break;
                }
            }
            db.Visits.AddRange(visits);
            count += visits.Count;
        }
        db.AuditAction = "Demo.SeedVisits";
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return count;
    }

    /// <summary>One visit on the day (in working hours, never after <paramref name="now"/>); shared with the synthetic city's generator.</summary>
    internal static Visit Visit(Random random, string workerId, string workerName, long householdId, long houseId, long gridId, string? headName,
        int intervalDays, string path, DateOnly day, DateTime now, TimeZoneInfo zone)
    {
        var care = intervalDays < 365;
        var at = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(random.Next(0, 8 * 60 + 30));
        if (at > now) at = now.AddMinutes(-random.Next(10, 120));
        var asked = random.Next(100) < 18;
        return new Visit
        {
            HouseholdId = householdId, HouseId = houseId, WorkerId = workerId, WorkerName = workerName, VisitedAt = at,
            Type = care ? VisitType.KeyPopulationCare : (VisitType)random.Next(0, 5), PeopleMet = headName ?? "住户本人",
            Situation = Situations[random.Next(Situations.Length)],
            RequestsHeard = asked ? Requests[random.Next(Requests.Length)] : null,
            HelpGiven = asked ? Help[random.Next(Help.Length)] : null,
            FollowUp = asked && random.Next(4) == 0 ? "下次走访时回访办理结果" : null,
            RecordedAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), zone).AddMinutes(random.Next(1, 90)),
            OrgUnitId = gridId, OrgPath = path,
        };
    }

    // The demo accounts that record visits, most diligent first.
    static async Task<List<Worker>> WorkersAsync(AppDbContext db, CancellationToken ct)
    {
        var recorders = Permissions.Grants[Permissions.VisitsRecord];
        var users = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.IsDemo && !u.Disabled && recorders.Contains(r.Name!)
                           select new { u.Id, u.UserName, u.DisplayName, u.OrgPath, Role = r.Name }).ToListAsync(ct);
        // Grid workers first (the diligent ones), then community workers, each in name order.
        return users.OrderBy(u => u.Role == Roles.GridWorker ? 0 : 1).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .Select((u, i) => new Worker(u.Id, u.UserName!, u.DisplayName, u.OrgPath, u.Role == Roles.GridWorker ? 0.97 : 0.75 - i % 3 * 0.1))
            .DistinctBy(w => w.Id).ToList();
    }
}
