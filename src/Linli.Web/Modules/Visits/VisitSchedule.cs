using Linli.Data;
using Linli.Modules.Residents;

namespace Linli.Modules.Visits;

// 应访 when each household is next due: the shortest interval among the rules that apply to it (every household
// yearly; a tag carried by someone living there, e.g. living-alone elderly weekly), counted from the last visit.
public static class VisitSchedule
{
    public sealed record Due(long HouseholdId, long HouseId, long OrgUnitId, string? HeadName, int IntervalDays, string Reason,
        DateOnly? LastVisit, DateOnly DueOn, bool Overdue);

    /// <summary>The schedule of <paramref name="households"/> (already limited to the caller's scope), overdue first.</summary>
    public static async Task<List<Due>> ForAsync(AppDbContext db, IQueryable<Household> households, DateOnly today, CancellationToken ct)
    {
        var rules = await db.VisitRules.AsNoTracking().Where(r => r.Active).Include(r => r.Tag).ToListAsync(ct);
        var yearly = rules.FirstOrDefault(r => r.TagCode is null)?.IntervalDays ?? 365;
        var list = await households.Select(h => new { h.Id, h.HouseId, h.OrgUnitId, Head = h.Head == null ? null : h.Head.Name })
            .AsNoTracking().ToListAsync(ct);
        var ids = households.Select(h => h.Id);

        var members = db.Residents.AsNoTracking().Where(r => r.HouseholdId != null && ids.Contains(r.HouseholdId.Value) && r.Status == ResidentStatus.Active);
        // The schedule must count sensitive tags (community correction is visited monthly) even for a worker who may
        // not see them; the reason shown then names no tag.
        var typedCodes = rules.Where(r => r.TagCode is not null && r.Tag is { Derived: false }).Select(r => r.TagCode!).ToList();
        var typed = await db.ResidentTags.IgnoreQueryFilters([AppDbContext.SensitiveTagsFilter]).AsNoTracking()
            .Where(t => typedCodes.Contains(t.TagCode) && (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today))
            .Join(members, t => t.ResidentId, r => r.Id, (t, r) => new { HouseholdId = r.HouseholdId!.Value, t.TagCode })
            .Distinct().ToListAsync(ct);
        var derived = new List<(long HouseholdId, string TagCode)>();
        foreach (var rule in rules.Where(r => r.Tag is { Derived: true }))
        {
            var code = rule.TagCode!;
            IQueryable<Resident> carriers = code switch
            {
                TagCodes.Elderly60 => members.Where(r => r.BirthDate <= DerivedTags.BornBy(60, today)),
                TagCodes.Elderly80 => members.Where(r => r.BirthDate <= DerivedTags.BornBy(80, today)),
                TagCodes.Floating => members.Where(r => r.ResidenceType == ResidenceType.Floating),
                _ => members.Where(_ => false),
            };
            derived.AddRange((await carriers.Select(r => r.HouseholdId!.Value).Distinct().ToListAsync(ct)).Select(h => (h, code)));
        }
        var tagsByHousehold = typed.Select(t => (t.HouseholdId, t.TagCode)).Concat(derived).ToLookup(t => t.HouseholdId, t => t.TagCode);

        var last = await db.Visits.AsNoTracking().Where(v => v.SupersededById == null && ids.Contains(v.HouseholdId))
            .GroupBy(v => v.HouseholdId).Select(g => new { g.Key, Last = g.Max(v => v.VisitedAt) })
            .ToDictionaryAsync(x => x.Key, x => DateOnly.FromDateTime(x.Last), ct);

        var seesSensitive = db.CurrentUser.SeesSensitiveTags();
        var result = new List<Due>(list.Count);
        foreach (var h in list)
        {
            var (interval, reason) = (yearly, Loc.T("每户每年至少走访一次", "Every household at least once a year"));
            foreach (var code in tagsByHousehold[h.Id])
            {
                var rule = rules.First(r => r.TagCode == code);
                if (rule.IntervalDays >= interval) continue;
                interval = rule.IntervalDays;
                reason = rule.Tag!.Sensitive && !seesSensitive
                    ? Loc.T($"重点关注，每 {interval} 天走访", $"Close attention, every {interval} days")
                    : Loc.T($"{rule.Tag.NameZh}，每 {interval} 天走访", $"{rule.Tag.NameEn}, every {interval} days");
            }
            var lastVisit = last.TryGetValue(h.Id, out var d) ? d : (DateOnly?)null;
            var dueOn = lastVisit?.AddDays(interval) ?? today;
            result.Add(new Due(h.Id, h.HouseId, h.OrgUnitId, h.Head, interval, reason, lastVisit, dueOn, dueOn < today));
        }
        return result.OrderByDescending(d => d.Overdue).ThenBy(d => d.DueOn).ThenBy(d => d.IntervalDays).ThenBy(d => d.HouseholdId).ToList();
    }
}
