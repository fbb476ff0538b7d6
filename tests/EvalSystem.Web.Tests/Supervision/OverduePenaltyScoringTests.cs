using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Analysis;
using EvalSystem.Web.Features.Indicators;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EvalSystem.Web.Tests.Supervision.SupervisionTestData;

namespace EvalSystem.Web.Tests.Supervision;

/// <summary>
/// 督办任务超期扣分 in a real score run: the office sets the penalty on a new version of the department assessment, a quarter
/// scored under it deducts per overdue task up to the cap, the deduction is stored, explained and reproduced.
/// </summary>
public sealed class OverduePenaltyScoringTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly End = new(2024, 3, 31);

    [Fact]
    public async Task OverdueTasks_AreDeductedFromTheComposite_UpToTheCap_AndTheRunReproduces()
    {
        var systemId = await PenaltyVersionAsync(pointsPerTask: 2, cap: 5);
        var periodId = await ReviewingPeriodAsync(systemId, "督办扣分测试季度");
        var amr = await DepartmentAsync(app, "AMR");
        var sup = await DepartmentAsync(app, "SUP");
        // AMR: closed late, open past its deadline, open past its deadline → 3 overdue × 2 = 6, capped at 5.
        await StoreAsync(app, 8101, amr, null, new DateOnly(2024, 1, 31), closedOn: new DateOnly(2024, 2, 3));
        await StoreAsync(app, 8102, amr, null, new DateOnly(2024, 2, 29));
        await StoreAsync(app, 8103, amr, null, new DateOnly(2024, 3, 31));
        // SUP: one closed on time, one due after the quarter → nothing deducted.
        await StoreAsync(app, 8104, sup, null, new DateOnly(2024, 3, 15), closedOn: new DateOnly(2024, 3, 14));
        await StoreAsync(app, 8105, sup, null, new DateOnly(2024, 4, 15));

        await using var office = await app.ScopeAsAccountAsync("office");
        var runs = office.ServiceProvider.GetRequiredService<ScoreRunService>();
        var run = await runs.ComputeAsync(periodId);

        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var amrTarget = await db.Targets.Where(t => t.DepartmentId == amr).Select(t => t.Id).SingleAsync();
        var supTarget = await db.Targets.Where(t => t.DepartmentId == sup).Select(t => t.Id).SingleAsync();
        var scores = await db.TargetScores.AsNoTracking().Where(s => s.RunId == run.Id).ToDictionaryAsync(s => s.TargetId);
        Assert.Equal(-5.0, scores[amrTarget].AdjustmentPoints);
        Assert.Equal(Math.Clamp(scores[amrTarget].AggregateScore - 5, 0, 100), scores[amrTarget].Composite, precision: 9);
        Assert.Equal(0.0, scores[supTarget].AdjustmentPoints);
        Assert.Equal(scores[supTarget].AggregateScore, scores[supTarget].Composite, precision: 9);

        var input = ScoringInputSnapshot.Deserialize((await db.ScoreRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).InputSnapshot);
        Assert.Equal([SupervisionPenalty.AdjustmentCode], input.AdjustmentCodes);
        Assert.Equal(3.0, input.AdjustmentUnits![input.TargetKeys.ToList().IndexOf(amrTarget.ToString())]);

        Assert.True((await runs.VerifyAsync(run.Id)).Reproduced);

        var breakdown = await office.ServiceProvider.GetRequiredService<AnalysisQueries>().BreakdownAsync(run.Id, amrTarget);
        Assert.Equal((3, -5.0), (breakdown.OverdueTasks, breakdown.AdjustmentPoints));
        Assert.Null((await office.ServiceProvider.GetRequiredService<AnalysisQueries>().BreakdownAsync(run.Id, supTarget)).OverdueTasks);
    }

    [Fact]
    public async Task ASystemWithoutThePenalty_DeductsNothing_WhateverIsOverdue()
    {
        Guid systemId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            systemId = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().IndicatorSystems
                .Where(s => s.TargetKind == TargetKind.Department && s.Status == SystemStatus.Published && s.OverduePenaltyPerTask == null)
                .OrderBy(s => s.Version).Select(s => s.Id).FirstAsync();
        }
        var periodId = await ReviewingPeriodAsync(systemId, "无扣分测试季度", new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31));
        await StoreAsync(app, 8201, await DepartmentAsync(app, "AMR"), null, new DateOnly(2023, 11, 30));

        await using var office = await app.ScopeAsAccountAsync("office");
        var run = await office.ServiceProvider.GetRequiredService<ScoreRunService>().ComputeAsync(periodId);

        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.All(await db.TargetScores.AsNoTracking().Where(s => s.RunId == run.Id).ToListAsync(), s => Assert.Equal(0.0, s.AdjustmentPoints));
        Assert.Empty(ScoringInputSnapshot.Deserialize((await db.ScoreRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).InputSnapshot).AdjustmentCodes);
    }

    [Fact]
    public async Task OnlyTheOffice_SetsThePenalty_AndOnlyOnADraft()
    {
        Guid published;
        using (var scope = app.Factory.Services.CreateScope())
        {
            published = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().IndicatorSystems
                .Where(s => s.TargetKind == TargetKind.Region && s.Status == SystemStatus.Published).Select(s => s.Id).FirstAsync();
        }

        await using (var dept = await app.ScopeAsAccountAsync("dept-amr"))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() =>
                dept.ServiceProvider.GetRequiredService<IndicatorSystemService>().SetOverduePenaltyAsync(published, 2, null));
        }
        await using var office = await app.ScopeAsAccountAsync("office");
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            office.ServiceProvider.GetRequiredService<IndicatorSystemService>().SetOverduePenaltyAsync(published, 2, null));
        Assert.Contains("已发布，不能修改", ex.Message);
        var stored = await office.ServiceProvider.GetRequiredService<EvalDbContext>().IndicatorSystems.AsNoTracking().SingleAsync(s => s.Id == published);
        Assert.Null(stored.OverduePenaltyPerTask);
    }

    /// <summary>The next version of the seeded department assessment with the penalty, set and published through the service.</summary>
    private async Task<Guid> PenaltyVersionAsync(double pointsPerTask, double? cap)
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var latest = await db.IndicatorSystems.Where(s => s.TargetKind == TargetKind.Department)
            .OrderByDescending(s => s.Version).Select(s => s.Id).FirstAsync();
        var systems = office.ServiceProvider.GetRequiredService<IndicatorSystemService>();
        var draft = await systems.CreateDraftAsync(latest);
        await systems.SetOverduePenaltyAsync(draft, pointsPerTask, cap);
        await systems.PublishAsync(draft);
        return draft;
    }

    /// <summary>A department quarter under <paramref name="systemId"/> in review, with the values of the seeded Q3 assessment copied by indicator code.</summary>
    private async Task<Guid> ReviewingPeriodAsync(Guid systemId, string name, DateOnly? start = null, DateOnly? end = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var system = await db.IndicatorSystems.Include(s => s.Nodes).SingleAsync(s => s.Id == systemId);
        var period = new EvaluationPeriod(name, system, start ?? Start, end ?? End);
        period.OpenCollection(DateTime.UtcNow.AddDays(1), DateTime.UtcNow);
        period.CloseCollection();
        db.Periods.Add(period);
        var source = await db.Periods.Where(p => p.Name == "2026年第三季度·部门考核").Select(p => p.Id).SingleAsync();
        var values = await (from v in db.IndicatorValues
                            join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                            where v.PeriodId == source
                            select new { v.TargetId, n.Code, v.Value }).ToListAsync();
        var nodes = system.Nodes.ToDictionary(n => n.Code, n => n.Id);
        foreach (var v in values)
            db.IndicatorValues.Add(new IndicatorValue(period.Id, v.TargetId, nodes[v.Code], v.Value, ValueOrigin.Formula, DateTime.UtcNow)); // copied values, not submissions
        await db.SaveChangesAsync();
        return period.Id;
    }
}
