using Linli.Data;
using Linli.Platform.Auth;
using Linli.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters.Categories;

// 事项分类 GET/POST/PATCH /api/v1/matter-categories: the tree staff route by; the system admin edits it.
public static class MatterCategories
{
    public sealed record Node(int Id, string Code, string Name, int? ParentId, bool Active, int SortOrder, HandlingLevel HandlingLevel,
        string? ResponsibleDepartment, double AcceptHours, int ResolveDays, IReadOnlyList<Node> Children);

    // PATCH: null leaves a field as it is; ParentId 0 moves the node to the top.
    public sealed record Request(string? Code, string? Name, int? ParentId, bool? Active, int? SortOrder, string? HandlingLevel,
        string? ResponsibleDepartment, double? AcceptHours, int? ResolveDays);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(new { items = await TreeAsync(db, ct) }))
            .WithName("MatterCategories_Tree").WithSummary("The category tree with handling level, department and time limits");
        group.MapPost("/", async (Request request, AppDbContext db, CancellationToken ct) =>
            {
                var node = await SaveAsync(db, null, request, ct);
                return TypedResults.Created($"/api/v1/matter-categories/{node.Id}", node);
            })
            .RequireAuthorization(Permissions.MattersConfigure).WithName("MatterCategories_Create").WithSummary("Add a category");
        group.MapPatch("/{id:int}", Patch)
            .RequireAuthorization(Permissions.MattersConfigure).WithName("MatterCategories_Update").WithSummary("Change a category (null fields stay)");
    }

    static async Task<Results<Ok<Node>, NotFound>> Patch(int id, Request request, AppDbContext db, CancellationToken ct) =>
        await db.MatterCategories.AnyAsync(c => c.Id == id, ct) ? TypedResults.Ok(await SaveAsync(db, id, request, ct)) : TypedResults.NotFound();

    /// <summary>The active categories, each top level followed by its children, for a select list.</summary>
    public static async Task<List<MatterCategory>> ActiveInTreeOrderAsync(AppDbContext db, CancellationToken ct)
    {
        var all = await db.MatterCategories.AsNoTracking().Where(c => c.Active).ToListAsync(ct);
        return all.Where(c => c.ParentId is null).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .SelectMany(top => all.Where(c => c.ParentId == top.Id).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Prepend(top)).ToList();
    }

    public static async Task<List<Node>> TreeAsync(AppDbContext db, CancellationToken ct)
    {
        var all = await db.MatterCategories.AsNoTracking().ToListAsync(ct);
        var byParent = all.ToLookup(c => c.ParentId);
        List<Node> Build(int? parent) => byParent[parent].OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new Node(c.Id, c.Code, c.Name, c.ParentId, c.Active, c.SortOrder, c.HandlingLevel, c.ResponsibleDepartment,
                c.AcceptHours, c.ResolveDays, Build(c.Id))).ToList();
        return Build(null);
    }

    public static async Task<Node> SaveAsync(AppDbContext db, int? id, Request r, CancellationToken ct)
    {
        var category = id is null ? new MatterCategory() : await db.MatterCategories.SingleAsync(c => c.Id == id, ct);
        var creating = id is null;
        var errors = new Dictionary<string, string[]>();
        var code = r.Code?.Trim();
        if (creating || code is not null)
        {
            if (string.IsNullOrEmpty(code) || code.Length > 60 || !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_'))
                errors["code"] = [Loc.T("编码为 1 到 60 位字母、数字、点或横线。", "The code is 1 to 60 letters, digits, dots or dashes.")];
        }
        var name = r.Name?.Trim();
        if ((creating || name is not null) && (string.IsNullOrEmpty(name) || name.Length > 60))
            errors["name"] = [Loc.T("名称应为 1 到 60 个字。", "The name is 1 to 60 characters.")];
        HandlingLevel level = category.HandlingLevel;
        if (r.HandlingLevel is not null && (!Enum.TryParse(r.HandlingLevel, out level) || !Enum.IsDefined(level) || int.TryParse(r.HandlingLevel, out _)))
            errors["handlingLevel"] = [Loc.T("承办层级应为 Community、Street、District 或 City。", "The level is Community, Street, District or City.")];
        if (r.AcceptHours is { } ah && (ah <= 0 || ah > 720))
            errors["acceptHours"] = [Loc.T("受理时限应大于 0 小时。", "The acceptance limit is more than 0 hours.")];
        if (r.ResolveDays is { } rd && (rd <= 0 || rd > 365))
            errors["resolveDays"] = [Loc.T("办结时限应为 1 到 365 个工作日。", "The resolution limit is 1 to 365 working days.")];
        if (r.ResponsibleDepartment?.Trim().Length > 60)
            errors["responsibleDepartment"] = [Loc.T("部门名称过长。", "The department name is too long.")];
        FieldErrorsException.ThrowIfAny(errors);

        var parentId = r.ParentId is 0 ? null : r.ParentId ?? (creating ? null : category.ParentId);
        if (parentId is { } pid)
        {
            if (!await db.MatterCategories.AnyAsync(c => c.Id == pid, ct))
                throw new FieldErrorsException(new Dictionary<string, string[]> { ["parentId"] = [Loc.T("上级分类不存在。", "No such parent category.")] });
            if (!creating && await IsSelfOrDescendantAsync(db, category.Id, pid, ct))
                throw new BusinessRuleException("matter-category.cycle", Loc.T("不能把分类移到它自己或它的下级之下。", "A category cannot move under itself or its descendants."), 422);
        }
        if (code is not null && code != category.Code && await db.MatterCategories.AnyAsync(c => c.Code == code, ct))
            throw new BusinessRuleException("matter-category.code-taken", Loc.T("分类编码已被使用。", "The category code is already in use."), 409);

        if (code is not null) category.Code = code;
        if (name is not null) category.Name = name;
        category.ParentId = parentId;
        category.HandlingLevel = level;
        if (r.Active is { } active) category.Active = active;
        if (r.SortOrder is { } sort) category.SortOrder = sort;
        if (r.ResponsibleDepartment is not null) category.ResponsibleDepartment = r.ResponsibleDepartment.Trim() is { Length: > 0 } d ? d : null;
        if (r.AcceptHours is { } hours) category.AcceptHours = hours;
        if (r.ResolveDays is { } days) category.ResolveDays = days;
        if (creating) db.MatterCategories.Add(category);
        db.AuditAction = creating ? "MatterCategory.Create" : "MatterCategory.Update";
        await db.SaveChangesAsync(ct);
        return new Node(category.Id, category.Code, category.Name, category.ParentId, category.Active, category.SortOrder, category.HandlingLevel,
            category.ResponsibleDepartment, category.AcceptHours, category.ResolveDays, []);
    }

    static async Task<bool> IsSelfOrDescendantAsync(AppDbContext db, int id, int candidate, CancellationToken ct)
    {
        var parents = await db.MatterCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        for (int? at = candidate; at is { } x; at = parents.GetValueOrDefault(x))
            if (x == id) return true;
        return false;
    }
}
