using System.Text;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Features.Supervision;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EvalSystem.Web.Tests.Supervision.SupervisionTestData;

namespace EvalSystem.Web.Tests.Supervision;

public sealed class SupervisionGenerationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> PublishedRunAsync(string periodName)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        return await (from r in db.ScoreRuns
                      join p in db.Periods on r.PeriodId equals p.Id
                      where p.Name == periodName && r.Status == ScoreRunStatus.Published
                      select r.Id).SingleAsync();
    }

    [Fact]
    public async Task FromAPublishedRun_TargetsBeyondTheWarningValueGetATask_AndGeneratingTwiceAddsNothing()
    {
        var run = await PublishedRunAsync("2026年第二季度");
        await using var office = await app.ScopeAsAccountAsync("office");
        var generation = office.ServiceProvider.GetRequiredService<SupervisionGeneration>();
        var request = new GenerateRequest(run, "JZ-1", BelowWarning: true, BottomN: 0, RankingDepartmentId: null, Deadline: Today.AddDays(15));

        var preview = await generation.PreviewAsync(request);
        Assert.NotEmpty(preview);
        Assert.All(preview, d => Assert.Equal((SupervisionSource.ScoreWarning, "JZ-1", "住房和城乡建设局"), (d.Draft.Source, d.Draft.IndicatorCode, d.DepartmentName)));
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(0, await db.SupervisionTasks.CountAsync(t => t.ScoreRunId == run)); // a preview stores nothing

        // The preview is exactly the targets whose stored raw value is above JZ-1's warning value (lower is better).
        var expected = await (from s in db.IndicatorScores
                              join n in db.IndicatorNodes on s.IndicatorNodeId equals n.Id
                              where s.RunId == run && n.Code == "JZ-1" && s.RawValue > n.WarningValue
                              select s.TargetId).ToListAsync();
        Assert.Equal(expected.Order(), preview.Select(d => d.Draft.TargetId!.Value).Order());

        var numbers = await generation.GenerateAsync(request);
        Assert.Equal(preview.Count, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Empty(await generation.PreviewAsync(request));
        Assert.Empty(await generation.GenerateAsync(request));
        Assert.Equal(preview.Count, await db.SupervisionTasks.CountAsync(t => t.ScoreRunId == run && t.IndicatorCode == "JZ-1"));
    }

    [Fact]
    public async Task BottomOfTheRanking_GoesToTheChosenDepartment_AndRegionTargetsNeedOne()
    {
        var run = await PublishedRunAsync("2026年第一季度");
        await using var office = await app.ScopeAsAccountAsync("office");
        var generation = office.ServiceProvider.GetRequiredService<SupervisionGeneration>();
        var noRule = await Assert.ThrowsAsync<DomainException>(() => generation.PreviewAsync(new GenerateRequest(run, null, false, 0, null, Today.AddDays(15))));
        Assert.Contains("至少选择一条生成规则", noRule.Message);
        var missing = await Assert.ThrowsAsync<DomainException>(() => generation.PreviewAsync(new GenerateRequest(run, null, false, 2, null, Today.AddDays(15))));
        Assert.Contains("主责单位", missing.Message);

        var gsa = await DepartmentAsync(app, "GSA");
        var preview = await generation.PreviewAsync(new GenerateRequest(run, null, false, 2, gsa, Today.AddDays(15)));
        Assert.True(preview.Count >= 2);
        Assert.All(preview, d => Assert.Equal((SupervisionSource.RankingBottom, gsa, (string?)null), (d.Draft.Source, d.Draft.DepartmentId, d.Draft.IndicatorCode)));
        Assert.All(preview, d => Assert.Matches(@"^\d{6}$", d.Draft.RegionCode!));
    }

    [Fact]
    public async Task ABadReview_BecomesOneTaskWithSourceBadReview()
    {
        await using (var office = await app.ScopeAsAccountAsync("office"))
        {
            var file = new MemoryStream(Encoding.UTF8.GetBytes("评价编号,办件编号,部门编码,区划代码,评价渠道,评价时间,评价等级,评价项,评价内容\n" +
                "SV-001,,GSA,990108,窗口,2026-11-02 10:00,非常不满意,服务态度,窗口无人\n"));
            var outcome = await office.ServiceProvider.GetRequiredService<CaseImportService>().ImportRatingsAsync(file, "差评.csv", dryRun: false);
            Assert.True(outcome.Succeeded);
            var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
            var item = await db.RectificationItems.Where(i => i.RatingId == "SV-001").Select(i => i.Id).SingleAsync();
            var service = office.ServiceProvider.GetRequiredService<SupervisionService>();

            var number = await service.FromRectificationAsync(item, Today.AddDays(7));
            var task = (await db.SupervisionTasks.AsNoTracking().ToListAsync()).Single(t => t.Number.ToString() == number);
            Assert.Equal((SupervisionSource.BadReview, "990108", await DepartmentAsync(app, "GSA")), (task.Source, task.RegionCode, task.DepartmentId));
            Assert.Contains("窗口无人", task.Problem);
            var twice = await Assert.ThrowsAsync<DomainException>(() => service.FromRectificationAsync(item, Today.AddDays(7)));
            Assert.Contains("不能重复转办", twice.Message);

            // Past the service's check (two offices at the same moment), the database still keeps one task per bad review.
            var copy = new SupervisionTask(new SupervisionNumber(2026, 9901),
                new SupervisionTaskDraft("重复转办", "同一条差评。", SupervisionSource.BadReview, task.DepartmentId, Today.AddDays(7)) { RatingId = task.RatingId },
                Office, DateTimeOffset.UtcNow);
            await using var raw = app.Factory.Services.CreateAsyncScope();
            var rawDb = raw.ServiceProvider.GetRequiredService<EvalDbContext>();
            rawDb.SupervisionTasks.Add(copy);
            await Assert.ThrowsAsync<DbUpdateException>(() => rawDb.SaveChangesAsync());
            Assert.Equal(1, await db.SupervisionTasks.CountAsync(t => t.RatingId == task.RatingId));
        }

        await using var amr = await app.ScopeAsAccountAsync("dept-amr");
        await Assert.ThrowsAsync<Web.Security.AccessDeniedException>(() => amr.ServiceProvider.GetRequiredService<SupervisionService>().FromRectificationAsync(Guid.NewGuid(), Today));
    }

    /// <summary>
    /// 南湖区 in a whole-year period: one task closed on time, one closed late, one open past its deadline → 1 of 3 = 33.3 %;
    /// a task due after the period does not count. 中心区: one task closed on time → 100 %. The DB-1 value follows.
    /// </summary>
    [Fact]
    public async Task TheOnTimeRate_OnHandMadeTasks_IsWrittenAsTheSupervisionIndicatorValue()
    {
        var amr = await DepartmentAsync(app, "AMR");
        Guid periodId, nanhu, central, db1;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
            var system = await db.IndicatorSystems.Include(s => s.Nodes).FirstAsync(s => s.Status == SystemStatus.Published && s.TargetKind == Domain.Organization.TargetKind.Region);
            var period = new EvaluationPeriod("督办测试年度", system, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
            db.Periods.Add(period);
            await db.SaveChangesAsync();
            periodId = period.Id;
            nanhu = await db.Targets.Where(t => t.Name == "南湖区").Select(t => t.Id).SingleAsync();
            central = await db.Targets.Where(t => t.Name == "中心区").Select(t => t.Id).SingleAsync();
            db1 = system.Nodes.Single(n => n.Code == "DB-1").Id;
        }
        await StoreAsync(app, 9001, amr, "990105", new DateOnly(2025, 3, 31), closedOn: new DateOnly(2025, 3, 30));
        await StoreAsync(app, 9002, amr, "990105", new DateOnly(2025, 6, 30), closedOn: new DateOnly(2025, 7, 3));
        await StoreAsync(app, 9003, amr, "990105", new DateOnly(2025, 9, 30));
        await StoreAsync(app, 9004, amr, "990105", new DateOnly(2026, 1, 15), closedOn: new DateOnly(2026, 1, 10));
        await StoreAsync(app, 9005, amr, "990102", new DateOnly(2025, 5, 31), closedOn: new DateOnly(2025, 5, 20));

        await using var office = await app.ScopeAsAccountAsync("office");
        Assert.True(await office.ServiceProvider.GetRequiredService<SupervisionMeasureService>().RefreshAsync(periodId) >= 2);
        var values = await office.ServiceProvider.GetRequiredService<EvalDbContext>().IndicatorValues.AsNoTracking()
            .Where(v => v.PeriodId == periodId && v.IndicatorNodeId == db1).ToDictionaryAsync(v => v.TargetId);
        Assert.Equal(100.0 / 3, values[nanhu].Value, precision: 9);
        Assert.Equal(100.0, values[central].Value, precision: 9);
        Assert.Equal(Domain.Measurements.ValueOrigin.Supervision, values[nanhu].Origin);
        Assert.Equal(2, values.Count); // regions without a task due keep no value

        var summary = await office.ServiceProvider.GetRequiredService<SupervisionQueries>()
            .SummaryAsync(new SummaryPeriod(periodId, "督办测试年度", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        var line = summary.Departments.Single(d => d.DepartmentId == amr);
        Assert.Equal((4, 2, 50.0), (line.Due, line.OnTime, line.OnTimeRate));
    }
}
