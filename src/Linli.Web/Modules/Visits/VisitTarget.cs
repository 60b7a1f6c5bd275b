using Linli.Data;
using Linli.Modules.Residents;

namespace Linli.Modules.Visits;

// The household a visit form is about: its address, head and the members one may pick as the person visited.
public static class VisitTarget
{
    public sealed record Member(long Id, string Name);

    public sealed record Household(long Id, string? Address, string? HeadName, IReadOnlyList<Member> Members);

    public static async Task<Household?> LoadAsync(AppDbContext db, long householdId, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().Where(x => x.Id == householdId)
            .Select(x => new { x.Id, x.HouseId, Head = x.Head == null ? null : x.Head.Name }).SingleOrDefaultAsync(ct);
        if (h is null) return null;
        var members = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Active)
            .OrderBy(r => r.BirthDate).Select(r => new Member(r.Id, r.Name)).ToListAsync(ct);
        return new Household(h.Id, await Addresses.OfHouseAsync(db, h.HouseId, ct), h.Head, members);
    }
}
