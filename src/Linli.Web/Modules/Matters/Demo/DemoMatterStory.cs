using Linli.Modules.Matters.Calendar;
using Linli.Modules.Matters.Categories;
using Linli.Modules.Organization;
using Linli.Modules.Residents;

namespace Linli.Modules.Matters;

// 演示诉求的一生 one demo matter's steps in local time, in the workflow's order and with its field changes
// (registered → accepted → dispatched → in progress → resolved → verified → followed up → closed, with the detours:
// rejection, late acceptance or resolution, escalation, return, extension, suspension, supervision, rework, redo).
// Durations run in working time on the calendar; the caller keeps the steps up to the demo's "now".
sealed class DemoMatterStory(Random rng, WorkingTime wt, DemoMatterWorld world, Func<DateTime, DateTime> utc)
{
    public sealed record Step(MatterEventType Type, DateTime At, DemoMatterWorld.Staff Actor, string? Note, bool Public, Action<Matter, DateTime> Apply);

    static readonly DemoMatterWorld.Staff Timer = new("system:deadlines", "时限监控");

    readonly List<Step> steps = [];

    /// <summary>Tells the matter's story and keeps the steps up to <paramref name="nowLocal"/>: its events (on the owner's path) and fields.</summary>
    public static void Play(Random rng, WorkingTime wt, DemoMatterWorld world, Func<DateTime, DateTime> utc, Matter m, MatterCategory category,
        string parentCode, DemoMatterWorld.Unit community, DateTime atLocal, DateTime nowLocal)
    {
        var owner = m.RegisteredByUnitId == community.Id ? community : world.Units[m.RegisteredByUnitId];
        foreach (var step in new DemoMatterStory(rng, wt, world, utc).Tell(m, category, parentCode, community, owner, atLocal))
        {
            if (step.At > nowLocal) break;
            var stepUtc = utc(step.At);
            m.Events.Add(new MatterEvent { Type = step.Type, ActorId = step.Actor.Id, ActorName = step.Actor.Name, At = stepUtc, Note = step.Note,
                IsPublic = step.Public, OrgPath = m.OrgPath });
            step.Apply(m, stepUtc);
        }
    }
    DateTime t;
    bool supervised;

