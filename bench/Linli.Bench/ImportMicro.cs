using System.Diagnostics;
using System.Globalization;
using Linli.Modules.Residents;
using Linli.Platform.Audit;
using Linli.Platform.OrgScope;
using Linli.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Bench;

// CPU per row of each step of the import's new-resident path, single-threaded, no database: what the profile can't split.
public static class ImportMicro
{
    public static string Run(IServiceProvider services, IReadOnlyList<ResidentImportFile.Row> rows)
    {
        using var scope = services.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.SetUser("bench-user", "bench", "CommunityWorker", 4, null, "/1/2/3/4/");
        var db = scope.ServiceProvider.GetRequiredService<Linli.Data.AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var type = db.Model.FindEntityType(typeof(Resident))!;
        var results = new List<string>();
        var forms = rows.Select(r => new ResidentForm { Name = r.Get("name"), IdNumber = r.Get("idNumber"), Ethnicity = r.Get("ethnicity"), Phone = r.Get("phone"),
            RegistrationPlace = r.Get("registrationPlace"), ResidenceType = r.Get("residenceType"), RegistrationMatch = r.Get("registrationMatch"), HouseId = 1 }).ToList();
        T Time<T>(string step, Func<int, T> body)
        {
            T last = default!;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < rows.Count; i++) last = body(i);
            results.Add(string.Create(CultureInfo.InvariantCulture, $"{step} {watch.Elapsed.TotalMicroseconds / rows.Count:F1}"));
            return last;
        }
        for (var pass = 0; pass < 2; pass++)
        {
            results.Clear();
            Time("blind index (HMAC)", i => protector.IdNumberIndex(forms[i].IdNumber!));
            Time("encrypt (AES-GCM)", i => protector.Encrypt(forms[i].IdNumber!));
            Time("field validation (ResidentValues.Check)", i => ResidentValues.Check(forms[i], true, null, today));
            var values = forms.ConvertAll(f => ResidentValues.Check(f, true, null, today).Values!);
            var residents = new Resident[rows.Count];
            Time("apply fields (2 encrypts, 5 HMACs, masks)", i => { var r = residents[i] = new Resident { Name = "x", Id = i + 1 }; ResidentFields.Apply(r, values[i], protector, new ResidentChangeSet()); return r; });
            var entries = new AuditEntry[rows.Count];
            Time("audit row JSON (AuditCapture.Created)", i => entries[i] = AuditCapture.Created(type, residents[i], user));
            Time("audit hash (SHA-256)", i => AuditHash.Compute(entries[i]));
        }
        return "CPU µs per row, one thread: " + string.Join("; ", results);
    }
}
