using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Documents;

namespace Linli.Modules.Visits;

// 社工走访日记 one worker's visits in a month, in the order they were made.
public static class VisitDiaryLedger
{
    public const string Kind = "visit-diary";

    public static async Task<Ledger> BuildAsync(AppDbContext db, LedgerRequest request, WorkerHouseholds.Worker worker, DateTimeOffset now, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.WorkerId == worker.Id && v.SupersededById == null && v.VisitedAt >= request.From && v.VisitedAt < request.To)
            .OrderBy(v => v.VisitedAt).ThenBy(v => v.Id).ToListAsync(ct);
        var addresses = await Addresses.LoadAsync(db, visits.Select(v => v.HouseId), ct);
        var heads = await LedgerPeople.HeadsAsync(db, visits.Select(v => v.HouseholdId), ct);
        var rows = visits.Select(v =>
        {
            var head = heads.GetValueOrDefault(v.HouseholdId);
            return (IReadOnlyList<string>)
            [
                $"{v.VisitedAt:MM-dd HH:mm}", addresses.GetValueOrDefault(v.HouseId) ?? "", head?.Name ?? "",
                head is null ? "" : request.Shown(head.PhoneCipher, head.PhoneMasked), Labels.Zh(v.Type), v.PeopleMet,
                v.Situation, v.RequestsHeard ?? "", Join(v.HelpGiven, v.FollowUp),
            ];
        }).ToList();
        return new Ledger("社工走访日记", $"{request.Unit.Name}　走访人：{worker.Name}", request.Period,
            [new("走访时间", 0.9f), new("住户", 1.4f), new("户主", 0.7f), new("联系电话", 1f), new("类型", 0.8f), new("接待人", 0.7f),
             new("走访情况", 2.4f), new("居民诉求", 1.6f), new("帮扶措施及跟进", 1.6f)],
            rows, ["走访人签名", "社区审核人", "日期"], now);
    }

    internal static string Join(string? help, string? followUp) =>
        string.Join("；", new[] { help, followUp is null ? null : "跟进：" + followUp }.Where(s => !string.IsNullOrEmpty(s)));
}
