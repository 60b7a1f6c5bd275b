using Linli.Data;

namespace Linli.Modules.Matters.Stats;

// 事项分类树 the whole configured tree (a few dozen rows, city-wide) for rolling leaves up to their top level.
public sealed class CategoryTree
{
    public sealed record Node(int Id, string Name, int? ParentId);

    readonly Dictionary<int, Node> nodes;

    CategoryTree(IEnumerable<Node> all) => nodes = all.ToDictionary(n => n.Id);

    public static async Task<CategoryTree> LoadAsync(AppDbContext db, CancellationToken ct) =>
        new(await db.MatterCategories.AsNoTracking().Select(c => new Node(c.Id, c.Name, c.ParentId)).ToListAsync(ct));

    public static async Task<List<int>> SelfAndDescendantsAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var tree = await LoadAsync(db, ct);
        return [.. tree.nodes.Values.Where(n => tree.IsSelfOrBelow(n.Id, id)).Select(n => n.Id)];
    }

    public Node? Find(int id) => nodes.GetValueOrDefault(id);

    /// <summary>The top-level ancestor (or the node itself when it is top level).</summary>
    public Node? Top(int id)
    {
        var node = Find(id);
        for (var guard = 0; node?.ParentId is { } parent && guard < 32; guard++) node = Find(parent);
        return node;
    }

    bool IsSelfOrBelow(int id, int ancestor)
    {
        int? at = id;
        for (var guard = 0; at is { } a && guard < 32; guard++)
        {
            if (a == ancestor) return true;
            at = Find(a)?.ParentId;
        }
        return false;
    }
}
