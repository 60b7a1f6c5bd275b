using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Documents;

namespace Linli.Modules.Visits;

// 民情工作台账 what residents raised during the month's visits in a unit (community or grid), and what was done.
public static class SentimentLedger
{
    public const string Kind = "sentiment";

    public static async Task<Ledger> BuildAsync(AppDbContext db, LedgerRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var path = request.Unit.OrgPath;
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.OrgPath.StartsWith(path) && v.SupersededById == null && v.RequestsHeard != null && v.VisitedAt >= request.From && v.VisitedAt < request.To)
            .OrderBy(v => v.VisitedAt).ThenBy(v => v.Id).ToListAsync(ct);
        var addresses = await Addresses.LoadAsync(db, visits.Select(v => v.HouseId), ct);
        var heads = await LedgerPeople.HeadsAsync(db, visits.Select(v => v.HouseholdId), ct);
        var rows = visits.Select(v =>
        {
            var head = heads.GetValueOrDefault(v.HouseholdId);
            return (IReadOnlyList<string>)
            [
                $"{v.VisitedAt:MM-dd}", addresses.GetValueOrDefault(v.HouseId) ?? "", v.PeopleMet,
                head is null ? "" : request.Shown(head.PhoneCipher, head.PhoneMasked), v.RequestsHeard!,
                v.HelpGiven ?? "", v.FollowUp ?? "已办结", v.WorkerName,
            ];
        }).ToList();
        return new Ledger("民情工作台账", request.Unit.Name, request.Period,
            [new("日期", 0.6f), new("住户", 1.4f), new("反映人", 0.7f), new("联系电话", 1f), new("民情诉求", 2.4f),
             new("办理情况", 2f), new("跟进事项", 1.2f), new("走访人", 0.7f)],
            rows, ["填表人", "社区负责人", "日期"], now);
    }
}
