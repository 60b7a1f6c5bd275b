using Linli.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 疑似重复案件 one duplicate-registration case, open or resolved, as the caller's side may see it.
public static class GetDuplicateCase
{
    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/duplicates/{caseId:long}", Handle)
            .WithName("Residents_DuplicateCase")
            .WithSummary("A duplicate-registration case; the claiming side sees the name it typed and the other unit's name, never the other record");

    static async Task<Results<Ok<DuplicateCases.CaseView>, NotFound>> Handle(long caseId, AppDbContext db, CancellationToken ct) =>
        await DuplicateCases.FindAsync(db, caseId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
