using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Tests.Data;

public sealed class PersistenceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 26, 8, 30, 0, DateTimeKind.Utc);
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _database.DisposeAsync();

    private sealed record Graph(Region District, Department Department, IndicatorSystem System, EvaluationPeriod Period, Submission Submission, EvaluationTarget Target);

    private async Task<Graph> SaveGraphAsync()
    {
        await using var db = _database.CreateContext();
        var city = new Region("990100", "示范市", RegionLevel.City);
        var district = new Region("990102", "中心区", RegionLevel.District, city);
        var target = EvaluationTarget.ForRegion(district);
        var amr = new Department("AMR", "市场监督管理局", DepartmentKind.Government);
        var gsa = new Department("GSA", "政务服务管理局", DepartmentKind.Government);
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var kb = system.AddGroup("KB", "开办企业", "Starting a business", 100);
        system.AddIndicator(kb, "KB-2", "开办企业时间", "Time to start a business", 100, new IndicatorDefinition(
            "工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, amr.Id, [gsa.Id], 5, 1,
            """{"type":"goalpost","best":0.5,"worst":20}"""));
        system.Publish(Now);
        var period = new EvaluationPeriod("2026年第四季度", system, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        period.OpenCollection(Now.AddDays(30), Now);
        var by = new UserRef("user-1", "dept-amr");
        var submission = new Submission(period.Id, system.Nodes.Single(n => n.IsIndicator).Id, target.Id, amr.Id, by, Now);
        submission.Edit(2.5, "依据一网通办系统导出", by, Now);
        submission.Submit(by, Now.AddMinutes(1));
        submission.Approve(new UserRef("user-2", "office"), Now.AddMinutes(2));
        db.AddRange(city, district, target, amr, gsa, system, period, submission);
        db.Add(new Evidence(submission.Id, 1, "营业执照.pdf", "a1b2.bin", "application/pdf", 2048, new string('a', 64), by, Now));
        db.Add(new IndicatorValue(period.Id, target.Id, submission.IndicatorNodeId, 2.5, ValueOrigin.ApprovedSubmission, Now, submission.Id));
        await db.SaveChangesAsync();
        return new Graph(district, amr, system, period, submission, target);
    }

    [Fact]
    public async Task EveryAggregateRoundTripsThroughASqliteFile()
    {
        var saved = await SaveGraphAsync();

        await using var db = _database.CreateContext();
        var system = await db.IndicatorSystems.Include(s => s.Nodes).SingleAsync();
        var leaf = system.Nodes.Single(n => n.IsIndicator);
        Assert.Equal((SystemStatus.Published, 1, Now), (system.Status, system.Version, system.PublishedAtUtc));
        Assert.Equal(DateTimeKind.Utc, system.CreatedAtUtc.Kind);
        Assert.Equal(("开办企业时间", "工作日", IndicatorDirection.LowerIsBetter, 100m, 5.0, 1.0), (leaf.NameZh, leaf.Unit, leaf.Direction, leaf.Weight, leaf.WarningValue, leaf.AdvancedValue));
        Assert.Equal(saved.Department.Id, leaf.ResponsibleDepartmentId);
        Assert.Single(leaf.SupportingDepartmentIds);
        Assert.Contains("goalpost", leaf.RuleJson);

        var period = await db.Periods.SingleAsync();
        Assert.Equal((PeriodStatus.Collecting, new DateOnly(2026, 12, 31), Now.AddDays(30)), (period.Status, period.EndDate, period.SubmissionDeadlineUtc));

        var submission = await db.Submissions.Include(s => s.History).SingleAsync();
        Assert.Equal((SubmissionStatus.Approved, 2.5, 1), (submission.Status, submission.Value, submission.Version));
        Assert.Equal([SubmissionAction.Created, SubmissionAction.Saved, SubmissionAction.Submitted, SubmissionAction.Approved],
            submission.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Action).Select(e => e.Action));

        var evidence = await db.Evidence.SingleAsync();
        Assert.Equal(("营业执照.pdf", 2048L), (evidence.DisplayName, evidence.SizeBytes));
        var region = await db.Regions.SingleAsync(r => r.Code == "990102");
        Assert.Equal(saved.District.ParentId, region.ParentId);
        Assert.Equal(2.5, (await db.IndicatorValues.SingleAsync()).Value);
    }

    [Fact]
    public async Task Insert_IsAuditedWithUserIpAndValues()
    {
        var saved = await SaveGraphAsync();

        await using var db = _database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Department) && a.EntityKey == saved.Department.Id.ToString());
        Assert.Equal((AuditActions.Insert, "user-1", "office", "10.1.2.3"), (entry.Action, entry.UserId, entry.UserName, entry.IpAddress));
        Assert.Null(entry.BeforeJson);
        Assert.Contains("\"Name\":\"市场监督管理局\"", entry.AfterJson);
    }

    [Fact]
    public async Task Update_IsAuditedWithOnlyTheChangedValuesBeforeAndAfter()
    {
        var saved = await SaveGraphAsync();
        await using (var db = _database.CreateContext())
        {
            var department = await db.Departments.SingleAsync(d => d.Id == saved.Department.Id);
            department.Rename("市场监管局");
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.Update && a.EntityType == nameof(Department));
        Assert.Equal("{\"Name\":\"市场监督管理局\"}", entry.BeforeJson);
        Assert.Equal("{\"Name\":\"市场监管局\"}", entry.AfterJson);
    }

    [Fact]
    public async Task Delete_IsAudited()
    {
        var saved = await SaveGraphAsync();
        await using (var db = _database.CreateContext())
        {
            db.Evidence.Remove(await db.Evidence.SingleAsync());
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.Delete);
        Assert.Equal(nameof(Evidence), entry.EntityType);
        Assert.Contains("营业执照.pdf", entry.BeforeJson);
        Assert.Null(entry.AfterJson);
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedThroughTheApp()
    {
        await SaveGraphAsync();
        await using var db = _database.CreateContext();
        var entry = await db.AuditEntries.FirstAsync();
        db.AuditEntries.Remove(entry);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("只能追加", ex.Message);
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedEvenWithRawSql()
    {
        await SaveGraphAsync();
        await using var db = _database.CreateContext();
        var before = await db.AuditEntries.CountAsync();

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET UserName = 'nobody'"));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));

        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserName == "nobody"));
    }

    [Fact]
    public async Task SubmissionIsUniquePerPeriodIndicatorAndTarget()
    {
        var saved = await SaveGraphAsync();
        await using var db = _database.CreateContext();
        var by = new UserRef("user-1", "dept-amr");
        db.Add(new Submission(saved.Period.Id, saved.Submission.IndicatorNodeId, saved.Target.Id, saved.Department.Id, by, Now));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
