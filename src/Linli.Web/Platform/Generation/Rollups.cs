using Linli.Data;

namespace Linli.Platform.Generation;

// placeholder: replaced by roll's file on merge
public static class Rollups
{
    public static Task RebuildAllAsync(AppDbContext db, CancellationToken ct) => Task.CompletedTask;
}
