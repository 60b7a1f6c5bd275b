using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Matters;

// 诉求列表 GET /api/v1/matters: matters in scope, newest first, by state, channel, category and text (ticket or description).
public static class ListMatters
{
    public sealed record Item(long Id, string TicketNumber, MatterChannel Channel, string CategoryName, string Description,
        MatterUrgency Urgency, MatterState State, long RegisteredByUnitId, DateTime CreatedAt);

    public static void Map(RouteGroupBuilder matters) =>
        matters.MapGet("/", Handle).WithName("Matters_List")
            .WithSummary("Matters in scope, newest first; filters state, channel, categoryId and q (ticket number or words of the description)");

    static async Task<Results<Ok<Paged<Item>>, ValidationProblem>> Handle(string? state, string? channel, long? categoryId, string? q,
        int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var s = Labels.Parse<MatterState>(state);
        var c = Labels.Parse<MatterChannel>(channel);
        if (!string.IsNullOrWhiteSpace(state) && s is null) errors["state"] = [Labels.Expected<MatterState>()];
        if (!string.IsNullOrWhiteSpace(channel) && c is null) errors["channel"] = [Labels.Expected<MatterChannel>()];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await QueryAsync(db, s, c, categoryId, q, page, pageSize, ct));
    }

    public static Task<Paged<Item>> QueryAsync(AppDbContext db, MatterState? state, MatterChannel? channel, long? categoryId, string? q,
        int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Matters.AsNoTracking();
        if (state is { } s) query = query.Where(m => m.State == s);
        if (channel is { } c) query = query.Where(m => m.Channel == c);
        if (categoryId is { } cat) query = query.Where(m => m.CategoryId == cat);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(m => m.TicketNumber == text || m.Description.Contains(text) || m.CategoryName.Contains(text));
        }
        return query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new Item(m.Id, m.TicketNumber, m.Channel, m.CategoryName, m.Description, m.Urgency, m.State, m.RegisteredByUnitId, m.CreatedAt))
            .ToPagedAsync(page, pageSize, ct);
    }
}
