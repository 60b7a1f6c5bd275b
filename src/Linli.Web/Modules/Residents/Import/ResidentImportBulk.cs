using Linli.Data;
using Linli.Platform.Audit;
using Linli.Platform.Generation;
using Linli.Platform.Privacy;
using static Linli.Modules.Residents.ResidentImport;

namespace Linli.Modules.Residents;

// 批量登记 the new people of one import chunk, written in bulk instead of through the change tracker: checked and
// encrypted in parallel (the CPU-bound part), keys reserved in one query per table, then residents, their history
// and their audit rows written by RowSink (PostgreSQL binary COPY, SQLite prepared inserts) in the import's
// transaction. Same rules and history as the form (ResidentValues, ResidentFields), per person the same audit row a
// save would write (AuditCapture.Created) and one row per chunk for its history rows, appended to the hash chain.
sealed class ResidentImportBulk(AppDbContext db, FieldProtector protector, TimeProvider time, DateOnly today, ImportStages? stages)
{
    /// <summary>A row that passed the import's own checks, its number unknown in the city: the form it fills and its house.</summary>
    public sealed record New(int RowNumber, ResidentForm Form, HouseLookup.Found House);

    sealed record Built(Resident? Resident, ResidentChangeSet? Changes, Dictionary<string, string[]>? Errors);

    /// <summary>Registers the people; field errors go to <paramref name="errors"/>. Returns how many were registered.</summary>
    public async Task<int> CreateAsync(IReadOnlyList<New> rows, List<RowError> errors, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var built = new Built[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i => built[i] = Build(rows[i]));

        var created = new List<(Resident Resident, ResidentChangeSet Changes)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (built[i] is { Resident: { } r, Changes: { } changes }) created.Add((r, changes));
            else
                foreach (var (field, messages) in built[i].Errors!)
                    foreach (var message in messages) errors.Add(new RowError(rows[i].RowNumber, field, message));
        }
        if (created.Count == 0) return 0;

        stages?.Lap("validate + encrypt (parallel)");
        var ids = await ImportKeys.NextAsync<Resident>(db, created.Count, ct);
        for (var i = 0; i < created.Count; i++) created[i].Resident.Id = ids[i];
        var at = time.GetUtcNow().UtcDateTime;
        var history = created.SelectMany(c => c.Changes.Rows(c.Resident, db.CurrentUser, at)).ToList();
        var historyIds = await ImportKeys.NextAsync<ResidentChange>(db, history.Count, ct);
        for (var i = 0; i < history.Count; i++) history[i].Id = historyIds[i];

        stages?.Lap("reserve keys");
        var sink = RowSink.For(db);
        await sink.WriteAsync(created.Select(c => c.Resident), ct);
        stages?.Lap("COPY residents");
        await sink.WriteAsync(history, ct);
        stages?.Lap("COPY history");
        var auditRows = AuditRows(created.ConvertAll(c => c.Resident), history);
        stages?.Lap("audit rows (parallel)");
        await AuditWriter.AppendBulkAsync(db, auditRows, ct);
        stages?.Lap("audit chain + COPY");
        return created.Count;
    }

    // Pure CPU work, safe in parallel: the protector and the checks keep no state; a new record looks nothing up.
    Built Build(New row)
    {
        var (v, fieldErrors) = ResidentValues.Check(row.Form, isNew: true, null, today);
        if (v is null) return new(null, null, fieldErrors);
        var r = new Resident { Name = v.Name };
        var changes = new ResidentChangeSet();
        ResidentFields.Apply(r, v, protector, changes);
        var placement = new ResidentFields.Placement(row.House.Id, null, null, v.Relationship, row.House.GridId, row.House.Path);
        // A new record: PlaceAsync names nothing, so it completes without awaiting.
        ResidentFields.PlaceAsync(r, isNew: true, placement, v.Status, changes, null!, CancellationToken.None).GetAwaiter().GetResult();
        ResidentFields.Created(changes);
        return new(r, changes, null);
    }

    // One "Create" row per resident, as a save would write it (the auditor finds a person's creation by its id), and
    // one row for the chunk's history rows, naming them: each only says "record Created" of a resident logged just before.
    List<AuditEntry> AuditRows(List<Resident> residents, List<ResidentChange> history)
    {
        var residentType = db.Model.FindEntityType(typeof(Resident))!;
        var rows = new AuditEntry[residents.Count];
        Parallel.For(0, rows.Length, i => rows[i] = AuditCapture.Created(residentType, residents[i], db.CurrentUser));
        if (history.Count == 0) return [.. rows];
        var ids = history.ConvertAll(h => h.Id);
        return [.. rows, AuditWriter.NewEntry(db.CurrentUser, $"{nameof(ResidentChange)}.Create", nameof(ResidentChange), $"{ids[0]}..{ids[^1]}",
            AuditOutcome.Success, null, new { count = ids.Count, ids, residentIds = history.ConvertAll(h => h.ResidentId), field = "record", newValue = "Created" })];
    }
}
