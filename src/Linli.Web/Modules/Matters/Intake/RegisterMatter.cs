using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 诉求登记 POST /api/v1/matters: a worker registers a matter from any channel, for a resident if need be (代办).
// The caller's unit becomes its owner (首问责任); the reporter's tracking token is returned this once only.
public static class RegisterMatter
{
    public sealed record Registered(string TicketNumber, string TrackingToken, GetMatter.View Matter);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapPost("/", Handle).RequireAuthorization(Permissions.MattersRegister)
            .WithName("Matters_Register").WithSummary("Register a matter; answers its ticket number and the tracking token (shown only here)");

    static async Task<Results<Created<Registered>, NotFound>> Handle(MatterForm form, AppDbContext db, FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        var saved = await SaveAsync(db, protector, time, form, ct);
        if (saved is null) return TypedResults.NotFound();
        var (m, token, unitName) = saved.Value;
        // The view from what was just saved, as GET /matters/{id} would read it back: a new matter has no links or photos.
        var steps = m.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new GetMatter.Step(e.Id, e.Type, e.ActorName, e.At, e.Note, e.IsPublic)).ToList();
        var flow = MatterFlowView.Of(m, unitName, null, m.CreatedAt, db.CurrentUser);
        var view = GetMatter.ToView(m, unitName, steps, flow, [], []);
        return TypedResults.Created($"/api/v1/matters/{m.Id}", new Registered(m.TicketNumber, token, view));
    }

    /// <summary>The new matter, its token and the name of its unit; null when the named house or resident is not visible to the caller.</summary>
    public static async Task<(Matter Matter, string Token, string UnitName)?> SaveAsync(AppDbContext db, FieldProtector protector, TimeProvider time, MatterForm form, CancellationToken ct)
    {
        var v = form.Check();
        // The category comes from the configured tree (by id, or by its exact name from older clients).
        var categories = db.MatterCategories.AsNoTracking().Where(c => c.Active);
        categories = v.CategoryId > 0 ? categories.Where(c => c.Id == v.CategoryId) : categories.Where(c => c.Name == v.CategoryName);
        var category = await categories.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.AcceptHours }).FirstOrDefaultAsync(ct)
            ?? throw new FieldErrorsException(new Dictionary<string, string[]> { ["categoryId"] = [Loc.T("没有这个诉求类别。", "No such category.")] });
        var me = db.CurrentUser;
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == me.OrgUnitId).Select(u => new { u.Id, u.OrgPath, u.Name }).SingleOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("matter.no-unit", Loc.T("您的账号未绑定单位，不能登记诉求。", "Your account has no unit to own the matter."),
                StatusCodes.Status422UnprocessableEntity);
        if (v.HouseId is { } houseId && !await db.Houses.AnyAsync(h => h.Id == houseId, ct)) return null;
        if (v.ResidentId is { } residentId && !await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return null;

        // One transaction and one commit: the day's number is drawn inside it, so a failed save draws none. The counter's
        // row stays locked to the commit, as the audit chain's lock does anyway.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        using var noSavepoints = own is not null ? db.WithoutSavepoints() : null;
        var now = StoredTime.Microseconds(time.GetUtcNow().UtcDateTime);   // so the answer shows what a read shows
        var token = MatterTickets.NewToken();
        var contact = v.ReporterContact;
        var matter = new Matter
        {
            TicketNumber = await MatterTickets.NextAsync(db, time.GetLocalNow().DateTime, ct),
            TrackingTokenHash = MatterTickets.Hash(token),
            Channel = v.Channel, CategoryId = category.Id, CategoryName = category.Name, Description = v.Description,
            Address = v.Address, HouseId = v.HouseId, Latitude = v.Latitude, Longitude = v.Longitude,
            ReporterResidentId = v.ResidentId, ReporterName = v.ReporterName,
            ReporterContactCipher = contact is null ? null : protector.Encrypt(contact),
            ReporterContactMasked = contact is null ? null : Masking.Phone(contact),
            AnonymousToPublic = v.AnonymousToPublic, OnBehalfReason = v.OnBehalfReason, Urgency = v.Urgency, State = MatterState.Registered,
            RegisteredByUnitId = unit.Id, CreatedAt = now, CreatedById = me.UserId!, CreatedByName = me.UserName ?? "",
            OrgPath = unit.OrgPath,
            AcceptDueAt = StoredTime.Microseconds(await MatterDeadlines.AcceptDueAtAsync(db, time, category.AcceptHours, now, ct)),
        };
        matter.Events.Add(NewEvent(matter, MatterEventType.Registered, me, now, Loc.T("诉求已登记，编号 ", "Registered as ") + matter.TicketNumber, isPublic: true));
        if (v.OnBehalfReason is not null)
            matter.Events.Add(NewEvent(matter, MatterEventType.RegisteredOnBehalf, me, now, v.OnBehalfReason, isPublic: false));
        db.Matters.Add(matter);
        db.AuditAction = v.OnBehalfReason is null ? "Matter.Register" : "Matter.RegisterOnBehalf";
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return (matter, token, unit.Name);
    }

    static MatterEvent NewEvent(Matter m, MatterEventType type, CurrentUser actor, DateTime at, string? note, bool isPublic) => new()
    {
        Type = type, ActorId = actor.UserId!, ActorName = actor.UserName ?? "", At = at, Note = note, IsPublic = isPublic, OrgPath = m.OrgPath,
    };
}
