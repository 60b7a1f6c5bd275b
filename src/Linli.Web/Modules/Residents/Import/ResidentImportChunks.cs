using System.Globalization;
using Linli.Data;
using Linli.Platform.Privacy;
using static Linli.Modules.Residents.ResidentImport;

namespace Linli.Modules.Residents;

// 分块导入 the chunks of one import, in order: each row is checked in memory (ID number, duplicate in the file,
// dates, house), the chunk's existing records are read in one query, people already registered are updated through
// ResidentFields (the same field rules and history as the form) and saved once; new people are written in bulk
// (ResidentImportBulk: parallel checks and encryption, COPY, same history and audit rows).
sealed class ResidentImportChunks(AppDbContext db, FieldProtector protector, TimeProvider time, ImportStages? stages = null)
{
    readonly HashSet<string> seen = new(StringComparer.Ordinal);   // blind indexes of the file's numbers, not the numbers
    readonly HouseLookup houses = new(db);
    readonly ResidentNames names = new(db);
    readonly DateOnly today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
    ResidentImportBulk? bulk;

    public int Imported { get; private set; }
    public int Updated { get; private set; }
    public int Failed { get; private set; }
    public List<RowError> Errors { get; } = [];

    /// <summary>A row that passed the checks needing no database record: its number, blind index and house.</summary>
    sealed record Candidate(ResidentImportFile.Row Row, string IdNumber, string Index, DateOnly? Birth, HouseLookup.Found House);

    /// <summary>The ID number of a row, checked ahead for the whole chunk in parallel (the keyed hash is the CPU-bound part).</summary>
    readonly record struct Number(string Id, IdNumber.Problem Problem, string? Index);

    public async Task SaveAsync(IReadOnlyList<ResidentImportFile.Row> rows, CancellationToken ct)
    {
        stages?.Start();
        var errors = new List<RowError>();
        var numbers = new Number[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            if (rows[i].Get("idNumber") is not { Length: > 0 } text) return;
            var id = IdNumber.Normalize(text);
            var problem = IdNumber.Check(id, today);
            numbers[i] = new Number(id, problem, problem == IdNumber.Problem.None ? protector.IdNumberIndex(id) : null);
        });
        var candidates = new List<Candidate>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            if (await CheckAsync(rows[i], numbers[i], errors, ct) is { } candidate) candidates.Add(candidate);

        stages?.Lap("check (ID rules, blind index, in-file dedupe, dates, house)");
        var (mine, others) = await ResidentWriter.ByIdNumberIndexAsync(db, candidates.ConvertAll(c => c.Index), ct);
        var householdIds = mine.Values.Where(r => r.HouseholdId is not null).Select(r => r.HouseholdId!.Value).Distinct().ToList();
        var households = householdIds.Count == 0 ? [] : await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        stages?.Lap("dedupe lookup in the database");
        var moved = new List<Resident>();
        var fresh = new List<ResidentImportBulk.New>();
        foreach (var c in candidates)
        {
            if (others.TryGetValue(c.Index, out var other)) await RefuseRegisteredElsewhereAsync(c, other, errors, ct);
            else if (mine.TryGetValue(c.Index, out var existing)) await UpdateAsync(c, existing, households, moved, errors, ct);
            else fresh.Add(new(c.Row.Number, Form(c, null), c.House));
        }

        stages?.Lap("update existing");
        // Tags and history follow a person who moved to another grid (rare in an import), as in the form.
        foreach (var r in moved) await ResidentPaths.FollowResidentAsync(db, r.Id, r.OrgPath, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        stages?.Lap("save updates");
        bulk ??= new ResidentImportBulk(db, protector, time, today, stages);
        Imported += await bulk.CreateAsync(fresh, errors, ct);
        Failed += errors.Select(e => e.Row).Distinct().Count();
        Errors.AddRange(errors.OrderBy(e => e.Row));   // stable: a row's own errors keep their order
    }

    /// <summary>
    /// The number is registered in a unit outside the caller's scope: the row is refused. The one place such a
    /// refusal happens, so whatever else it should trigger (a duplicate case for both units) belongs here.
    /// </summary>
    // The row is refused and a duplicate case (疑似重复) is opened for both units and the street to resolve.
    async Task RefuseRegisteredElsewhereAsync(Candidate row, ResidentWriter.Elsewhere other, List<RowError> errors, CancellationToken ct)
    {
        var message = await DuplicateCases.ImportRowMessageAsync(db, time, row.Index, row.House?.Id, row.Row.Get("name"),
            Loc.T("该身份证号码已在本市其他单位登记，请联系对方或申请合并。", "This ID number is registered elsewhere in the city; contact that unit or request a merge."), ct);
        errors.Add(new RowError(row.Row.Number, "idNumber", message));
    }

