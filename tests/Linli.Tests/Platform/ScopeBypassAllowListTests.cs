namespace Linli.Tests.Platform;

// Bypassing the org-scope filter is allowed only in the few places listed here (paths under src/Linli.Web;
// a trailing "/" allows a folder). Adding a file means a reviewer agrees it is system work or ancestors' names.
public sealed class ScopeBypassAllowListTests
{
    static readonly string[] IgnoreQueryFiltersAllowed =
    [
        "Platform/Hosting/",                     // start-up, CLI verbs, demo seeding
        "Platform/Generation/",                  // the synthetic-city generator: system work across the whole city
        "Platform/Auth/AuthApi.cs",              // /me names the caller's own unit
        "Platform/Auth/AccountPrincipal.cs",     // the top bar names the caller's own unit
        "Components/Layout/OrgBreadcrumb.razor", // ancestors' names
        "Modules/Organization/",                 // breadcrumbs of the org tree
        // Registry: yes/no checks that must look past the caller's grid (uniqueness city-wide, "still in use"),
        // names of a visible house's building, and paths that follow a person or house when it moves.
        "Modules/Residents/Buildings/BuildingAccess.cs",
        "Modules/Residents/Buildings/DeleteBuilding.cs",
        "Modules/Residents/Buildings/SaveBuilding.cs",
        "Modules/Residents/Households/DeleteHousehold.cs",
        "Modules/Residents/Households/SaveHousehold.cs",
        "Modules/Residents/Houses/Addresses.cs",
        "Modules/Residents/Houses/DeleteHouse.cs",
        "Modules/Residents/Houses/SaveHouse.cs",
        "Modules/Residents/Residents/ResidentPaths.cs",
        "Modules/Residents/Residents/ResidentWriter.cs",
        "Modules/Residents/LifeEvents/LifeEventWriter.cs",   // a leaving head's household and members may lie in another grid; unit names
        "Modules/Residents/LifeEvents/MoveInResident.cs",    // a moved-out record anywhere in the city returns; nothing of it is shown before
        "Modules/Residents/Demo/DemoResidents.cs",    // demo seeding, in system scope
        "Modules/Residents/Tags/UpdateTagDefinition.cs", // a tag's history rows city-wide follow its sensitivity
        "Modules/Visits/Demo/DemoVisits.cs",    // demo seeding, in system scope
        "Modules/Matters/Demo/DemoMatters.cs",      // demo seeding, in system scope
        "Modules/Matters/Demo/DemoMatterWorld.cs",  // demo seeding: the city's units, departments and staff
        "Modules/Visits/VisitSchedule.cs",       // sensitive tags set visit frequency (scope filter kept), never shown
        // Duplicate cases: the holder of a number (yes/no and its path), both sides' rows of a case, the other
        // side's unit name and claimed address, the claimed place a record moves to, tags/history that follow a merge.
        "Modules/Residents/Duplicates/DuplicateCases.cs",
        "Modules/Residents/Duplicates/ResolveDuplicateCase.cs",
        "Modules/Residents/Duplicates/MergeResidents.cs",
        "Modules/Matters/Stats/EscalationStats.cs", // escalation steps counted on their own paths inside the caller's scope (unit officials)
        "Modules/Matters/MatterUnitNames.cs",      // names of the units above the caller that hold its matter; names only
        "Modules/Matters/Tracking/TrackMatter.cs", // anonymous tracking: the token, not a scope, admits one matter's public rows
        "Modules/Open311/Open311Reads.cs",         // Open311 GETs are public city-wide (public fields only); api_key → client lookup
        "Modules/Matters/Tracking/RateMatter.cs",  // anonymous rating: the token admits one matter, as in tracking
        "Modules/Matters/Workflow/MatterRouting.cs", // the owner's line above the caller: the handling level's unit and departments by name
        "Modules/Matters/Workflow/MatterFlowView.cs", // the handling unit's and department's names on a matter in scope
        "Modules/Matters/Workflow/MatterSteps.cs",   // escalation and 回退 move a matter to a unit above the handler: its id, name and path
    ];

    static readonly string[] EnterSystemScopeAllowed =
    [
        "Platform/OrgScope/CurrentUser.cs",      // where it is defined
        "Platform/Hosting/",                     // start-up, CLI verbs, demo seeding
        "Platform/Generation/",                  // the synthetic-city generator runs as a system job
        "Modules/AuditLog/AuditRetention.cs",    // the retention job
        "Modules/Matters/Deadlines/MatterDeadlineSweep.cs", // the deadline timer looks at every open matter in the city
    ];

    [Fact]
    public void IgnoreQueryFilters_OnlyInAllowedFiles() => AssertOnlyIn("IgnoreQueryFilters", IgnoreQueryFiltersAllowed);

    [Fact]
    public void EnterSystemScope_OnlyInAllowedFiles() => AssertOnlyIn("EnterSystemScope(", EnterSystemScopeAllowed);

    static void AssertOnlyIn(string needle, string[] allowed)
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Linli.Web");
        var users = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(web, f)).Contains(needle, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(users); // the search itself works
        var offenders = users.Where(f => !allowed.Any(a => a.EndsWith('/') ? f.StartsWith(a, StringComparison.Ordinal) : f == a)).ToList();
        Assert.True(offenders.Count == 0, $"{needle} outside its allow-list (ScopeBypassAllowListTests): {string.Join(", ", offenders)}");
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Linli.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Linli.slnx not found above " + AppContext.BaseDirectory);
    }
}