    public List<Step> Tell(Matter m, MatterCategory category, string parentCode, DemoMatterWorld.Unit community, DemoMatterWorld.Unit owner, DateTime t0)
    {
        t = t0;
        var accept = category.AcceptHours;
        var days = category.ResolveDays;
        var registrar = m.Channel == MatterChannel.Open311 ? new DemoMatterWorld.Staff("open311:demo", "Open311 接入") : world.StaffOf(owner, rng);
        m.CreatedById = registrar.Id;
        m.CreatedByName = registrar.Name;
        var acceptDue = utc(wt.AddWorkingHours(t0, accept));
        Add(MatterEventType.Registered, t0, registrar, "诉求已登记，编号 " + m.TicketNumber, true, (x, _) => { x.State = MatterState.Registered; x.AcceptDueAt = acceptDue; });
        if (m.OnBehalfReason is not null) Add(MatterEventType.RegisteredOnBehalf, t0, registrar, m.OnBehalfReason, false, (_, _) => { });

        var level = category.HandlingLevel;
        var unit = world.At(community, level);
        if (rng.NextDouble() < 0.03)
        {
            Add(MatterEventType.Rejected, After(0.2 * accept, 0.9 * accept), world.StaffOf(unit, rng), "经核实不属于受理范围，已告知反映人相关办理渠道。", true,
                (x, at) => { x.State = MatterState.Rejected; x.ClosedAt = at; });
            return steps;
        }

        // Acceptance at the handling level, and again at each level it is raised to (四级联动).
        DemoMatterWorld.Staff handler;
        DateTime resolveDue;
        for (var escalations = 0; ; escalations++)
        {
            var stageStart = t;
            var due = wt.AddWorkingHours(stageStart, accept);
            var acceptor = world.StaffOf(unit, rng);
            DateTime acceptAt;
            if (rng.NextDouble() < 0.05)
            {
                Late(wt.AddWorkingHours(stageStart, accept * 0.75), due, unit, "受理");
                acceptAt = wt.AddWorkingHours(due, Between(0.5, 6));
            }
            else acceptAt = wt.AddWorkingHours(stageStart, accept * Between(0.05, 0.9));
            resolveDue = wt.AddWorkingDays(Max(acceptAt, t), days);
            var dueUtc = utc(resolveDue);
            var accepting = unit;
            Add(MatterEventType.Accepted, acceptAt, acceptor, accepting.Name + "已受理", true, (x, at) =>
            {
                x.State = MatterState.Accepted; x.AcceptedAt = at; x.ResolveDueAt = dueUtc; x.WarnedAt = null; x.OverdueAt = null;
                x.HandlingUnitId ??= accepting.Id; x.HandlingPath ??= accepting.Path;
            });
            var dept = world.DepartmentAt(unit, category.ResponsibleDepartment);
            if (rng.NextDouble() < 0.03) Misroute(acceptor, unit, dept);
            var (deptId, name) = (dept?.Id, dept?.Name ?? unit.Name);
            Add(MatterEventType.Dispatched, After(0.3, 4), acceptor, "派遣至" + name, true, (x, at) =>
            {
                x.State = MatterState.Dispatched; x.DispatchedAt = at; x.DispatchedByUnitId = accepting.Id; x.HandlingUnitId = accepting.Id; x.HandlingPath = accepting.Path; x.HandlingDepartmentId = deptId;
            });
            handler = dept is null ? world.StaffOf(unit, rng) : world.StaffOf(dept, rng);
            Start(handler);
            if (level >= HandlingLevel.District || rng.NextDouble() >= (escalations == 0 ? 0.08 : 0.3)) break;
            var up = world.At(community, ++level);
            var escalateAt = After(2, 20);
            var nextAcceptDue = utc(wt.AddWorkingHours(escalateAt, accept));
            Add(MatterEventType.Escalated, escalateAt, handler, $"超出{unit.Name}处置能力，上报{up.Name}", true, (x, _) =>
            {
                x.State = MatterState.Escalated; x.EscalationCount++; x.HandlingUnitId = up.Id; x.HandlingPath = up.Path; x.HandlingDepartmentId = null;
                x.AssigneeId = null; x.AssigneeName = null; x.AcceptDueAt = nextAcceptDue; x.WarnedAt = null; x.OverdueAt = null;
            });
            unit = up;
        }

        var results = DemoMatterTexts.Results[parentCode];
        for (var round = 0; ; round++)
        {
            Resolve(handler, unit, resolveDue, rng.Pick(results));
            var verifier = world.StaffOf(owner, rng, except: handler.Id);
            if (round == 0 && rng.NextDouble() < 0.05)
            {
                Add(MatterEventType.VerificationFailed, After(1, 10), verifier, "现场核查问题未彻底解决，退回返工。", false,
                    (x, _) => { x.State = MatterState.InProgress; x.ReworkCount++; });
                Add(MatterEventType.Resolved, After(4, 24), handler, rng.Pick(results), true, Resolved(handler));
            }
            Add(MatterEventType.Verified, After(1, 10), verifier, "经现场核查，办理情况属实。", false, (x, at) => { x.State = MatterState.Verified; x.VerifiedAt = at; });
            var follower = world.StaffOf(owner, rng);
            var p = rng.NextDouble();
            var satisfaction = round == 0 && p < 0.07 ? MatterSatisfaction.NotSatisfied : p < 0.25 ? MatterSatisfaction.Basic : MatterSatisfaction.Satisfied;
            Add(MatterEventType.FollowedUp, After(1, 14), follower, "电话回访：" + Labels.Of(satisfaction), true,
                (x, at) => { x.State = MatterState.FollowedUp; x.FollowedUpAt = at; x.Satisfaction = satisfaction; });
            if (satisfaction != MatterSatisfaction.NotSatisfied)
            {
                Add(MatterEventType.Closed, After(0.5, 4), follower, "办结归档。", true, (x, at) => { x.State = MatterState.Closed; x.ClosedAt = at; });
                return steps;
            }
            var reopenAt = After(0.5, 3);
            resolveDue = wt.AddWorkingDays(reopenAt, days);
            var redoDue = utc(resolveDue);
            Add(MatterEventType.Reopened, reopenAt, follower, "居民对办理结果不满意，重新办理。", true, (x, _) =>
            {
                x.State = MatterState.Reopened; x.RedoCount++; x.ResolveDueAt = redoDue; x.WarnedAt = null; x.OverdueAt = null;
            });
            Start(handler);
        }
    }

    void Start(DemoMatterWorld.Staff handler) =>
        Add(MatterEventType.Started, After(0.3, 8), handler, null, false, (x, _) => { x.State = MatterState.InProgress; x.AssigneeId = handler.Id; x.AssigneeName = handler.Name; });

    // Dispatched to the wrong place first, and sent back (回退).
    void Misroute(DemoMatterWorld.Staff dispatcher, DemoMatterWorld.Unit unit, DemoMatterWorld.Dept? right)
    {
        var wrong = world.OtherDepartmentAt(unit, right);
        Add(MatterEventType.Dispatched, After(0.3, 4), dispatcher, "派遣至" + (wrong?.Name ?? unit.Name), false, (x, at) =>
        {
            x.State = MatterState.Dispatched; x.DispatchedAt = at; x.DispatchedByUnitId = unit.Id; x.HandlingUnitId = unit.Id; x.HandlingPath = unit.Path; x.HandlingDepartmentId = wrong?.Id;
        });
        var returner = wrong is null ? world.StaffOf(unit, rng) : world.StaffOf(wrong, rng);
        Add(MatterEventType.Returned, After(1, 8), returner, "不属于本单位职责，退回重新派遣。", false, (x, _) => { x.State = MatterState.Returned; x.AssigneeId = null; x.AssigneeName = null; });
    }

