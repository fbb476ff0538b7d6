using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Submissions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EvalSystem.Web.Data;

/// <summary>
/// The application's database: business data, Identity and the audit trail in one schema.
/// This type is the SQL Server context; <see cref="SqliteEvalDbContext"/> derives from it only to
/// own the SQLite migration set (see docs/adr/002-two-migration-sets.md).
/// </summary>
public class EvalDbContext : IdentityDbContext<ApplicationUser>
{
    public EvalDbContext(DbContextOptions<EvalDbContext> options) : base(options) { }

    protected EvalDbContext(DbContextOptions options) : base(options) { }

    /// <summary>The collation that sorts Chinese names by 拼音: SQL Server's own, or <see cref="PinyinCollation"/> on SQLite.</summary>
    public virtual string ChineseCollation => "Chinese_PRC_CI_AS";

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<EvaluationTarget> Targets => Set<EvaluationTarget>();
    public DbSet<IndicatorSystem> IndicatorSystems => Set<IndicatorSystem>();
    public DbSet<IndicatorNode> IndicatorNodes => Set<IndicatorNode>();
    public DbSet<EvaluationPeriod> Periods => Set<EvaluationPeriod>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<ScoreRun> ScoreRuns => Set<ScoreRun>();
    public DbSet<TargetScoreRecord> TargetScores => Set<TargetScoreRecord>();
    public DbSet<IndicatorScoreRecord> IndicatorScores => Set<IndicatorScoreRecord>();
    public DbSet<RunNodeAverage> RunNodeAverages => Set<RunNodeAverage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();
    public DbSet<Domain.Cases.ServiceCase> ServiceCases => Set<Domain.Cases.ServiceCase>();
    public DbSet<Domain.Ratings.Rating> Ratings => Set<Domain.Ratings.Rating>();
    public DbSet<Domain.Ratings.RectificationItem> RectificationItems => Set<Domain.Ratings.RectificationItem>();
    public DbSet<Domain.Cases.DataImport> DataImports => Set<Domain.Cases.DataImport>();
    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();
    public DbSet<Domain.Integration.ApiClient> ApiClients => Set<Domain.Integration.ApiClient>();
    public DbSet<Domain.Supervision.SupervisionTask> SupervisionTasks => Set<Domain.Supervision.SupervisionTask>();
    public DbSet<Domain.Supervision.SupervisionAttachment> SupervisionAttachments => Set<Domain.Supervision.SupervisionAttachment>();
    public DbSet<SupervisionNumberCounter> SupervisionNumberCounters => Set<SupervisionNumberCounter>();
    public DbSet<Domain.Reports.ReportJob> ReportJobs => Set<Domain.Reports.ReportJob>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EvalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type and hands values back as Unspecified; everything stored is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>The same model on SQLite, with its own migration set, and a Chinese collation registered on its connections.</summary>
public sealed class SqliteEvalDbContext(DbContextOptions<SqliteEvalDbContext> options) : EvalDbContext(options)
{
    public override string ChineseCollation => PinyinCollation.Name;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(PinyinCollation.Instance);
    }
}
