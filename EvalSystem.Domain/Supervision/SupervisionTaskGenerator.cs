using System.Globalization;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Supervision;

/// <summary>
/// One leaf indicator of one target in a score run: the raw value and score, and the warning value (预警值, on the
/// raw value's scale) it is checked against. <see cref="DepartmentId"/> is the department a task would go to.
/// </summary>
public sealed record IndicatorScoreRow(
    Guid TargetId,
    string TargetName,
    Guid DepartmentId,
    string? RegionCode,
    string IndicatorCode,
    string IndicatorName,
    double? RawValue,
    double? Score,
    double? WarningValue,
    IndicatorDirection Direction);

/// <summary>One target's composite score and rank (competition ranking, 1 = best) in a score run.</summary>
public sealed record CompositeScoreRow(
    Guid TargetId,
    string TargetName,
    Guid DepartmentId,
    string? RegionCode,
    double Composite,
    int Rank);

/// <summary>The results of one score run of one period, as the generator reads them.</summary>
public sealed record SupervisionScoreInput(
    Guid PeriodId,
    string PeriodName,
    Guid ScoreRunId,
    IReadOnlyList<IndicatorScoreRow> Indicators,
    IReadOnlyList<CompositeScoreRow> Composites);

/// <summary>
/// Proposes supervision tasks from scores and bad reviews. Pure: it returns drafts for the office to review and
/// issue; it numbers, saves and sends nothing.
/// </summary>
public static class SupervisionTaskGenerator
{
    /// <summary>
    /// Drafts a task for every target beyond the warning value of an indicator (<see cref="SupervisionSource.ScoreWarning"/>)
    /// and for every target among the bottom <paramref name="bottomN"/> of the composite ranking
    /// (<see cref="SupervisionSource.RankingBottom"/>; targets tied with the N-th from the bottom are all included).
    /// A target, indicator and period that already has a task — open or closed, since a closed task means the problem
    /// of that period was rectified — gets no second one, so running this again after a re-run of the scores adds only
    /// what is new. Composite-ranking tasks have no indicator code. Rows without a raw value or a warning value are skipped.
    /// </summary>
    public static IReadOnlyList<SupervisionTaskDraft> FromScores(SupervisionScoreInput scores, int bottomN, DateOnly deadline, IEnumerable<SupervisionTask> existingTasks)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(existingTasks);
        if (bottomN < 0)
            throw new DomainException($"排名靠后的名次数不能为负数，当前为{bottomN}。");

        var taken = new HashSet<(Guid TargetId, string? IndicatorCode)>();
        foreach (var task in existingTasks)
        {
            if (task.PeriodId == scores.PeriodId && task.TargetId is { } targetId)
                taken.Add((targetId, task.IndicatorCode));
        }

        var drafts = new List<SupervisionTaskDraft>();
        foreach (var row in scores.Indicators)
        {
            if (row.RawValue is not { } raw || row.WarningValue is not { } warning || !IsBeyondWarning(raw, warning, row.Direction))
                continue;
            if (!taken.Add((row.TargetId, row.IndicatorCode)))
                continue;
            var side = row.Direction == IndicatorDirection.LowerIsBetter ? "高于预警值" : "低于预警值";
            var rule = row.Direction == IndicatorDirection.LowerIsBetter ? "逆向指标，越低越好" : "正向指标，越高越好";
            var score = row.Score is { } s ? Text($"，得分{s:0.##}") : "";
            drafts.Add(new SupervisionTaskDraft(
                $"{row.TargetName}「{row.IndicatorName}」{side}",
                Text($"{scores.PeriodName}，{row.TargetName}的「{row.IndicatorName}」（{row.IndicatorCode}）为{raw:0.##}，{side}{warning:0.##}（{rule}）{score}。请分析原因，限期整改。"),
                SupervisionSource.ScoreWarning,
                row.DepartmentId,
                deadline)
            {
                RegionCode = row.RegionCode,
                TargetId = row.TargetId,
                IndicatorCode = row.IndicatorCode,
                PeriodId = scores.PeriodId,
                ScoreRunId = scores.ScoreRunId,
            });
        }

        foreach (var row in BottomOfRanking(scores.Composites, bottomN))
        {
            if (!taken.Add((row.TargetId, null)))
                continue;
            drafts.Add(new SupervisionTaskDraft(
                Text($"{row.TargetName}综合排名靠后（第{row.Rank}名）"),
                Text($"{scores.PeriodName}，{row.TargetName}综合得分{row.Composite:0.##}，在{scores.Composites.Count}个评价对象中排第{row.Rank}名，位列后{bottomN}名。请对照失分指标分析原因，限期整改。"),
                SupervisionSource.RankingBottom,
                row.DepartmentId,
                deadline,
                SupervisionPriority.Important)
            {
                RegionCode = row.RegionCode,
                TargetId = row.TargetId,
                PeriodId = scores.PeriodId,
                ScoreRunId = scores.ScoreRunId,
            });
        }

        return drafts;
    }

    /// <summary>
    /// Drafts the rectification (整改) of a bad review (差评) as a task with source <see cref="SupervisionSource.BadReview"/>.
    /// <paramref name="ratedAt"/> is the local time of the rating; <paramref name="deadline"/> is the rectification deadline
    /// (locally 5–15 working days, computed by the caller with the working-day calendar).
    /// </summary>
    public static SupervisionTaskDraft FromBadReview(Guid ratingId, Guid departmentId, string? regionCode, DateTime ratedAt, string? comment, DateOnly deadline)
    {
        const int maxComment = 1800; // leaves room for the surrounding sentence within the 2000 characters of a problem
        var said = string.IsNullOrWhiteSpace(comment) ? "（评价人未留言）" : comment.Trim();
        if (said.Length > maxComment)
            said = string.Concat(said.AsSpan(0, maxComment), "……");
        return new SupervisionTaskDraft(
            Text($"差评整改：{ratedAt:yyyy-MM-dd HH:mm}收到的差评"),
            Text($"{ratedAt:yyyy-MM-dd HH:mm}收到差评。评价内容：{said}\n请核实情况、限期整改，并回访评价人。"),
            SupervisionSource.BadReview,
            departmentId,
            deadline)
        {
            RegionCode = regionCode,
            RatingId = ratingId,
        };
    }

    /// <summary>
    /// Whether a raw value is on the wrong side of the warning value: below it when higher is better, above it when lower
    /// is better. A value equal to the warning value is not beyond it.
    /// </summary>
    public static bool IsBeyondWarning(double rawValue, double warningValue, IndicatorDirection direction) =>
        double.IsFinite(rawValue) && double.IsFinite(warningValue) &&
        (direction == IndicatorDirection.LowerIsBetter ? rawValue > warningValue : rawValue < warningValue);

    private static IEnumerable<CompositeScoreRow> BottomOfRanking(IReadOnlyList<CompositeScoreRow> rows, int bottomN)
    {
        if (bottomN == 0 || rows.Count == 0)
            return [];
        var worstFirst = rows.OrderByDescending(r => r.Rank).ThenBy(r => r.TargetName, StringComparer.Ordinal).ToList();
        var cutoff = worstFirst[Math.Min(bottomN, worstFirst.Count) - 1].Rank;
        return worstFirst.TakeWhile(r => r.Rank >= cutoff);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
