using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Documents;

namespace Linli.Modules.Visits;

// 重点人群走访台账 for one tag in a unit and month: every visit to a person carrying the tag (or to their household),
// and a row for each such person nobody visited, so the gap is on paper too.
public static class KeyPopulationLedger
{
    public const string Kind = "key-population";

    public static async Task<Ledger> BuildAsync(AppDbContext db, LedgerRequest request, TagDefinition tag, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.DateTime);
        var path = request.Unit.OrgPath;
        var people = await Carriers(db, tag.Code, today).Where(r => r.OrgPath.StartsWith(path))
            .OrderBy(r => r.OrgPath).ThenBy(r => r.HouseId).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.HouseId, r.HouseholdId, r.IdNumberCipher, r.IdNumberMasked, r.PhoneCipher, r.PhoneMasked })
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var householdIds = people.Where(p => p.HouseholdId != null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.SupersededById == null && v.VisitedAt >= request.From && v.VisitedAt < request.To
                && ((v.ResidentId != null && ids.Contains(v.ResidentId.Value)) || (v.ResidentId == null && householdIds.Contains(v.HouseholdId))))
            .OrderBy(v => v.VisitedAt).ToListAsync(ct);
        var addresses = await Addresses.LoadAsync(db, people.Where(p => p.HouseId != null).Select(p => p.HouseId!.Value), ct);

        var rows = new List<IReadOnlyList<string>>();
        foreach (var p in people)
        {
            var mine = visits.Where(v => v.ResidentId == p.Id || (v.ResidentId == null && v.HouseholdId == p.HouseholdId)).ToList();
            string[] Person() => [p.Name, request.Shown(p.IdNumberCipher, p.IdNumberMasked), request.Shown(p.PhoneCipher, p.PhoneMasked),
                p.HouseId is { } h ? addresses.GetValueOrDefault(h) ?? "" : ""];
            if (mine.Count == 0) rows.Add([.. Person(), "", "本月未走访", "", ""]);
            foreach (var v in mine)
                rows.Add([.. Person(), $"{v.VisitedAt:MM-dd}", v.Situation, VisitDiaryLedger.Join(v.HelpGiven, v.FollowUp), v.WorkerName]);
        }
        return new Ledger($"重点人群走访台账（{tag.NameZh}）", request.Unit.Name, request.Period,
            [new("姓名", 0.7f), new("身份证号码", 1.5f), new("联系电话", 1f), new("住址", 1.4f), new("走访日期", 0.6f),
             new("走访情况", 2.4f), new("帮扶措施及跟进", 1.6f), new("走访人", 0.7f)],
            rows, ["填表人", "社区负责人", "日期"], now);
    }

    /// <summary>Active residents in scope carrying the tag today; derived tags by their rule, typed ones through the tag filter.</summary>
    public static IQueryable<Resident> Carriers(AppDbContext db, string code, DateOnly today)
    {
        var active = db.Residents.AsNoTracking().Where(r => r.Status == ResidentStatus.Active);
        return code switch
        {
            TagCodes.Elderly60 => active.Where(r => r.BirthDate <= DerivedTags.BornBy(60, today)),
            TagCodes.Elderly80 => active.Where(r => r.BirthDate <= DerivedTags.BornBy(80, today)),
            TagCodes.Floating => active.Where(r => r.ResidenceType == ResidenceType.Floating),
            _ => active.Where(r => db.ResidentTags.Any(t => t.ResidentId == r.Id && t.TagCode == code
                && (t.StartDate == null || t.StartDate <= today) && (t.EndDate == null || t.EndDate >= today))),
        };
    }
}
