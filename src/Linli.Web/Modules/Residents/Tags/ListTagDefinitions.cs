using Linli.Data;
using Linli.Platform.Api;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents;

// 标签目录 the key-population tags the caller may see and use; the system admin, who manages them, sees all.
public static class ListTagDefinitions
{
    public sealed record Item(string Code, string Name, string NameZh, string NameEn, bool Sensitive, bool Derived, bool BuiltIn, bool Active, int SortOrder);

    public static void Map(RouteGroupBuilder tags) =>
        tags.MapGet("/", Handle)
            .RequireAuthorization(Permissions.TagDefinitionsRead)
            .WithName("ResidentTags_List")
            .WithSummary("Key-population tags; sensitive ones only for roles that may see them (and the system admin)");

    static async Task<Ok<Paged<Item>>> Handle(AppDbContext db, CancellationToken ct)
    {
        var items = (await ForCallerAsync(db, ct)).Select(ToItem).ToList();
        return TypedResults.Ok(new Paged<Item>(items, items.Count));
    }

    public static async Task<List<TagDefinition>> ForCallerAsync(AppDbContext db, CancellationToken ct) =>
        db.CurrentUser.Has(Permissions.TagDefinitionsManage)
            ? await db.TagDefinitions.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct)
            : await ResidentTags.VisibleDefinitionsAsync(db, ct);

    public static Item ToItem(TagDefinition d) => new(d.Code, d.Name, d.NameZh, d.NameEn, d.Sensitive, d.Derived, d.BuiltIn, d.Active, d.SortOrder);
}
