using EvalSystem.Domain.Common;
using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Supervision;
using static EvalSystem.Domain.Tests.Supervision.SupervisionFixture;

namespace EvalSystem.Domain.Tests.Supervision;

public class SupervisionTaskGeneratorTests
{
    private static readonly Guid Period = Guid.Parse("0195f0a0-0000-7000-8000-0000000000a1");
    private static readonly Guid Run = Guid.Parse("0195f0a0-0000-7000-8000-0000000000b1");
    private static readonly DateOnly Deadline = new(2026, 4, 30);

    private static readonly Guid Shiqiao = Guid.Parse("0195f0a0-0000-7000-8000-0000000000c1");
    private static readonly Guid Hexi = Guid.Parse("0195f0a0-0000-7000-8000-0000000000c2");

    private static IndicatorScoreRow Row(Guid target, string code, double? raw, double? warning, IndicatorDirection direction, string name = "石桥县") =>
        new(target, name, Dept, "990102", code, code == "KB-2" ? "开办企业时间" : "网上可办率", raw, 45.3, warning, direction);

    private static CompositeScoreRow Composite(string name, int rank, double composite = 60) =>
        new(Guid.CreateVersion7(), name, Dept, null, composite, rank);

    private static SupervisionScoreInput Scores(IReadOnlyList<IndicatorScoreRow>? indicators = null, IReadOnlyList<CompositeScoreRow>? composites = null) =>
        new(Period, "2026年第一季度", Run, indicators ?? [], composites ?? []);

    private static IReadOnlyList<SupervisionTaskDraft> Generate(SupervisionScoreInput scores, int bottomN = 0, IEnumerable<SupervisionTask>? existing = null) =>
        SupervisionTaskGenerator.FromScores(scores, bottomN, Deadline, existing ?? []);

    [Theory]
    [InlineData(89.9, 90, IndicatorDirection.HigherIsBetter, true)]
    [InlineData(90, 90, IndicatorDirection.HigherIsBetter, false)]
    [InlineData(95, 90, IndicatorDirection.HigherIsBetter, false)]
    [InlineData(12.5, 10, IndicatorDirection.LowerIsBetter, true)]
    [InlineData(10, 10, IndicatorDirection.LowerIsBetter, false)]
    [InlineData(3, 10, IndicatorDirection.LowerIsBetter, false)]
    public void FromScores_WarningRespectsTheDirection(double raw, double warning, IndicatorDirection direction, bool expectTask)
    {
        var drafts = Generate(Scores([Row(Shiqiao, "KB-2", raw, warning, direction)]));
        Assert.Equal(expectTask ? 1 : 0, drafts.Count);
    }

    [Theory]
    [InlineData(null, 10.0)]
    [InlineData(12.5, null)]
    [InlineData(double.NaN, 10.0)]
    public void FromScores_RowWithoutValueOrWarning_IsSkipped(double? raw, double? warning) =>
        Assert.Empty(Generate(Scores([Row(Shiqiao, "KB-2", raw, warning, IndicatorDirection.LowerIsBetter)])));

    [Fact]
    public void FromScores_WarningDraft_CarriesTheOriginAndSaysWhatIsWrong()
    {
        var draft = Assert.Single(Generate(Scores([Row(Shiqiao, "KB-2", 12.5, 10, IndicatorDirection.LowerIsBetter)])));

        Assert.Equal((SupervisionSource.ScoreWarning, Dept, "990102", Deadline), (draft.Source, draft.DepartmentId, draft.RegionCode, draft.Deadline));
        Assert.Equal((Shiqiao, "KB-2", Period, Run), (draft.TargetId!.Value, draft.IndicatorCode, draft.PeriodId!.Value, draft.ScoreRunId!.Value));
        Assert.Equal("石桥县「开办企业时间」高于预警值", draft.Title);
        Assert.Equal("2026年第一季度，石桥县的「开办企业时间」（KB-2）为12.5，高于预警值10（逆向指标，越低越好），得分45.3。请分析原因，限期整改。", draft.Problem);
    }

    [Fact]
    public void FromScores_HigherIsBetter_SaysBelow()
    {
        var draft = Assert.Single(Generate(Scores([Row(Shiqiao, "ZW-1", 85, 90, IndicatorDirection.HigherIsBetter)])));
        Assert.Contains("低于预警值90（正向指标，越高越好）", draft.Problem);
    }

