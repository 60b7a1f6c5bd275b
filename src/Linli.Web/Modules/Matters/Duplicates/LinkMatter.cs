using Linli.Data;
using Linli.Modules.Notifications;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 并案 POST /api/v1/matters/{id}/link: a duplicate is closed into an earlier open matter (the primary) and follows it:
// its reporter tracks the primary's progress, and the primary's follow-up (回访) reaches the duplicate's reporter too.
public static class LinkMatter
{
    public sealed record Request(long? PrimaryId);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapPost("/{id:long}/link", Handle).RequireAuthorization(Permissions.MattersRegister)
            .WithName("Matters_Link").WithSummary("Link a matter as a duplicate of an open one: it closes and follows the primary");

    static async Task<Results<Ok<GetMatter.View>, NotFound>> Handle(long id, Request request, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await SaveAsync(db, time, id, request.PrimaryId, ct) ? TypedResults.Ok((await GetMatter.LoadAsync(db, id, ct))!) : TypedResults.NotFound();

    /// <summary>False when either matter is not visible to the caller; throws on a broken rule.</summary>
    public static async Task<bool> SaveAsync(AppDbContext db, TimeProvider time, long id, long? primaryId, CancellationToken ct)
    {
        if (primaryId is not { } pid || pid <= 0)
            throw new FieldErrorsException(new Dictionary<string, string[]> { ["primaryId"] = [Loc.T("请选择要并入的诉求。", "Choose the matter to link into.")] });
        var duplicate = await db.Matters.SingleOrDefaultAsync(m => m.Id == id, ct);
        var primary = pid == id ? duplicate : await db.Matters.SingleOrDefaultAsync(m => m.Id == pid, ct);
        if (duplicate is null || primary is null) return false;
        if (pid == id) Refuse("matter.link-self", "不能并入自身。", "A matter cannot be linked into itself.");
        if (!MatterClock.IsOpen(duplicate.State) || duplicate.DuplicateOfId is not null)
            Refuse("matter.link-closed", "该诉求已办结或已并案，不能再并入。", "This matter is closed or linked already.");
        if (primary.DuplicateOfId is not null)
            Refuse("matter.link-primary-duplicate", "要并入的诉求本身是重复件，请并入它的主件。", "The matter to link into is itself a duplicate; link into its primary.");
        if (!MatterClock.IsOpen(primary.State))
            Refuse("matter.link-primary-closed", "要并入的诉求已办结。", "The matter to link into is closed.");
        if (primary.CategoryId != duplicate.CategoryId)
            Refuse("matter.link-category", "类别不同的诉求不能并案。", "Only matters of the same category can be linked.");

        var me = db.CurrentUser;
        var now = time.GetUtcNow().UtcDateTime;
        duplicate.DuplicateOfId = primary.Id;
        duplicate.State = MatterState.Closed;
        duplicate.ClosedAt = now;
        var linked = Step(duplicate, MatterEventType.Linked, me, now, Loc.T("已并入 ", "Linked into ") + primary.TicketNumber, isPublic: true);
        var note = Step(primary, MatterEventType.StaffNote, me, now,
            Loc.T($"重复诉求 {duplicate.TicketNumber} 已并入本件，办理结果请一并回访其反映人。",
                $"Duplicate {duplicate.TicketNumber} was linked into this matter; follow up with its reporter too."), isPublic: false);
        db.MatterEvents.AddRange(linked, note);
        await MatterNotifications.OnEventAsync(db, duplicate, linked, ct);
        db.AuditAction = "Matter.Link";
        await db.SaveChangesAsync(ct);
        return true;
    }

    static void Refuse(string code, string zh, string en) => throw new BusinessRuleException(code, Loc.T(zh, en));

    static MatterEvent Step(Matter m, MatterEventType type, Platform.OrgScope.CurrentUser actor, DateTime at, string note, bool isPublic) => new()
    {
        MatterId = m.Id, Type = type, ActorId = actor.UserId!, ActorName = actor.UserName ?? "", At = at, Note = note, IsPublic = isPublic, OrgPath = m.OrgPath,
    };
}
