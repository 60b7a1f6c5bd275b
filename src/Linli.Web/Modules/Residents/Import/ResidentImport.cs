using System.Globalization;
using Linli.Data;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;

namespace Linli.Modules.Residents;

// 居民导入 import residents row by row: valid rows are registered or updated (upsert by ID number within the
// caller's scope), invalid rows come back as errors. The whole import is one transaction, so an unexpected
// failure half-way leaves nothing; rows are saved through ResidentWriter (same checks, blind index and history
// as the form) and the change tracker is cleared every batch, so memory stays flat however long the file is.
public static class ResidentImport
{
    public sealed record RowError(int Row, string Field, string Message);

    public sealed record Result(int Imported, int Updated, int Failed, IReadOnlyList<RowError> Errors);

    const int BatchSize = 50;

    /// <summary><paramref name="afterRow"/> is a test seam: it runs after each saved row, inside the transaction.</summary>
    public static async Task<Result> ExecuteAsync(AppDbContext db, FieldProtector protector, TimeProvider time, Stream stream,
        string fileName, CancellationToken ct, Func<int, Task>? afterRow = null)
    {
        var errors = new List<RowError>();
        int imported = 0, updated = 0, failed = 0, sinceClear = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);   // blind indexes of the file's numbers, not the numbers
        var houses = new HouseLookup(db);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var row in ResidentImportFile.Read(stream, fileName))
            {
                ct.ThrowIfCancellationRequested();
                var (outcome, rowErrors) = await ImportRowAsync(db, protector, time, today, houses, seen, row, ct);
                if (outcome == Outcome.Imported) imported++;
                else if (outcome == Outcome.Updated) updated++;
                else if (outcome == Outcome.Failed) { failed++; errors.AddRange(rowErrors); }
                if (afterRow is not null) await afterRow(row.Number);
                if (++sinceClear >= BatchSize) { db.ChangeTracker.Clear(); sinceClear = 0; }
            }
        }
        catch (FormatException e)
        {
            await tx.RollbackAsync(ct);
            return new Result(0, 0, 1, [new RowError(0, "file", e.Message)]);
        }
        db.ChangeTracker.Clear();
        db.AddAuditEvent("Resident.Import", "Resident", null, after: new { fileName, imported, updated, failed });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(imported, updated, failed, errors);
    }

    enum Outcome { Imported, Updated, Unchanged, Failed }

    static async Task<(Outcome, List<RowError>)> ImportRowAsync(AppDbContext db, FieldProtector protector, TimeProvider time, DateOnly today,
        HouseLookup houses, HashSet<string> seen, ResidentImportFile.Row row, CancellationToken ct)
    {
        var errors = new List<RowError>();
        (Outcome, List<RowError>) Fail(string field, string message) { errors.Add(new RowError(row.Number, field, message)); return (Outcome.Failed, errors); }

        var idText = row.Get("idNumber");
        if (idText.Length == 0 && Labels.Parse<ResidenceType>(row.Get("residenceType")) != ResidenceType.Overseas)
            return Fail("idNumber", Loc.T("请填写身份证号码（境外人员可不填）。", "The ID number is required (except for people from abroad)."));
        if (idText.Length == 0)
            return Fail("idNumber", Loc.T("导入按身份证号码对应居民，没有号码的境外人员请逐个登记。", "Import matches people by ID number; register people without one in the form."));
        var id = IdNumber.Normalize(idText);
        if (IdNumber.Check(id, today) is var problem && problem != IdNumber.Problem.None) return Fail("idNumber", IdNumber.Message(problem));
        var index = protector.IdNumberIndex(id);
        if (!seen.Add(index)) return Fail("idNumber", Loc.T("该身份证号码在文件中重复出现。", "This ID number appears more than once in the file."));

        DateOnly? birth = null;
        if (row.Get("birthDate") is { Length: > 0 } birthText)
        {
            if (!DateOnly.TryParseExact(birthText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
                || b > today || b.Year < 1880)
                return Fail("birthDate", Loc.T($"出生日期“{birthText}”不是一个合理的日期。", $"The birth date \"{birthText}\" is not a plausible date."));
            birth = b;
        }

        var (houseId, houseError) = await houses.FindAsync(row.Get("building"), row.Get("unit"), row.Get("room"), ct);
        if (houseError is not null) return Fail("building", houseError);

        var existing = await db.Residents.SingleOrDefaultAsync(r => r.IdNumberIndex == index, ct);
        if (existing is null && await ResidentWriter.IdNumberTakenAsync(db, protector, id, null, ct))
            return Fail("idNumber", await DuplicateCases.ImportRowMessageAsync(db, time, index, houseId, row.Get("name"),
                Loc.T("该身份证号码已在本市其他单位登记，请联系对方或申请合并。", "This ID number is registered elsewhere in the city; contact that unit or request a merge."), ct));

        var form = existing is null ? new ResidentForm() : ResidentForm.From(existing);
        string? Cell(string field, string? keep) => row.Get(field) is { Length: > 0 } v ? v : keep;
        form.Name = Cell("name", form.Name);
        form.IdNumber = id;
        form.Gender = Cell("gender", form.Gender);
        form.BirthDate = birth ?? form.BirthDate;
        form.Ethnicity = Cell("ethnicity", form.Ethnicity);
        form.Phone = Cell("phone", null);   // empty keeps the stored phone
        form.RegistrationPlace = Cell("registrationPlace", form.RegistrationPlace);
        form.ResidenceType = Cell("residenceType", form.ResidenceType);
        form.RegistrationMatch = Cell("registrationMatch", form.RegistrationMatch);
        form.HouseId = houseId;

        var historyBefore = db.ChangeTracker.Entries<ResidentChange>().Count();
        ResidentWriter.Outcome saved;
        try
        {
            saved = await ResidentWriter.SaveAsync(db, protector, time, existing, form, ct);
        }
        catch (BusinessRuleException e)
        {
            return Fail(e.Field ?? "idNumber", e.Message);
        }
        if (saved.Errors is { } fieldErrors)
        {
            foreach (var (field, messages) in fieldErrors)
                foreach (var message in messages) errors.Add(new RowError(row.Number, field, message));
            return (Outcome.Failed, errors);
        }
        if (saved.NotFound) return Fail("building", Loc.T("找不到该房屋。", "The house was not found."));
        if (existing is null) return (Outcome.Imported, errors);
        return (db.ChangeTracker.Entries<ResidentChange>().Count() > historyBefore ? Outcome.Updated : Outcome.Unchanged, errors);
    }
}
