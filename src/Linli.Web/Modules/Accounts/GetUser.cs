using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Accounts;

// 查看账号: one account inside the caller's subtree; outside it does not exist (404).
public static class GetUser
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapGet("/{id}", Handle)
            .WithName("Users_Get")
            .WithSummary("One account: roles, binding, state");

    static async Task<Results<Ok<UserView>, NotFound>> Handle(string id, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        await UserView.LoadAsync(db, id, time.GetUtcNow(), ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();
}
