using Linli.Data;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.OrgScope;
using Microsoft.AspNetCore.Identity;

namespace Linli.Platform.Hosting;

/// <summary>Verbs on the same executable: <c>Linli.Web migrate | seed-demo | import-org | create-admin | verify-audit | generate</c>.</summary>
public static class Cli
{
    static readonly string[] Verbs = ["migrate", "seed-demo", "import-org", "create-admin", "verify-audit", "generate", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().EnterSystemScope($"cli:{args[0]}");
        var db = sp.GetRequiredService<AppDbContext>();
        switch (args[0])
        {
            case "migrate":
                await Migrations.ApplyAsync(db, CancellationToken.None);
                Console.WriteLine("Database migrated.");
                return 0;
            case "seed-demo":
                var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(sp);
                await seeder.SeedAsync(CancellationToken.None);
                seeder.PrintLogins(Console.Out);
                return 0;
            case "import-org":
                return await Linli.Modules.Organization.ImportOrgUnits.RunCliAsync(db, args);
            case "create-admin":
                return await CreateAdminAsync(sp, db, args);
            case "verify-audit":
                var report = await AuditVerifier.VerifyAsync(db, CancellationToken.None);
                Console.WriteLine(report.Message);
                return report.Ok ? 0 : 1;
            case "generate":
                using (var bar = Linli.Platform.Generation.ProgressBar.ForConsole())
                    return await Linli.Platform.Generation.GenerateCommand.RunAsync(sp, args, Console.Out, Console.Error, bar, CancellationToken.None);
            default:
                Console.WriteLine("Usage: Linli.Web [migrate | seed-demo | import-org FILE | create-admin --role ROLE --user NAME --password PWD [--org CODE] | verify-audit | " + Linli.Platform.Generation.GenerateCommand.Usage + "]");
                return 0;
        }
    }

    // First accounts of a real installation: one per admin role, bound to the root unit unless --org says otherwise.
    static async Task<int> CreateAdminAsync(IServiceProvider sp, AppDbContext db, string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var role = Arg("--role") ?? Roles.SystemAdmin;
        var userName = Arg("--user");
        var password = Arg("--password");
        if (!Roles.IsAdmin(role) || userName is null || password is null)
        {
            Console.Error.WriteLine("create-admin --role SystemAdmin|SecurityAdmin|Auditor --user NAME --password PWD [--org CODE]");
            return 2;
        }
        var code = Arg("--org");
        var unit = code is null
            ? await db.OrgUnits.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync()
            : await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == code);
        if (unit is null)
        {
            Console.Error.WriteLine("No org unit found: import or create the root unit first (or pass --org CODE).");
            return 2;
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await RoleSeeder.EnsureRolesAsync(sp);
        var user = new AppUser { UserName = userName, DisplayName = userName, OrgUnitId = unit.Id, OrgPath = unit.OrgPath, CreatedAt = DateTime.UtcNow, MustChangePassword = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e.Description);
            return 1;
        }
        Console.WriteLine($"Created {role} '{userName}' at {unit.Name}. The password must be changed at first login; two-factor enrolment follows.");
        return 0;
    }
}