    async Task<Candidate?> CheckAsync(ResidentImportFile.Row row, Number number, List<RowError> errors, CancellationToken ct)
    {
        Candidate? Fail(string field, string message) { errors.Add(new RowError(row.Number, field, message)); return null; }

        var idText = row.Get("idNumber");
        if (idText.Length == 0 && Labels.Parse<ResidenceType>(row.Get("residenceType")) != ResidenceType.Overseas)
            return Fail("idNumber", Loc.T("请填写身份证号码（境外人员可不填）。", "The ID number is required (except for people from abroad)."));
        if (idText.Length == 0)
            return Fail("idNumber", Loc.T("导入按身份证号码对应居民，没有号码的境外人员请逐个登记。", "Import matches people by ID number; register people without one in the form."));
        var (id, problem, index) = number;
        if (problem != IdNumber.Problem.None) return Fail("idNumber", IdNumber.Message(problem));
        if (!seen.Add(index!)) return Fail("idNumber", Loc.T("该身份证号码在文件中重复出现。", "This ID number appears more than once in the file."));

        DateOnly? birth = null;
        if (row.Get("birthDate") is { Length: > 0 } birthText)
        {
            if (!DateOnly.TryParseExact(birthText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
                || b > today || b.Year < 1880)
                return Fail("birthDate", Loc.T($"出生日期“{birthText}”不是一个合理的日期。", $"The birth date \"{birthText}\" is not a plausible date."));
            birth = b;
        }

        var (house, houseError) = await houses.FindAsync(row.Get("building"), row.Get("unit"), row.Get("room"), ct);
        if (house is null) return Fail("building", houseError!);
        return new Candidate(row, id, index!, birth, house);
    }

    /// <summary>The form a row fills: its non-empty cells over the person's current values (an empty phone keeps the stored one).</summary>
    static ResidentForm Form(Candidate c, Resident? existing)
    {
        var row = c.Row;
        var form = existing is null ? new ResidentForm() : ResidentForm.From(existing);
        string? Cell(string field, string? keep) => row.Get(field) is { Length: > 0 } v ? v : keep;
        form.Name = Cell("name", form.Name);
        form.IdNumber = c.IdNumber;
        form.Gender = Cell("gender", form.Gender);
        form.BirthDate = c.Birth ?? form.BirthDate;
        form.Ethnicity = Cell("ethnicity", form.Ethnicity);
        form.Phone = Cell("phone", null);   // empty keeps the stored phone
        form.RegistrationPlace = Cell("registrationPlace", form.RegistrationPlace);
        form.ResidenceType = Cell("residenceType", form.ResidenceType);
        form.RegistrationMatch = Cell("registrationMatch", form.RegistrationMatch);
        form.HouseId = c.House.Id;
        return form;
    }

    async Task UpdateAsync(Candidate c, Resident existing, Dictionary<long, Household> households, List<Resident> moved, List<RowError> errors, CancellationToken ct)
    {
        var row = c.Row;
        var (v, fieldErrors) = ResidentValues.Check(Form(c, existing), isNew: false, null, today);
        if (v is null)
        {
            foreach (var (field, messages) in fieldErrors)
                foreach (var message in messages) errors.Add(new RowError(row.Number, field, message));
            return;
        }
        // The import keeps a person's household; like the form, it refuses what would break its head.
        Household? household = null;
        if (existing.HouseholdId is { } householdId && !households.TryGetValue(householdId, out household))
        {
            errors.Add(new RowError(row.Number, "building", Loc.T("找不到该房屋。", "The house was not found.")));
            return;
        }
        if (ResidentWriter.HeadRule(existing, household?.HeadResidentId is { } head && head == existing.Id, household, v) is { } broken)
        {
            errors.Add(new RowError(row.Number, broken.Field ?? "idNumber", broken.Message));
            return;
        }

        var changes = new ResidentChangeSet();
        ResidentFields.Apply(existing, v, protector, changes);
        var placement = new ResidentFields.Placement(c.House.Id, household?.Id, household?.HouseId, v.Relationship, c.House.GridId, c.House.Path);
        if (await ResidentFields.PlaceAsync(existing, false, placement, v.Status, changes, names, ct)) moved.Add(existing);
        if (household is not null && v.Relationship == Relationship.Self) household.Head = existing;
        if (changes.Items.Count > 0) Updated++;
        changes.WriteTo(db, existing, time);
    }
}
