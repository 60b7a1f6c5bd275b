using Linli.Modules.Grids;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Matters.Categories;
using Linli.Modules.Matters;
using Linli.Modules.Open311;
using Linli.Modules.Notifications;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Modules.Visits;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Idempotency;
using Linli.Platform.OrgScope;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Linli.Data;

/// <summary>
/// The one context. Provider subclasses (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) exist
/// only so each provider has its own migration set. Every save appends audit rows in the same transaction.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, CurrentUser currentUser) : IdentityDbContext<AppUser>(options)
{
    public const string OrgScopeFilter = "OrgScope";
    public const string SensitiveTagsFilter = "SensitiveTags";
    public const string RecipientFilter = "Recipient";

    public CurrentUser CurrentUser => currentUser;

    // Read by the query filters; EF sends it as a parameter. Null (no scope) matches nothing.
    string? ScopePath => currentUser.ScopePath;

    // Read by the matter filter: a user bound to a department (部门) sees only the matters routed to that department.
    long? DepartmentScope => currentUser.DepartmentId;

    // Read by the sensitive-tag filters: false hides sensitive tags (and their history) as if they did not exist.
    bool SensitiveTagsVisible => currentUser.SeesSensitiveTags();

    // Read by the notification filter: a message is seen by its recipient only.
    string? RecipientId => currentUser.UserId;

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<House> Houses => Set<House>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ResidentTag> ResidentTags => Set<ResidentTag>();
    public DbSet<ResidentChange> ResidentChanges => Set<ResidentChange>();
    public DbSet<ResidentEvent> ResidentEvents => Set<ResidentEvent>();
    public DbSet<TagDefinition> TagDefinitions => Set<TagDefinition>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitPhoto> VisitPhotos => Set<VisitPhoto>();
    public DbSet<VisitRule> VisitRules => Set<VisitRule>();
    public DbSet<DuplicateFlag> DuplicateFlags => Set<DuplicateFlag>();
    public DbSet<GridAssignment> GridAssignments => Set<GridAssignment>();
    public DbSet<GridChange> GridChanges => Set<GridChange>();
    public DbSet<GridBoundary> GridBoundaries => Set<GridBoundary>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();          // city-wide, not org-scoped
    public DbSet<MatterCategory> MatterCategories => Set<MatterCategory>(); // city-wide, not org-scoped
    public DbSet<Matter> Matters => Set<Matter>();
    public DbSet<MatterEvent> MatterEvents => Set<MatterEvent>();
    public DbSet<MatterPhoto> MatterPhotos => Set<MatterPhoto>();
    public DbSet<Platform.Generation.MatterTally> MatterTallies => Set<Platform.Generation.MatterTally>();       // rollups, system-maintained
    public DbSet<Platform.Generation.MatterBreakdown> MatterBreakdowns => Set<Platform.Generation.MatterBreakdown>();
    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();
    public DbSet<Open311Submission> Open311Submissions => Set<Open311Submission>(); // not org-scoped: read only through Open311Reads
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();  // not org-scoped: keyed by caller
    public DbSet<Notification> Notifications => Set<Notification>();                 // per user, not org-scoped
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>(); // the SMS/WeChat outbox, system only

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Every IOrgScoped entity is listed here; a test fails if one is missing.
        ScopeByOrg<OrgUnit>(b);
        ScopeByOrg<Department>(b);
        ScopeByOrg<Building>(b);
        ScopeByOrg<House>(b);
        ScopeByOrg<Household>(b);
        ScopeByOrg<Resident>(b);
        ScopeByOrg<ResidentTag>(b);
        ScopeByOrg<ResidentChange>(b);
        ScopeByOrg<ResidentEvent>(b);
        ScopeByOrg<Visit>(b);
        ScopeByOrg<VisitPhoto>(b);
        ScopeByOrg<DuplicateFlag>(b);
        ScopeByOrg<GridAssignment>(b);
        ScopeByOrg<GridChange>(b);
        ScopeByOrg<GridBoundary>(b);
        ScopeByOrg<Open311Client>(b);
        // A matter is seen along its owner's line (首问责任) and its handling unit's line; a department only when routed to it.
        b.Entity<Matter>().HasQueryFilter(OrgScopeFilter, m => ScopePath != null && (DepartmentScope == null
            ? m.OrgPath.StartsWith(ScopePath) || (m.HandlingPath != null && m.HandlingPath.StartsWith(ScopePath))
            : m.HandlingDepartmentId == DepartmentScope));
        b.Entity<MatterEvent>().HasQueryFilter(OrgScopeFilter, e => Matters.Any(m => m.Id == e.MatterId));
        b.Entity<MatterPhoto>().HasQueryFilter(OrgScopeFilter, p => Matters.Any(m => m.Id == p.MatterId));
        b.Entity<Notification>().HasQueryFilter(RecipientFilter, n => RecipientId != null && n.UserId == RecipientId);
        b.Entity<ResidentTag>().HasQueryFilter(SensitiveTagsFilter, t => SensitiveTagsVisible || !t.Tag!.Sensitive);
        b.Entity<ResidentChange>().HasQueryFilter(SensitiveTagsFilter, c => SensitiveTagsVisible || !c.Sensitive);
    }

    void ScopeByOrg<T>(ModelBuilder b) where T : class, IOrgScoped =>
        b.Entity<T>().HasQueryFilter(OrgScopeFilter, e => ScopePath != null && e.OrgPath.StartsWith(ScopePath));

    // ---- audit ----

    readonly List<AuditEntry> pendingEvents = [];

    /// <summary>Names the rows of the next save, e.g. "OrgUnit.Move"; otherwise "{Type}.Create/Update/Delete".</summary>
    public string? AuditAction { get; set; }

    /// <summary>Queues an explicit audit event (login, reveal, export, denied access); written by the next save.
    /// <paramref name="claimedUserName"/> fills the user column while nobody is signed in (login attempts).</summary>
    public void AddAuditEvent(string action, string? objectType = null, string? objectId = null,
        string outcome = AuditOutcome.Success, object? before = null, object? after = null, string? claimedUserName = null) =>
        pendingEvents.Add(AuditWriter.NewEntry(currentUser, action, objectType, objectId, outcome, before, after, claimedUserName));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var captured = AuditCapture.Capture(ChangeTracker);
        var tallies = Platform.Generation.MatterTallyWriter.Capture(this, ChangeTracker);   // the dashboards' rollup
        if (captured.Count == 0 && pendingEvents.Count == 0 && tallies is null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        using var noSavepoints = ownTransaction is not null ? WithoutSavepoints() : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var rows = captured.Select(c => c.ToEntry(currentUser, AuditAction)).Concat(pendingEvents).ToList();
            pendingEvents.Clear();
            AuditAction = null;
            await AuditWriter.AppendAsync(this, rows, cancellationToken);
            // Last before the commit: the city's row of the day is hot, so its lock is held as briefly as possible.
            if (tallies is not null) await tallies.ApplyAsync(this, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>The audit rows of a save, in its transaction: without a savepoint, as a failed audit write fails the change.</summary>
    internal async Task<int> SaveAuditRowsAsync(CancellationToken ct)
    {
        using (WithoutSavepoints()) return await base.SaveChangesAsync(true, ct);
    }

    /// <summary>
    /// EF's savepoints off until disposed. A savepoint lets a caller's transaction survive a failed save; inside a
    /// transaction its owner rolls back whole on any failure, it only costs two round trips per save.
    /// </summary>
    public IDisposable WithoutSavepoints()
    {
        var before = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        return new SavepointsRestored(Database, before);
    }

    sealed class SavepointsRestored(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, bool enabled) : IDisposable
    {
        public void Dispose() => database.AutoSavepointsEnabled = enabled;
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, CurrentUser currentUser)
    : AppDbContext(options, currentUser);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, CurrentUser currentUser)
    : AppDbContext(options, currentUser)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // "C" collation so the btree index on OrgPath serves LIKE 'prefix%' prefix scans.
        b.Entity<OrgUnit>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Department>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<AppUser>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Building>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<House>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Household>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Resident>().Property(u => u.OrgPath).UseCollation("C");
        // Population statistics group a subtree's active residents by these columns, and a worker's search by name counts
        // and picks its page from them: index-only scans, no heap visits.
        b.Entity<Resident>().HasIndex(r => new { r.OrgPath, r.Status })
            .IncludeProperties(r => new { r.BirthDate, r.Gender, r.ResidenceType, r.RegistrationMatch, r.Name, r.Id });
        b.Entity<ResidentTag>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<ResidentChange>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<ResidentEvent>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Visit>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<VisitPhoto>().Property(u => u.OrgPath).UseCollation("C");
        // A visit's time is the wall-clock time the worker states, not an instant: months and ledgers count in it.
        b.Entity<Visit>().Property(v => v.VisitedAt).HasColumnType("timestamp without time zone");
        b.Entity<DuplicateFlag>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<GridAssignment>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<GridChange>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<GridBoundary>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Matter>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Matter>().Property(u => u.HandlingPath).UseCollation("C");
        // A list's page is found in the newest-first index alone, the scope checked on the columns it carries: a street of a
        // city owns one matter in 340, and a heap visit per skipped matter made page 5 read tens of thousands of rows.
        b.Entity<Matter>().HasIndex(m => new { m.CreatedAt, m.Id })
            .IncludeProperties(m => new { m.OrgPath, m.HandlingPath, m.HandlingDepartmentId });
        b.Entity<Matter>().HasIndex(m => new { m.RunningDueAt, m.OrgPath }, "IX_Matters_Overdue")
            .IncludeProperties(m => new { m.HandlingPath, m.HandlingDepartmentId });   // the scope filter's other columns
        b.Entity<MatterEvent>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<MatterPhoto>().Property(u => u.OrgPath).UseCollation("C");
        b.Entity<Open311Client>().Property(u => u.OrgPath).UseCollation("C");
    }
}
