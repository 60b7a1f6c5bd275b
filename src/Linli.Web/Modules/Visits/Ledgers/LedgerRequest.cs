using System.Globalization;
using Linli.Data;
using Linli.Modules.Organization;
using Linli.Platform.Auth;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Linli.Modules.Residents;

namespace Linli.Modules.Visits;

// What a ledger is asked for: the month, the unit (or worker, or tag), and whether personal data is shown whole.
// Masked by default; whole values only for a caller who may reveal, with a stated reason (the generation is audited).
public sealed record LedgerRequest(DateOnly Month, OrgUnit Unit, bool Reveal, FieldProtector Protector)
{
    public DateTime From => Month.ToDateTime(TimeOnly.MinValue);
    public DateTime To => Month.AddMonths(1).ToDateTime(TimeOnly.MinValue);
    public string Period => $"{Month.Year}年{Month.Month}月";

    /// <summary>An ID number or phone as the ledger prints it: whole when revealed, else its stored mask.</summary>
    public string Shown(string? cipher, string? masked) => Reveal && cipher is not null ? Protector.Decrypt(cipher) : masked ?? "";

    public static DateOnly ParseMonth(string? month, DateOnly today)
    {
        if (month is null) return new DateOnly(today.Year, today.Month, 1);
        if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)) return m;
        throw new FieldErrorsException(new Dictionary<string, string[]> { ["month"] = [Loc.T("月份格式应为 yyyy-MM，例如 2026-11。", "The month is yyyy-MM, e.g. 2026-11.")] });
    }

    /// <summary>Whether the ledger shows whole values; throws when a reveal is asked without the right or a reason.</summary>
    public static bool CheckReveal(AppDbContext db, bool? reveal, string? reason)
    {
        if (reveal != true) return false;
        if (!db.CurrentUser.Has(Permissions.ResidentsReveal))
            throw new BusinessRuleException("ledger.reveal-forbidden", Loc.T("您没有查看完整个人信息的权限。", "You may not see whole personal data."), StatusCodes.Status403Forbidden);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 2)
            throw new FieldErrorsException(new Dictionary<string, string[]> { ["reason"] = [Loc.T("请说明查看完整信息的原因。", "State why whole values are needed.")] });
        return true;
    }
}
