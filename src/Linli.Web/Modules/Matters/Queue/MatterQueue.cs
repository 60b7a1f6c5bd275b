using System.Text.Json.Serialization;
using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 我的待办 GET /api/v1/matters/queue: what waits on me (assigned to me), on my unit (to accept, handle, verify or
// follow up) and what is overdue in my scope. Due first, so the most urgent matter is always on top.
public static class MatterQueue
{
    public sealed record Item(long Id, string TicketNumber, string CategoryName, string Description, MatterUrgency Urgency, MatterState State,
        DeadlineLight Light, DateTime? DueAt, long? HandlingUnitId, string? HandlingUnitName, string? AssigneeName, DateTime CreatedAt);

    public sealed record Counts(int Mine, int Unit, int Overdue);

    public static void Map(RouteGroupBuilder matters)
    {
        matters.MapGet("/queue", Handle).WithName("Matters_Queue")
            .WithSummary("My queue: box=mine (assigned to me), unit (waiting on my unit or department) or overdue (in my scope); due first");
        matters.MapGet("/queue/counts", async (AppDbContext db, TimeProvider time, CancellationToken ct) => TypedResults.Ok(await CountAsync(db, time, ct)))
            .WithName("Matters_QueueCounts").WithSummary("How many matters are in each box of my queue");
    }

    static async Task<Results<Ok<Paged<Item>>, ValidationProblem>> Handle(string? box, int? page, int? pageSize, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var b = Labels.Parse<QueueBox>(box ?? nameof(QueueBox.Mine));
        if (b is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["box"] = [Labels.Expected<QueueBox>()] });
        return TypedResults.Ok(await QueryAsync(db, time, b.Value, page, pageSize, ct));
    }

    public static async Task<Paged<Item>> QueryAsync(AppDbContext db, TimeProvider time, QueueBox box, int? page, int? pageSize, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var q = InBox(db, box, now);
        // The running deadline first (accept limit while awaiting acceptance, resolve limit while in handling), undated last.
        var paged = await q.Select(m => new
            {
                m,
                Due = m.State == MatterState.Registered || m.State == MatterState.Escalated ? m.AcceptDueAt
                    : m.State == MatterState.Accepted || m.State == MatterState.Dispatched || m.State == MatterState.InProgress
                      || m.State == MatterState.Returned || m.State == MatterState.ExtensionRequested || m.State == MatterState.Reopened ? m.ResolveDueAt
                    : null,
            })
            .OrderBy(x => x.Due == null).ThenBy(x => x.Due).ThenBy(x => x.m.Id)
            .Select(x => new Item(x.m.Id, x.m.TicketNumber, x.m.CategoryName, x.m.Description, x.m.Urgency, x.m.State,
                MatterClock.Light(x.m.State, x.m.AcceptDueAt, x.m.ResolveDueAt, x.m.WarnedAt, now), x.Due,
                x.m.HandlingUnitId, null, x.m.AssigneeName, x.m.CreatedAt))
            .ToPagedAsync(page, pageSize, ct);
        var names = await MatterUnitNames.LoadAsync(db, paged.Items.Select(i => i.HandlingUnitId), ct);
        return paged with { Items = [.. paged.Items.Select(i => i with { HandlingUnitName = names.Of(i.HandlingUnitId) })] };
    }

    public static async Task<Counts> CountAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new Counts(await InBox(db, QueueBox.Mine, now).CountAsync(ct), await InBox(db, QueueBox.Unit, now).CountAsync(ct),
            await InBox(db, QueueBox.Overdue, now).CountAsync(ct));
    }

    static IQueryable<Matter> InBox(AppDbContext db, QueueBox box, DateTime now)
    {
        var me = db.CurrentUser;
        var open = db.Matters.AsNoTracking().Where(m => m.State != MatterState.Closed && m.State != MatterState.Rejected);
        switch (box)
        {
            case QueueBox.Mine:
                return open.Where(m => m.AssigneeId == me.UserId);
            case QueueBox.Overdue:
                return open.WhereOverdue(now);
            default:
                var unit = me.OrgUnitId;
                if (me.DepartmentId is { } dept)
                    return open.Where(m => m.HandlingDepartmentId == dept
                        && m.State != MatterState.Resolved && m.State != MatterState.Verified && m.State != MatterState.FollowedUp);
                // Verification and follow-up come back to the owner (首问责任); everything else waits on the handler.
                return open.Where(m =>
                    (m.HandlingUnitId == unit && m.HandlingDepartmentId == null
                        && m.State != MatterState.Resolved && m.State != MatterState.Verified && m.State != MatterState.FollowedUp)
                    || (m.RegisteredByUnitId == unit && (m.HandlingUnitId == null
                        || m.State == MatterState.Resolved || m.State == MatterState.Verified || m.State == MatterState.FollowedUp)));
        }
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<QueueBox>))]
public enum QueueBox
{
    [Label("交给我的", "Assigned to me")] Mine,
    [Label("本单位待办", "My unit")] Unit,
    [Label("已超期", "Overdue")] Overdue,
}
