using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Analysis;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Analysis;

/// <summary>Compare and drill down on the demo city: 2026 Q2 is the newest published run, 2026 Q3 is scored but not published.</summary>
public sealed class AnalysisQueriesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Published = "2026年第二季度";
    private const string Unpublished = "2026年第三季度";

    private static AnalysisQueries Analysis(AsyncServiceScope scope) =>
        ActivatorUtilities.GetServiceOrCreateInstance<AnalysisQueries>(scope.ServiceProvider);

    private static EvalDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<EvalDbContext>();

    private static Task<Guid> RunOfAsync(AsyncServiceScope scope, string periodName) =>
        (from r in Db(scope).ScoreRuns
         join p in Db(scope).Periods on r.PeriodId equals p.Id
         where p.Name == periodName
         orderby r.Number descending
         select r.Id).FirstAsync();

    private static async Task<List<Guid>> TargetsAsync(AsyncServiceScope scope, params string[] names)
    {
        var targets = await Db(scope).Targets.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.Id);
        return names.Select(n => targets[n]).ToList();
    }

    [Fact]
    public async Task Compare_ListsFirstLevelThenLeafIndicators_EachBiggestGapFirst()
    {
        await using var scope = await app.ScopeAsAccountAsync("leader");
        var run = await RunOfAsync(scope, Published);
        var targets = await TargetsAsync(scope, "中心区", "东城区", "石桥县");

        var result = await Analysis(scope).CompareAsync(run, targets);

        Assert.Equal(["中心区", "东城区", "石桥县"], result.Targets.Select(t => t.Name));
        Assert.Equal(8, result.Rows.Count(r => r.Section == CompareSection.FirstLevel));
        Assert.Equal(20, result.Rows.Count(r => r.Section == CompareSection.Leaf));
        Assert.Equal(result.Rows.OrderBy(r => r.Section).Select(r => r.Code), result.Rows.Select(r => r.Code));
        foreach (var section in result.Rows.GroupBy(r => r.Section))
        {
            var gaps = section.Select(r => r.Gap!.Value).ToList();
            Assert.Equal(gaps.OrderByDescending(g => g), gaps);
        }
        Assert.True(result.Rows[0].Gap > 0, "the laggard differs from the others somewhere");
    }

    [Fact]
    public async Task Compare_TakesScoresAndRawValuesFromTheStoredRun()
    {
        await using var scope = await app.ScopeAsAccountAsync("auditor");
        var run = await RunOfAsync(scope, Published);
        var targets = await TargetsAsync(scope, "中心区", "石桥县");

        var row = (await Analysis(scope).CompareAsync(run, targets)).Rows.Single(r => r.Code == "KB-2");

        var stored = await (from s in Db(scope).IndicatorScores
                            join n in Db(scope).IndicatorNodes on s.IndicatorNodeId equals n.Id
                            where s.RunId == run && n.Code == "KB-2" && targets.Contains(s.TargetId)
                            select s).ToDictionaryAsync(s => s.TargetId);
        Assert.Equal(targets.Select(t => stored[t].RawValue), row.Cells.Select(c => c.RawValue));
        Assert.Equal(targets.Select(t => stored[t].Score), row.Cells.Select(c => c.Score));
        Assert.Equal(Math.Abs(stored[targets[0]].Score!.Value - stored[targets[1]].Score!.Value), row.Gap!.Value, precision: 9);
        Assert.Equal("开办企业", row.GroupName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Compare_FewerThanTwoOrMoreThanFourTargets_IsRefused(int count)
    {
        await using var scope = await app.ScopeAsAccountAsync("leader");
        var run = await RunOfAsync(scope, Published);
        var targets = await TargetsAsync(scope, "中心区", "东城区", "西城区", "南湖区", "北山区");

        var ex = await Assert.ThrowsAsync<DomainException>(() => Analysis(scope).CompareAsync(run, targets.Take(count).ToList()));

        Assert.Contains("2到4个", ex.Message);
        Assert.Contains($"选择了{count}个", ex.Message);
    }

    [Fact]
    public async Task Breakdown_LeafContributionsSumToTheComposite()
    {
        await using var scope = await app.ScopeAsAccountAsync("leader");
        var run = await RunOfAsync(scope, Published);
        var target = (await TargetsAsync(scope, "东城区"))[0];

        var view = await Analysis(scope).BreakdownAsync(run, target);

        var stored = await Db(scope).TargetScores.SingleAsync(s => s.RunId == run && s.TargetId == target);
        Assert.Equal((stored.Composite, stored.Rank, stored.Rank5, stored.Rank95), (view.Composite, view.Rank, view.Rank5, view.Rank95));
        Assert.Equal(12, view.TargetCount);
        var leaves = view.Rows.Where(r => r.IsLeaf).ToList();
        Assert.Equal(view.AggregateScore, leaves.Sum(r => r.Contribution!.Value), precision: 9);
        Assert.Equal(view.Composite, leaves.Sum(r => r.Contribution!.Value) + view.AdjustmentPoints + view.ClippingCorrection, precision: 9);
        Assert.Equal(1, leaves.Sum(r => r.EffectiveWeight), precision: 9);
        // A group's contribution is the sum of its leaves'.
        var kb = view.Rows.Single(r => r.Code == "KB");
        Assert.Equal(leaves.Where(r => r.ParentId == kb.IndicatorNodeId).Sum(r => r.Contribution!.Value), kb.Contribution!.Value, precision: 9);
    }

    [Fact]
    public async Task Breakdown_IsInTreeOrder_AndSaysWhatEachValueCanBeDrilledInto()
    {
        await using var scope = await app.ScopeAsAccountAsync("leader");
        var run = await RunOfAsync(scope, Published);
        var target = (await TargetsAsync(scope, "中心区"))[0];

        var view = await Analysis(scope).BreakdownAsync(run, target);

        Assert.Equal(["KB", "KB-1", "KB-2", "KB-3", "JZ", "JZ-1", "JZ-2"], view.Rows.Take(7).Select(r => r.Code));
        var submitted = view.Rows.Single(r => r.Code == "KB-1");
        Assert.Equal(IndicatorSource.DepartmentSubmission, submitted.Source);
        var submission = await (from s in Db(scope).Submissions
                                join n in Db(scope).IndicatorNodes on s.IndicatorNodeId equals n.Id
                                where s.PeriodId == view.Run.PeriodId && s.TargetId == target && n.Code == "KB-1"
                                select s.Id).SingleAsync();
        Assert.Equal(submission, submitted.SubmissionId);
        Assert.Null(submitted.Basis);
        var computed = view.Rows.Single(r => r.Code == "KB-2");
        Assert.Equal(new BasisQuery(view.Run.PeriodId, target, CaseMeasureKind.StartupDays), computed.Basis);
        Assert.Null(computed.SubmissionId);
        var supervised = view.Rows.Single(r => r.Code == "DB-1");
        Assert.Null(supervised.SubmissionId);
        Assert.Null(supervised.Basis);
    }

    [Fact]
    public async Task Department_IsRefusedAnotherTarget_AndTheRefusalIsAudited()
    {
        await using var scope = await app.ScopeAsAccountAsync("dept-amr");
        var run = await RunOfAsync(scope, Published);
        var target = (await TargetsAsync(scope, "中心区"))[0];

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Analysis(scope).BreakdownAsync(run, target));

        Assert.Contains("本部门", ex.Message);
        Assert.True(await Db(scope).AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.AccessDenied && a.UserName == "dept-amr" && a.EntityType == nameof(EvaluationTarget) && a.EntityKey == target.ToString()));
        Assert.Empty(await Analysis(scope).TargetsAsync(run));
    }

    [Fact]
    public async Task Department_IsRefusedAnUnpublishedRun_EvenForItsOwnTarget()
    {
        await using var scope = await app.ScopeAsAccountAsync("dept-amr");
        var run = await RunOfAsync(scope, Unpublished);
        var own = await Db(scope).Targets.Where(t => t.Kind == TargetKind.Department && t.Name == "市场监督管理局").Select(t => t.Id).SingleAsync();

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Analysis(scope).BreakdownAsync(run, own));

        Assert.Contains("尚未发布", ex.Message);
        Assert.True(await Db(scope).AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.AccessDenied && a.UserName == "dept-amr" && a.EntityType == nameof(ScoreRun) && a.EntityKey == run.ToString()));
    }

    [Fact]
    public async Task Leader_IsRefusedAnUnpublishedRun_AndDoesNotSeeItInTheList()
    {
        await using var scope = await app.ScopeAsAccountAsync("leader");
        var run = await RunOfAsync(scope, Unpublished);
        var targets = await TargetsAsync(scope, "中心区", "东城区");

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Analysis(scope).CompareAsync(run, targets));

        Assert.Contains("只有评估办可以查看", ex.Message);
        Assert.True(await Db(scope).AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.AccessDenied && a.UserName == "leader" && a.EntityType == nameof(ScoreRun) && a.EntityKey == run.ToString()));
        var runs = await Analysis(scope).RunsAsync();
        Assert.Equal(Published, runs.First(r => r.TargetKind == TargetKind.Region).PeriodName);
        Assert.All(runs, r => Assert.True(r.IsPublished));
    }

    [Fact]
    public async Task Office_SeesTheNewestUnpublishedRun_Marked()
    {
        await using var scope = await app.ScopeAsAccountAsync("office");
        var run = await RunOfAsync(scope, Unpublished);
        var target = (await TargetsAsync(scope, "中心区"))[0];

        var runs = await Analysis(scope).RunsAsync();
        var view = await Analysis(scope).BreakdownAsync(run, target);

        Assert.Equal((Unpublished, false), (runs[0].PeriodName, runs[0].IsPublished));
        Assert.False(view.Run.IsPublished);
        Assert.Equal(12, (await Analysis(scope).TargetsAsync(run)).Count);
    }
}
