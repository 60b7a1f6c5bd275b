using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 答复与备注 POST /api/v1/matters/{id}/notes: a public reply (the reporter sees it when tracking) or a staff-only note.
public static class AddMatterNote
{
    public sealed record Request(string? Note, bool Public);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapPost("/{id:long}/notes", Handle).RequireAuthorization(Permissions.MattersRegister)
            .WithName("Matters_AddNote").WithSummary("Add a public reply (public=true) or a staff-only note to a matter's timeline");

    static async Task<Results<Created<GetMatter.Step>, NotFound>> Handle(long id, Request request, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await SaveAsync(db, time, id, request, ct) is { } step ? TypedResults.Created($"/api/v1/matters/{id}", step) : TypedResults.NotFound();

    /// <summary>The new step; null when the matter is not visible to the caller.</summary>
    public static async Task<GetMatter.Step?> SaveAsync(AppDbContext db, TimeProvider time, long id, Request request, CancellationToken ct)
    {
        var text = request.Note?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
            throw new FieldErrorsException(new Dictionary<string, string[]> { ["note"] = [Loc.T("请填写内容（不超过 2000 字）。", "Enter the text (at most 2000 characters).")] });
        var matter = await db.Matters.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Id, m.OrgPath }).SingleOrDefaultAsync(ct);
        if (matter is null) return null;
        var me = db.CurrentUser;
        var step = new MatterEvent
        {
            MatterId = matter.Id, Type = request.Public ? MatterEventType.Reply : MatterEventType.StaffNote, ActorId = me.UserId!,
            ActorName = me.UserName ?? "", At = time.GetUtcNow().UtcDateTime, Note = text, IsPublic = request.Public, OrgPath = matter.OrgPath,
        };
        db.MatterEvents.Add(step);
        db.AuditAction = request.Public ? "Matter.Reply" : "Matter.Note";
        await db.SaveChangesAsync(ct);
        return new GetMatter.Step(step.Id, step.Type, step.ActorName, step.At, step.Note, step.IsPublic);
    }
}
