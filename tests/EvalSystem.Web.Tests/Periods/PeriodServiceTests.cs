using EvalSystem.Domain.Common;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Periods;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Periods;

public sealed class PeriodServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static async Task<Guid> SystemIdAsync(AsyncServiceScope scope) =>
        await scope.ServiceProvider.GetRequiredService<EvalDbContext>().IndicatorSystems.Select(s => s.Id).FirstAsync();

    [Fact]
    public async Task Office_CreatesAQuarter_OpensIt_AndClosesIt()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var service = office.ServiceProvider.GetRequiredService<PeriodService>();
        var id = await service.CreateAsync(new CreatePeriodForm { Kind = PeriodKind.Quarter, Year = 2027, Part = 1, SystemId = await SystemIdAsync(office) });

        var past = await Assert.ThrowsAsync<DomainException>(() => service.OpenCollectionAsync(id, DateTime.UtcNow.AddDays(-1)));
        Assert.Contains("晚于当前时间", past.Message);
        await service.OpenCollectionAsync(id, DateTime.UtcNow.AddDays(30));
        await service.CloseCollectionAsync(id);

        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var period = await db.Periods.SingleAsync(p => p.Id == id);
        Assert.Equal(("2027年第一季度", new DateOnly(2027, 3, 31), PeriodStatus.Reviewing), (period.Name, period.EndDate, period.Status));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(EvaluationPeriod) && a.EntityKey == id.ToString() && a.Action == "Update" && a.AfterJson!.Contains("Reviewing")));
    }

    [Fact]
    public async Task OutstandingList_NamesEveryEntryNotYetSubmitted_ByDepartment()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var collecting = await db.Periods.SingleAsync(p => p.Name == "2026年第四季度");
        var closed = await db.Periods.SingleAsync(p => p.Name == "2026年第三季度");
        var service = office.ServiceProvider.GetRequiredService<PeriodService>();

        var open = await service.OutstandingAsync(collecting.Id);
        var progress = await service.ProgressAsync(collecting.Id);

        Assert.False(open.Overdue);
        Assert.Equal(progress.Sum(p => p.Missing + p.Returned), open.Items.Count);
        Assert.Contains(open.Items, i => i.Department == "市场监督管理局" && i.IndicatorCode == "KB-1" && i.TargetName == "中心区" && i.Status == "未填报");
        Assert.Empty((await service.OutstandingAsync(closed.Id)).Items); // everything of the closed quarter was approved
    }

    [Fact]
    public async Task DuplicatePeriodName_IsRefused()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var ex = await Assert.ThrowsAsync<DomainException>(async () => await office.ServiceProvider.GetRequiredService<PeriodService>()
            .CreateAsync(new CreatePeriodForm { Kind = PeriodKind.Quarter, Year = 2026, Part = 2, SystemId = await SystemIdAsync(office) }));
        Assert.Contains("2026年第二季度", ex.Message);
    }

    [Fact]
    public async Task ReopeningAPublishedPeriod_NeedsAReason()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var q4 = await db.Periods.SingleAsync(p => p.Name == "2025年第四季度");
        var service = office.ServiceProvider.GetRequiredService<PeriodService>();

        await Assert.ThrowsAsync<DomainException>(() => service.ReopenAsync(q4.Id, " "));
        await service.ReopenAsync(q4.Id, "石桥县数据更正");

        var reopened = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == q4.Id);
        Assert.Equal((PeriodStatus.Reviewing, "石桥县数据更正"), (reopened.Status, reopened.ReopenReason));
    }

    [Fact]
    public async Task PublishingWithUnreviewedSubmissions_NeedsAnOverrideReason()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var q3 = await db.Periods.SingleAsync(p => p.Name == "2026年第三季度");
        var node = await db.IndicatorNodes.SingleAsync(n => n.SystemId == q3.IndicatorSystemId && n.Code == "KB-2");
        var target = await db.Targets.FirstAsync(t => t.Kind == Domain.Organization.TargetKind.Region);
        var amr = await db.Departments.SingleAsync(d => d.Code == "AMR");
        // A department has submitted a value that nobody has reviewed yet.
        var by = new UserRef("x", "dept-amr");
        var pending = new Submission(q3.Id, node.Id, target.Id, amr.Id, by, DateTime.UtcNow);
        pending.Edit(1, null, by, DateTime.UtcNow);
        pending.Submit(by, DateTime.UtcNow);
        db.Submissions.Add(pending);
        await db.SaveChangesAsync();
        var scoring = office.ServiceProvider.GetRequiredService<ScoreRunService>();
        var run = await scoring.ComputeAsync(q3.Id);

        Assert.Equal(1, await office.ServiceProvider.GetRequiredService<PeriodService>().UnreviewedCountAsync(q3.Id));
        var refused = await Assert.ThrowsAsync<DomainException>(() => scoring.PublishAsync(run.Id));
        Assert.Contains("1条填报未审核", refused.Message);
        await scoring.PublishAsync(run.Id, "省里要求本周通报，AMR一条复核中的数据不影响排名。");

        var published = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == q3.Id);
        Assert.Equal(PeriodStatus.Published, published.Status);
        Assert.StartsWith("省里要求本周通报", published.PublishOverrideReason);
    }

    [Fact]
    public async Task Progress_CountsEachDepartmentsExpectedAndApprovedValues()
    {
        await using var leader = app.ScopeAs("leader", Roles.Leader);
        var db = leader.ServiceProvider.GetRequiredService<EvalDbContext>();
        var q2 = await db.Periods.SingleAsync(p => p.Name == "2026年第二季度");

        var progress = await leader.ServiceProvider.GetRequiredService<PeriodService>().ProgressAsync(q2.Id);

        var amr = progress.Single(p => p.Department == "市场监督管理局");
        Assert.Equal((24, 24, 0), (amr.Expected, amr.Approved, amr.Missing)); // KB-1 and KB-3 for 12 districts
        Assert.DoesNotContain(progress, p => p.Department == "市政府督查室"); // DB-1 is computed, not submitted
    }

    [Theory]
    [InlineData("leader", Roles.Leader)]
    [InlineData("dept-amr", Roles.Department)]
    public async Task OnlyTheOffice_ManagesPeriods(string user, string role)
    {
        await using var scope = app.ScopeAs(user, role);
        var id = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Periods.Select(p => p.Id).FirstAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<PeriodService>().CloseCollectionAsync(id));
    }
}
