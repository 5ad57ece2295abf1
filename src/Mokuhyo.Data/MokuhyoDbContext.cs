using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Search;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data;

/// <summary>
/// The database of goals and of the staff who write them. Each provider has a subclass only so that
/// its migrations stay apart.
/// </summary>
public class MokuhyoDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every web node of the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<FormatVersion> FormatVersions => Set<FormatVersion>();

    public DbSet<ReportingYear> ReportingYears => Set<ReportingYear>();

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<PlanItem> PlanItems => Set<PlanItem>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorActual> IndicatorActuals => Set<IndicatorActual>();

    public DbSet<GoalResult> GoalResults => Set<GoalResult>();

    public DbSet<GoalFieldValue> GoalFieldValues => Set<GoalFieldValue>();

    public DbSet<PublishedReport> PublishedReports => Set<PublishedReport>();

    public DbSet<ReportState> ReportStates => Set<ReportState>();

    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UnitAssignment> UnitAssignments => Set<UnitAssignment>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<Domain.Cycle.PhaseDeadline> PhaseDeadlines => Set<Domain.Cycle.PhaseDeadline>();

    public DbSet<Domain.Cycle.Notification> Notifications => Set<Domain.Cycle.Notification>();

    public DbSet<Domain.Cycle.NotificationPreference> NotificationPreferences => Set<Domain.Cycle.NotificationPreference>();
    public DbSet<MunicipalityEmblem> MunicipalityEmblems => Set<MunicipalityEmblem>();

    public DbSet<Domain.Policies.PolicyNode> PolicyNodes => Set<Domain.Policies.PolicyNode>();

    public DbSet<Domain.Policies.GoalPolicyLink> GoalPolicyLinks => Set<Domain.Policies.GoalPolicyLink>();

    public DbSet<Domain.Formats.ImportColumnMapping> ImportColumnMappings => Set<Domain.Formats.ImportColumnMapping>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MokuhyoDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The version is the concurrency token: the UPDATE matches the version the editor loaded and
    // writes the next one, so a second save from the same starting point fails instead of overwriting.
    // It is set through the entry, so the bump is saved even when automatic change detection is off.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(e => e.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}

public sealed class SqliteMokuhyoDbContext(DbContextOptions<SqliteMokuhyoDbContext> options) : MokuhyoDbContext(options);

public sealed class PostgresMokuhyoDbContext(DbContextOptions<PostgresMokuhyoDbContext> options) : MokuhyoDbContext(options);