    // Handling until the result is in: perhaps an extension, a suspension, supervision; late in about one case in eleven.
    void Resolve(DemoMatterWorld.Staff handler, DemoMatterWorld.Unit unit, DateTime due, string result)
    {
        var above = world.Above(unit);
        if (rng.NextDouble() < 0.05)
        {
            var extraDays = rng.Next(3, 11);
            Add(MatterEventType.ExtensionRequested, After(4, 20), handler, "需协调多个部门，申请延期。", false,
                (x, _) => { x.ResumeState = x.State; x.State = MatterState.ExtensionRequested; x.ExtensionDays = extraDays; });
            var approver = world.StaffOf(above ?? unit, rng);
            if (rng.NextDouble() < 0.8)
            {
                due = wt.AddWorkingDays(due, extraDays);
                var extended = utc(due);
                Add(MatterEventType.ExtensionApproved, After(1, 8), approver, $"同意延期至 {due:yyyy-MM-dd}。", true,
                    (x, _) => { x.State = x.ResumeState ?? MatterState.InProgress; x.ResumeState = null; x.ExtensionDays = null; x.ResolveDueAt = extended; x.WarnedAt = null; x.OverdueAt = null; });
            }
            else Add(MatterEventType.ExtensionRefused, After(1, 8), approver, "不同意延期，请按期办结。", false,
                (x, _) => { x.State = x.ResumeState ?? MatterState.InProgress; x.ResumeState = null; x.ExtensionDays = null; });
        }
        if (rng.NextDouble() < 0.015)
        {
            Add(MatterEventType.Suspended, After(4, 20), handler, "需等待上级政策明确，经批准挂账。", false, (x, at) => { x.ResumeState = x.State; x.State = MatterState.Suspended; x.SuspendedAt = at; });
            var resumeAt = wt.AddWorkingHours(t, 7 * Between(3, 15));
            due = wt.AddWorkingHours(due, wt.WorkingHoursBetween(t, resumeAt));
            var shifted = utc(due);
            Add(MatterEventType.Resumed, resumeAt, handler, "恢复办理。", false,
                (x, _) => { x.State = x.ResumeState ?? MatterState.InProgress; x.ResumeState = null; x.SuspendedAt = null; x.ResolveDueAt = shifted; x.WarnedAt = null; x.OverdueAt = null; });
        }
        if (rng.NextDouble() < 0.04) Supervise(After(2, 16), above ?? unit);
        var left = Math.Max(1, wt.WorkingHoursBetween(t, due));
        DateTime resolveAt;
        if (rng.NextDouble() < 0.09)
        {
            Late(wt.AddWorkingHours(t, left * 0.8), due, above ?? unit, "办理");
            resolveAt = wt.AddWorkingHours(due, Between(2, 40));
        }
        else resolveAt = wt.AddWorkingHours(t, left * Between(0.1, 0.95));
        Add(MatterEventType.Resolved, resolveAt, handler, result, true, Resolved(handler, result));
    }

    Action<Matter, DateTime> Resolved(DemoMatterWorld.Staff handler, string? result = null) => (x, at) =>
    {
        x.State = MatterState.Resolved; x.ResolvedAt = at; x.ResolvedById = handler.Id; x.Result = result ?? x.Result;
    };

    // The timer's yellow warning and red flag for a running deadline; half the overdue ones are then supervised (督办).
    void Late(DateTime warnAt, DateTime due, DemoMatterWorld.Unit supervisorUnit, string what)
    {
        Add(MatterEventType.DeadlineWarning, warnAt, Timer, what + "时限即将到期。", false, (x, at) => x.WarnedAt = at);
        Add(MatterEventType.Overdue, due, Timer, what + "已超过时限。", false, (x, at) => x.OverdueAt = at);
        if (rng.NextDouble() < 0.5) Supervise(After(0.5, 4), world.Above(supervisorUnit) ?? supervisorUnit);
    }

    void Supervise(DateTime at, DemoMatterWorld.Unit by)
    {
        if (supervised) return;
        supervised = true;
        Add(MatterEventType.Supervised, at, world.StaffOf(by, rng), "请加快办理，按期办结并反馈。", false, (x, a) => { x.Supervised = true; x.SupervisedAt = a; });
    }

    void Add(MatterEventType type, DateTime at, DemoMatterWorld.Staff actor, string? note, bool isPublic, Action<Matter, DateTime> apply)
    {
        t = Max(t, at);
        steps.Add(new(type, t, actor, note, isPublic, apply));
    }

    DateTime After(double minHours, double maxHours) => wt.AddWorkingHours(t, Between(minHours, maxHours));

    double Between(double min, double max) => min + rng.NextDouble() * (max - min);

    static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
