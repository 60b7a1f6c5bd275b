using Linli.Data;

namespace Linli.Platform.Generation;

// placeholder: replaced by act's file on merge
public sealed record ActivityCounts(long Visits, long Matters, long MatterEvents);

// placeholder: replaced by act's file on merge
public static class SyntheticActivity
{
    public static Task<ActivityCounts> GenerateAsync(AppDbContext db, string rootOrgPath, int seed, int year,
        ScalePlan plan, IProgress<GenerationProgress>? progress, CancellationToken ct) => Task.FromResult(new ActivityCounts(0, 0, 0));
}
