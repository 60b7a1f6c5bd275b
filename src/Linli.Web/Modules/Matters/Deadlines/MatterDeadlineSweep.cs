using System.Globalization;
using Linli.Data;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Notifications;
using Linli.Platform.OrgScope;

namespace Linli.Modules.Matters.Deadlines;

// 时限预警 the deadline timer's tick: a yellow warning when the running deadline is near (Matters:WarnBeforeHours
// working hours, default 4), red when it passed — flagged for supervision (督办) and notified once. The state lives
// in the matter (WarnedAt, OverdueAt), so a restart loses nothing; each matter is claimed by a conditional UPDATE
// inside the transaction that writes its event, so app instances sharing the database never flag it twice.
public static class MatterDeadlineSweep
{
    public const string ActorId = "system:deadlines";
    public const int BatchSize = 100;
    public const double DefaultWarnBeforeHours = 4;

    public sealed record Outcome(int Warned, int Overdue);

    /// <summary>One tick over the whole city, or over the matters seen from <paramref name="underPath"/> (one district, a test).</summary>
    public static async Task<Outcome> RunOnceAsync(IServiceProvider services, string? underPath = null, CancellationToken ct = default)
    {
        CultureInfo.CurrentUICulture = Loc.Chinese; // stored text is in the default language, whoever reads it later
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().EnterSystemScope(ActorId);
        var db = sp.GetRequiredService<AppDbContext>();
        var time = sp.GetRequiredService<TimeProvider>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MatterDeadlineSweep));
        var now = time.GetUtcNow().UtcDateTime;

        // The warning window ends where WarnBeforeHours working hours from now end (working time is local time).
        var zone = time.LocalTimeZone;
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
        var working = await sp.GetRequiredService<WorkCalendar>().LoadAsync(localNow.Year, localNow.Year + 1, ct);
        var warnHours = sp.GetRequiredService<IConfiguration>().GetValue("Matters:WarnBeforeHours", DefaultWarnBeforeHours);
        var warnUntil = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(working.AddWorkingHours(localNow, warnHours), DateTimeKind.Unspecified), zone);

        var under = Under(db.Matters, underPath);
        var overdue = await SweepAsync(db, log, under.WhereOverdue(now).Where(m => m.OverdueAt == null),
            id => FlagOverdueAsync(db, zone, id, now, ct), ct);
        var warned = await SweepAsync(db, log, DueWithin(under, now, warnUntil).Where(m => m.WarnedAt == null && m.OverdueAt == null),
            id => WarnAsync(db, zone, id, now, warnUntil, ct), ct);
        return new Outcome(warned, overdue);
    }

    // Candidates in id order, a batch at a time, each handled in its own transaction.
    static async Task<int> SweepAsync(AppDbContext db, ILogger log, IQueryable<Matter> candidates, Func<long, Task<bool>> handle, CancellationToken ct)
    {
        var done = 0;
        long after = 0;
        while (true)
        {
            var ids = await candidates.Where(m => m.Id > after).OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var id in ids)
            {
                try
                {
                    if (await handle(id)) done++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Deadline timer: matter {Id} failed; it is tried again at the next tick.", id);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            if (ids.Count < BatchSize) return done;
            after = ids[^1];
        }
    }

    static async Task<bool> FlagOverdueAsync(AppDbContext db, TimeZoneInfo zone, long id, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The claim: exactly one instance's update finds OverdueAt still empty; the others touch no row.
        var claimed = await db.Matters.WhereOverdue(now).Where(m => m.Id == id && m.OverdueAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OverdueAt, now), ct);
        if (claimed != 1) return false;
        var matter = await db.Matters.SingleAsync(m => m.Id == id, ct);
        if (!matter.Supervised) (matter.Supervised, matter.SupervisedAt) = (true, now); // 自动督办
        var due = TimeZoneInfo.ConvertTimeFromUtc(MatterClock.RunningDue(matter)!.Value, zone);
        var note = MatterClock.AwaitsAcceptance(matter.State)
            ? $"已超过受理时限（{due:yyyy-MM-dd HH:mm}），自动列入督办。"
            : $"已超过办理时限（{due:yyyy-MM-dd HH:mm}），自动列入督办。";
        await AddStepAsync(db, matter, MatterEventType.Overdue, note, now, "Matter.Overdue", ct);
        await tx.CommitAsync(ct);
        return true;
    }

    static async Task<bool> WarnAsync(AppDbContext db, TimeZoneInfo zone, long id, DateTime now, DateTime warnUntil, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await DueWithin(db.Matters.Where(m => m.Id == id && m.WarnedAt == null && m.OverdueAt == null), now, warnUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.WarnedAt, now), ct);
        if (claimed != 1) return false;
        var matter = await db.Matters.SingleAsync(m => m.Id == id, ct);
        var due = TimeZoneInfo.ConvertTimeFromUtc(MatterClock.RunningDue(matter)!.Value, zone);
        var note = MatterClock.AwaitsAcceptance(matter.State)
            ? $"受理时限即将到期（{due:yyyy-MM-dd HH:mm}）。"
            : $"办理时限即将到期（{due:yyyy-MM-dd HH:mm}）。";
        await AddStepAsync(db, matter, MatterEventType.DeadlineWarning, note, now, "Matter.DeadlineWarning", ct);
        await tx.CommitAsync(ct);
        return true;
    }

    static async Task AddStepAsync(AppDbContext db, Matter matter, MatterEventType type, string note, DateTime now, string action, CancellationToken ct)
    {
        var step = new MatterEvent
        {
            MatterId = matter.Id, Type = type, ActorId = ActorId, ActorName = "系统计时", At = now, Note = note, IsPublic = false, OrgPath = matter.OrgPath,
        };
        db.MatterEvents.Add(step);
        await MatterNotifications.OnEventAsync(db, matter, step, ct);
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
    }

    static IQueryable<Matter> Under(IQueryable<Matter> q, string? path) => path is null ? q
        : q.Where(m => m.OrgPath.StartsWith(path) || (m.HandlingPath != null && m.HandlingPath.StartsWith(path)));

    /// <summary>Matters whose running deadline falls after <paramref name="from"/> and no later than <paramref name="to"/> (translates to SQL).</summary>
    public static IQueryable<Matter> DueWithin(IQueryable<Matter> q, DateTime from, DateTime to) => q.Where(m =>
        ((m.State == MatterState.Registered || m.State == MatterState.Escalated) && m.AcceptDueAt > from && m.AcceptDueAt <= to)
        || ((m.State == MatterState.Accepted || m.State == MatterState.Dispatched || m.State == MatterState.InProgress
             || m.State == MatterState.Returned || m.State == MatterState.ExtensionRequested || m.State == MatterState.Reopened)
            && m.ResolveDueAt > from && m.ResolveDueAt <= to));
}
