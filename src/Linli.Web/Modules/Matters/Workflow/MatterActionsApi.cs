using Linli.Data;
using Linli.Modules.Matters.Calendar;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 办理动作接口 POST /api/v1/matters/{id}/{action}, one explicit route per action. Each answers the updated detail, or
// 204 when the step handed the matter out of the caller's sight (a department returning it, say).
public static class MatterActionsApi
{
    public sealed record NoteRequest(string? Note);
    public sealed record ReasonRequest(string? Reason);
    public sealed record DispatchRequest(long? UnitId, long? DepartmentId, string? Note);
    public sealed record ExtensionRequest(int? Days, string? Reason);
    public sealed record ResolveRequest(string? Result);
    public sealed record VerifyRequest(bool? Passed, string? Reason);
    public sealed record FollowUpRequest(MatterSatisfaction? Satisfaction, string? Comment);

    public static void Map(RouteGroupBuilder matters)
    {
        MatterRouting.Map(matters);
        Post<NoteRequest>(matters, "accept", MatterAction.Accept, b => new(Reason: b?.Note), "Accept a registered or escalated matter (受理); the resolve limit starts");
        Post<ReasonRequest>(matters, "reject", MatterAction.Reject, b => new(Reason: b?.Reason), "Reject with a reason (不予受理)");
        Post<DispatchRequest>(matters, "dispatch", MatterAction.Dispatch, b => new(Reason: b?.Note, UnitId: b?.UnitId, DepartmentId: b?.DepartmentId),
            "Dispatch to a unit and/or department in the caller's subtree (派遣); without either, to the routing suggestion");
        Post<NoteRequest>(matters, "start", MatterAction.Start, b => new(Reason: b?.Note), "Start work; the caller becomes the assignee");
        Post<ReasonRequest>(matters, "return", MatterAction.Return, b => new(Reason: b?.Reason), "Return to the dispatcher for wrong routing (回退)");
        Post<ReasonRequest>(matters, "escalate", MatterAction.Escalate, b => new(Reason: b?.Reason), "Escalate one level up (上报, 四级联动)");
        Post<ExtensionRequest>(matters, "request-extension", MatterAction.RequestExtension, b => new(Reason: b?.Reason, Days: b?.Days),
            "Ask for more working days (申请延期)");
        Post<NoteRequest>(matters, "approve-extension", MatterAction.ApproveExtension, b => new(Reason: b?.Note),
            "Approve the pending extension: the resolve limit moves by the working days asked for");
        Post<ReasonRequest>(matters, "refuse-extension", MatterAction.RefuseExtension, b => new(Reason: b?.Reason), "Refuse the pending extension");
        Post<NoteRequest>(matters, "supervise", MatterAction.Supervise, b => new(Reason: b?.Note), "Supervise/urge from a higher level (督办)")
            .RequireAuthorization(Permissions.MattersSupervise);
        Post<ReasonRequest>(matters, "suspend", MatterAction.Suspend, b => new(Reason: b?.Reason),
            "Suspend (挂账), decided by the level above the handler or the dispatcher: the clock stops");
        Post<NoteRequest>(matters, "resume", MatterAction.Resume, b => new(Reason: b?.Note), "Resume a suspended matter; the resolve limit moves on");
        Post<ResolveRequest>(matters, "resolve", MatterAction.Resolve, b => new(Result: b?.Result), "Report the result (办结)");
        Post<VerifyRequest>(matters, "verify", MatterAction.Verify, b => new(Reason: b?.Reason, Passed: b?.Passed),
            "Verify the result (核查), not by the resolver: failed goes back to handling (返工)");
        Post<FollowUpRequest>(matters, "follow-up", MatterAction.FollowUp, b => new(Reason: b?.Comment, Satisfaction: b?.Satisfaction),
            "Record the resident follow-up (回访): not satisfied reopens it (重办)");
        Post<NoteRequest>(matters, "close", MatterAction.Close, b => new(Reason: b?.Note), "Close a followed-up matter (owner unit)");
    }

    static RouteHandlerBuilder Post<TBody>(RouteGroupBuilder matters, string route, MatterAction action, Func<TBody?, MatterActions.Input> input,
        string summary) where TBody : class =>
        matters.MapPost($"/{{id:long}}/{route}", async Task<Results<Ok<GetMatter.View>, NoContent, NotFound>> (long id, TBody? body,
                AppDbContext db, WorkCalendar calendar, TimeProvider time, CancellationToken ct) =>
            {
                if (!await MatterActions.ApplyAsync(db, calendar, time, id, action, input(body), ct)) return TypedResults.NotFound();
                return await GetMatter.LoadAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NoContent();
            })
            .RequireAuthorization(Permissions.MattersHandle).WithName($"Matters_{action}").WithSummary(summary);
}
