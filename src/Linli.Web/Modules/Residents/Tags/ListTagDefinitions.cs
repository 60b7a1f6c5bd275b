using Linli.Data;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 标签目录 the key-population tags the caller may see and use.
public static class ListTagDefinitions
{
    public sealed record Item(string Code, string Name, string NameZh, string NameEn, bool Sensitive, bool Derived, bool BuiltIn, bool Active);

    public static void Map(RouteGroupBuilder tags) =>
        tags.MapGet("/", Handle)
            .WithName("ResidentTags_List")
            .WithSummary("Key-population tags; sensitive ones only for roles that may see them");

    static async Task<Ok<Paged<Item>>> Handle(AppDbContext db, CancellationToken ct)
    {
        var items = (await ResidentTags.VisibleDefinitionsAsync(db, ct))
            .Select(d => new Item(d.Code, d.Name, d.NameZh, d.NameEn, d.Sensitive, d.Derived, d.BuiltIn, d.Active)).ToList();
        return TypedResults.Ok(new Paged<Item>(items, items.Count));
    }
}
