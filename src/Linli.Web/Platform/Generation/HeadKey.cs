using Linli.Data;
using Linli.Modules.Residents;

namespace Linli.Platform.Generation;

// 户主 a household names its head and the head names the household: the two tables refer to each other, so one of
// the two keys waits until both are written. PostgreSQL: the head's foreign key is dropped inside the generator's
// transaction and added back (validated) before it commits; a failure rolls both back. SQLite: checks wait until commit.
static class HeadKey
{
    public static async Task SuspendAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
            return;
        }
#pragma warning disable EF1002 // names come from the model
        await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"Households\" DROP CONSTRAINT \"{Name(db)}\"", ct);
    }

    public static async Task RestoreAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.IsPostgres) return;
        await db.Database.ExecuteSqlRawAsync(
            $"ALTER TABLE \"Households\" ADD CONSTRAINT \"{Name(db)}\" FOREIGN KEY (\"HeadResidentId\") REFERENCES \"Residents\" (\"Id\") ON DELETE RESTRICT", ct);
#pragma warning restore EF1002
    }

    static string Name(AppDbContext db) =>
        db.Model.FindEntityType(typeof(Household))!.GetForeignKeys().Single(f => f.PrincipalEntityType.ClrType == typeof(Resident)).GetConstraintName()!;
}
