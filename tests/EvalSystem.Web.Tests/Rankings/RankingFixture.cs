using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Rankings;

/// <summary>
/// The demo city (region runs: 2025 Q4 – 2026 Q2 published, 2026 Q3 scored but unpublished) plus a department ranking
/// the demo does not have: 2026 Q2 for the 16 departments, run 1 published and a newer run 2 not yet published.
/// Run 1 ranks the departments in catalogue order, run 2 in reverse, so which run a reader sees shows in the first row.
/// </summary>
public sealed class RankingFixture : IAsyncLifetime
{
    public const string DepartmentPeriod = "2026年第四季度（部门）";

    public AppFixture App { get; } = new();

    public Guid DepartmentPublishedRunId { get; private set; }
    public Guid DepartmentUnpublishedRunId { get; private set; }

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.ScopeAs("office", Roles.Office);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var now = DateTime.UtcNow;
        var departments = await (from t in db.Targets
                                 join d in db.Departments on t.DepartmentId equals (Guid?)d.Id
                                 orderby d.Code
                                 select new { TargetId = t.Id, d.Kind }).ToListAsync();

        var system = new IndicatorSystem("部门服务评价", TargetKind.Department, now);
        var service = system.AddGroup("FW", "服务质量", null, 60);
        system.AddIndicator(service, "FW-1", "办结率", null, 100,
            new IndicatorDefinition("%", IndicatorDirection.HigherIsBetter, IndicatorSource.CaseData, null, RuleJson: """{"type":"goalpost","best":100,"worst":0}"""));
        var speed = system.AddGroup("XL", "办事效率", null, 40);
        system.AddIndicator(speed, "XL-1", "平均办理时间", null, 100,
            new IndicatorDefinition("工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.CaseData, null, RuleJson: """{"type":"goalpost","best":1,"worst":20}"""));
        system.Publish(now);
        var period = new EvaluationPeriod(DepartmentPeriod, system, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        db.IndicatorSystems.Add(system);
        db.Periods.Add(period);

        var office = new UserRef("seed", "office");
        var published = new ScoreRun(period.Id, system.Id, 1, new string('a', 64), new string('b', 64), [0], departments.Count, new SensitivitySettings(), office, now);
        published.Publish(office, now);
        var unpublished = new ScoreRun(period.Id, system.Id, 2, new string('a', 64), new string('c', 64), [0], departments.Count, new SensitivitySettings(), office, now.AddMinutes(5));
        db.ScoreRuns.AddRange(published, unpublished);
        var groups = system.Nodes.Where(n => n.Level == 1).OrderBy(n => n.SortOrder).ToList();
        for (var i = 0; i < departments.Count; i++)
        {
            var target = departments[i].TargetId;
            AddResult(db, published.Id, target, rank: i + 1, count: departments.Count, groups);
            AddResult(db, unpublished.Id, target, rank: departments.Count - i, count: departments.Count, groups);
        }
        await db.SaveChangesAsync();
        await ScoreRunStore.StoreNodeAveragesAsync(db, published.Id, default); // as the score store does after the results
        await ScoreRunStore.StoreNodeAveragesAsync(db, unpublished.Id, default);
        DepartmentPublishedRunId = published.Id;
        DepartmentUnpublishedRunId = unpublished.Id;
    }

    private static void AddResult(EvalDbContext db, Guid runId, Guid targetId, int rank, int count, List<IndicatorNode> groups)
    {
        var composite = 90.0 - rank * 2;
        db.TargetScores.Add(new TargetScoreRecord(runId, targetId, composite, rank, compositeChange: null, rankChange: null, composite, 0,
            medianRank: rank, rank5: Math.Max(1, rank - 1), rank95: Math.Min(count, rank + 1)));
        foreach (var group in groups)
            db.IndicatorScores.Add(new IndicatorScoreRecord(runId, targetId, group.Id, isLeaf: false, null, Imputation.None, composite + (group.Code == "FW" ? 1 : -1), (double)(group.Weight / 100m), null));
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>The ranking tests share one seeded app: seeding the demo city with its score runs is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class RankingCollection : ICollectionFixture<RankingFixture>
{
    public const string Name = "Rankings";
}
