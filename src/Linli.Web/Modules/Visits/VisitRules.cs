using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Visits;

// 走访频次设置 GET/POST/DELETE /api/v1/visit-rules: how often households are visited, per tag; the system admin sets them.
public static class VisitRules
{
    public sealed record Item(int Id, string? TagCode, string TagName, int IntervalDays);

    public sealed record Request(string? TagCode, int? IntervalDays);

    public static RouteGroupBuilder MapVisitRulesApi(this RouteGroupBuilder rules)
    {
        rules.WithTags("Visits");
        rules.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(new { items = await ListAsync(db, ct) }))
            .RequireAuthorization(Permissions.VisitRulesRead).WithName("VisitRules_List").WithSummary("Visit frequency rules (tagCode null: every household)");
        rules.MapPost("/", async (Request request, AppDbContext db, CancellationToken ct) => TypedResults.Ok(await SaveAsync(db, request, ct)))
            .RequireAuthorization(Permissions.VisitRulesManage).WithName("VisitRules_Save").WithSummary("Set the interval in days for a tag (or for every household when tagCode is null)");
        rules.MapDelete("/{id:int}", Remove)
            .RequireAuthorization(Permissions.VisitRulesManage).WithName("VisitRules_Remove").WithSummary("Stop a tag's rule; the every-household rule stays");
        return rules;
    }

    public static async Task<List<Item>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var rules = await db.VisitRules.AsNoTracking().Where(r => r.Active).Include(r => r.Tag).ToListAsync(ct);
        return rules.OrderBy(r => r.TagCode is not null).ThenBy(r => r.IntervalDays).ThenBy(r => r.TagCode)
            .Select(r => new Item(r.Id, r.TagCode, r.Tag?.Name ?? Loc.T("每户", "Every household"), r.IntervalDays)).ToList();
    }

    public static async Task<Item> SaveAsync(AppDbContext db, Request request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.IntervalDays is not (>= 1 and <= 366))
            errors["intervalDays"] = [Loc.T("间隔天数应在 1 到 366 之间。", "The interval is 1 to 366 days.")];
        var code = string.IsNullOrWhiteSpace(request.TagCode) ? null : request.TagCode.Trim();
        if (code is not null && !await db.TagDefinitions.AnyAsync(t => t.Code == code && t.Active, ct))
            errors["tagCode"] = [Loc.T("没有这个标签。", "No such tag.")];
        FieldErrorsException.ThrowIfAny(errors);
        var rule = await db.VisitRules.SingleOrDefaultAsync(r => r.TagCode == code, ct);
        if (rule is null) db.VisitRules.Add(rule = new VisitRule { TagCode = code });
        rule.IntervalDays = request.IntervalDays!.Value;
        rule.Active = true;
        db.AuditAction = "VisitRule.Save";
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, ct)).Single(r => r.Id == rule.Id);
    }

    static async Task<Results<NoContent, NotFound>> Remove(int id, AppDbContext db, CancellationToken ct)
    {
        var rule = await db.VisitRules.SingleOrDefaultAsync(r => r.Id == id && r.Active, ct);
        if (rule is null) return TypedResults.NotFound();
        if (rule.TagCode is null)
            throw new BusinessRuleException("visit-rule.every-household", Loc.T("每户每年走访的规则不能删除，可修改间隔。", "The every-household rule stays; change its interval instead."));
        rule.Active = false;
        db.AuditAction = "VisitRule.Remove";
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
