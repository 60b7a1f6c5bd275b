namespace Linli.Platform.Api;

/// <summary>The list shape of every API: <c>{"items":[...],"total":N}</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total);

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>1-based page; pageSize clamped to 1..200 (default 20).</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));

    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<T>(items, total);
    }
}