    [Fact]
    public void FromScores_BottomN_TakesTheWorstRanksWorstFirst()
    {
        var rows = new[] { Composite("甲", 1), Composite("乙", 2), Composite("丙", 3), Composite("丁", 4), Composite("戊", 5, 41.237) };

        var drafts = Generate(Scores(composites: rows), bottomN: 2);

        Assert.Equal([rows[4].TargetId, rows[3].TargetId], drafts.Select(d => d.TargetId!.Value));
        Assert.All(drafts, d => Assert.Equal((SupervisionSource.RankingBottom, SupervisionPriority.Important, null, Period), (d.Source, d.Priority, d.IndicatorCode, d.PeriodId!.Value)));
        Assert.Equal("戊综合排名靠后（第5名）", drafts[0].Title);
        Assert.Contains("综合得分41.24，在5个评价对象中排第5名，位列后2名", drafts[0].Problem);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 4 }, 1, new[] { 4, 4 })]
    [InlineData(new[] { 1, 2, 2, 4 }, 2, new[] { 4, 2, 2 })]
    [InlineData(new[] { 1, 2, 2, 4 }, 3, new[] { 4, 2, 2 })]
    [InlineData(new[] { 1, 1, 1 }, 1, new[] { 1, 1, 1 })]
    [InlineData(new[] { 1, 2, 3 }, 5, new[] { 3, 2, 1 })]
    [InlineData(new[] { 1, 2, 3 }, 0, new int[0])]
    public void FromScores_BottomN_IncludesEveryTargetTiedWithTheNthFromTheBottom(int[] ranks, int bottomN, int[] expectedRanks)
    {
        var rows = ranks.Select((r, i) => Composite($"T{i}", r)).ToList();
        var drafts = Generate(Scores(composites: rows), bottomN);
        Assert.Equal(expectedRanks, drafts.Select(d => rows.Single(r => r.TargetId == d.TargetId).Rank));
    }

    [Fact]
    public void FromScores_NegativeBottomN_IsRefused() =>
        Assert.Throws<DomainException>(() => Generate(Scores(), bottomN: -1));

    [Fact]
    public void FromScores_RunAgainAfterIssuing_ProposesNothingNew()
    {
        var scores = Scores(
            [Row(Shiqiao, "KB-2", 12.5, 10, IndicatorDirection.LowerIsBetter), Row(Hexi, "ZW-1", 85, 90, IndicatorDirection.HigherIsBetter, "河西区")],
            [Composite("甲", 1), Composite("乙", 2)]);
        var first = Generate(scores, bottomN: 1);
        var issued = first.Select((d, i) => new SupervisionTask(new SupervisionNumber(2026, i + 1), d, Office, Now)).ToList();

        Assert.Equal(3, issued.Count);
        Assert.Empty(Generate(scores, bottomN: 1, existing: issued));
    }

    [Fact]
    public void FromScores_ClosedTaskForTheSameProblemAndPeriod_AlsoPreventsASecondTask()
    {
        var scores = Scores([Row(Shiqiao, "KB-2", 12.5, 10, IndicatorDirection.LowerIsBetter)]);
        var task = new SupervisionTask(Number, Generate(scores).Single(), Office, Now);
        CloseOn(task, Today.AddDays(3));

        Assert.Empty(Generate(scores, existing: [task]));
    }

    [Fact]
    public void FromScores_ExistingTaskOfAnotherPeriodOrIndicator_DoesNotPreventANewOne()
    {
        var scores = Scores([Row(Shiqiao, "KB-2", 12.5, 10, IndicatorDirection.LowerIsBetter)]);
        var draft = Generate(scores).Single();
        var otherPeriod = new SupervisionTask(Number, draft with { PeriodId = Guid.CreateVersion7() }, Office, Now);
        var otherIndicator = new SupervisionTask(Number, draft with { IndicatorCode = "KB-1" }, Office, Now);
        var compositeTask = new SupervisionTask(Number, draft with { Source = SupervisionSource.RankingBottom, IndicatorCode = null }, Office, Now);
        var manual = new SupervisionTask(Number, Draft(), Office, Now);

        Assert.Single(Generate(scores, existing: [otherPeriod, otherIndicator, compositeTask, manual]));
    }

    [Fact]
    public void FromScores_SameTargetAndIndicatorTwiceInOneInput_GivesOneDraft() =>
        Assert.Single(Generate(Scores([Row(Shiqiao, "KB-2", 12.5, 10, IndicatorDirection.LowerIsBetter), Row(Shiqiao, "KB-2", 12.5, 10, IndicatorDirection.LowerIsBetter)])));

    [Fact]
    public void FromScores_WarningAndBottomRankForOneTarget_AreTwoProblems()
    {
        var composite = Composite("石桥县", 2) with { TargetId = Shiqiao };
        var drafts = Generate(Scores([Row(Shiqiao, "KB-2", 12.5, 10, IndicatorDirection.LowerIsBetter)], [Composite("河西区", 1), composite]), bottomN: 1);
        Assert.Equal([SupervisionSource.ScoreWarning, SupervisionSource.RankingBottom], drafts.Select(d => d.Source));
    }

    [Fact]
    public void FromBadReview_DraftsARectificationThatCanBeIssued()
    {
        var rating = Guid.CreateVersion7();

        var draft = SupervisionTaskGenerator.FromBadReview(rating, Dept, "990102", new DateTime(2026, 3, 1, 14, 5, 0), "窗口让我跑了三趟。", Today.AddDays(10));
        var task = new SupervisionTask(Number, draft, Office, Now);

        Assert.Equal((SupervisionSource.BadReview, rating, Dept, "990102", Today.AddDays(10)), (task.Source, task.RatingId!.Value, task.DepartmentId, task.RegionCode, task.Deadline));
        Assert.Equal("差评整改：2026-03-01 14:05收到的差评", task.Title);
        Assert.Contains("评价内容：窗口让我跑了三趟。", task.Problem);
        Assert.Contains("回访", task.Problem);
    }

    [Fact]
    public void FromBadReview_WithoutComment_SaysSo()
    {
        var draft = SupervisionTaskGenerator.FromBadReview(Guid.CreateVersion7(), Dept, null, new DateTime(2026, 3, 1, 14, 5, 0), "  ", Today.AddDays(10));
        Assert.Contains("（评价人未留言）", draft.Problem);
    }

    [Fact]
    public void FromBadReview_VeryLongComment_IsShortenedSoTheTaskCanStillBeIssued()
    {
        var draft = SupervisionTaskGenerator.FromBadReview(Guid.CreateVersion7(), Dept, null, new DateTime(2026, 3, 1), new string('慢', 5000), Today.AddDays(10));
        var task = new SupervisionTask(Number, draft, Office, Now);
        Assert.Contains("……", task.Problem);
    }
}
