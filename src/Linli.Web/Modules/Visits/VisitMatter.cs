using Linli.Data;
using Linli.Modules.Matters;
using Linli.Modules.Residents;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;

namespace Linli.Modules.Visits;

// 走访转诉求 a new visit and the request heard on it, registered as a matter (channel: grid worker) in one transaction:
// the matter sits at the visited house, the resident met is its reporter, and the visit keeps the matter's id.
public static class VisitMatter
{
    public sealed record Saved(Visit Visit, string? TicketNumber, string? TrackingToken);

    /// <summary>Null when the household, resident or house is not visible to the caller; nothing is saved then.</summary>
    public static async Task<Saved?> RecordAsync(AppDbContext db, FieldProtector protector, TimeProvider time, VisitForm form, CancellationToken ct)
    {
        if (form.Matter is null)
            return await RecordVisit.SaveAsync(db, time, form, null, null, ct) is { } plain ? new(plain, null, null) : null;
        if (string.IsNullOrWhiteSpace(form.RequestsHeard)) form.RequestsHeard = form.Matter.Description;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var visit = await RecordVisit.SaveAsync(db, time, form, null, null, ct); // checks the matter's fields before saving anything
        if (visit is null) return null;
        var reporter = visit.ResidentId is { } rid ? await db.Residents.AsNoTracking().Where(r => r.Id == rid).Select(r => r.Name).SingleOrDefaultAsync(ct) : null;
        var matterForm = new MatterForm
        {
            Channel = nameof(MatterChannel.GridWorker), CategoryId = form.Matter.CategoryId, Description = form.Matter.Description,
            Urgency = form.Matter.Urgency, HouseId = visit.HouseId, Address = await Addresses.OfHouseAsync(db, visit.HouseId, ct),
            Latitude = visit.Latitude, Longitude = visit.Longitude, ResidentId = visit.ResidentId, ReporterName = reporter ?? visit.PeopleMet,
            OnBehalfReason = visit.ResidentId is null ? null : Loc.T("入户走访时听取的诉求", "Heard on a household visit"),
        };
        (Matter Matter, string Token, string UnitName)? saved;
        try
        {
            saved = await RegisterMatter.SaveAsync(db, protector, time, matterForm, ct);
        }
        catch (FieldErrorsException e)
        {
            // Named as the visit form names them; the transaction rolls the visit back.
            throw new FieldErrorsException(e.Errors.ToDictionary(kv => "matter." + kv.Key, kv => kv.Value));
        }
        if (saved is not { } s) return null;
        visit.MatterId = s.Matter.Id;
        db.AuditAction = "Visit.RegisterMatter";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(visit, s.Matter.TicketNumber, s.Token);
    }
}
