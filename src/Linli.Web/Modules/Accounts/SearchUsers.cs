using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Accounts;

// 查询账号: the accounts bound inside the caller's subtree, filtered and paged.
public static class SearchUsers
{
    public sealed record Filter(string? Q, string? Role, long? OrgUnitId, bool? Disabled);

    public static void Map(RouteGroupBuilder users) =>
        users.MapGet("/", Handle)
            .WithName("Users_List")
            .WithSummary("List accounts in the caller's subtree; filter by q (user or display name), role, orgUnitId (subtree), disabled");

    static async Task<Ok<Paged<UserView>>> Handle(AppDbContext db, TimeProvider time, CancellationToken ct,
        string? q = null, string? role = null, long? orgUnitId = null, bool? disabled = null, int? page = null, int? pageSize = null) =>
        TypedResults.Ok(await QueryAsync(db, new Filter(q, role, orgUnitId, disabled), page, pageSize, time.GetUtcNow(), ct));

    public static async Task<Paged<UserView>> QueryAsync(AppDbContext db, Filter filter, int? page, int? pageSize,
        DateTimeOffset now, CancellationToken ct)
    {
        var users = AccountRules.Visible(db);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var upper = q.ToUpperInvariant(); // NormalizedUserName is upper case: the same match on both databases
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q));
        }
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var role = filter.Role.Trim();
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        if (filter.OrgUnitId is { } unitId)
        {
            // The scope filter hides units outside the caller's subtree: such a filter matches nothing.
            var path = await db.OrgUnits.Where(o => o.Id == unitId).Select(o => o.OrgPath).SingleOrDefaultAsync(ct);
            users = path is null ? users.Where(u => false) : users.Where(u => u.OrgPath.StartsWith(path));
        }
        if (filter.Disabled is { } disabled)
            users = users.Where(u => u.Disabled == disabled);
        return await UserView.PageAsync(db, users.OrderBy(u => u.UserName), page, pageSize, now, ct);
    }
}
