using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.IndicatorSystems;
using static EvalSystem.Domain.Indicators.IndicatorSource;
using static EvalSystem.Domain.Scoring.IndicatorDirection;

namespace EvalSystem.Reports.Tests.IndicatorSystems;

/// <summary>Realistic indicator systems built in code, and helpers to edit an exported workbook before importing it.</summary>
internal static class SampleSystems
{
    public const int FirstDataRow = 8;

    /// <summary>区县营商环境评价: six groups, 20 indicators, every rule type and both directions; some 办件数据 and 好差评 indicators have a 计算口径.</summary>
    public static IndicatorSystemSheet County() => new(
        "2025年度区县营商环境评价指标体系", "地区", AggregationMethod.WeightedArithmetic, MissingDataPolicy.ExcludeAndReweight, 3,
        [
            Group(1, "KB", "开办企业", 20, "Starting a business"),
            Leaf(2, "KB-1", "开办企业时间", 40, "工作日", LowerIsBetter, DepartmentSubmission, new GoalpostRule(0.5, 20), "SCJGJ", ["ZWFWJ", "SWJ"], warning: 3, advanced: 1, en: "Time to start a business"),
            Leaf(2, "KB-2", "开办企业环节", 30, "个", LowerIsBetter, CaseData, Bands((null, 1, false, true, 100), (1, 3, false, true, 80), (3, 5, false, true, 60), (5, null, false, false, 0)), "SCJGJ"),
            Leaf(2, "KB-3", "企业开办全程网办率", 30, "%", HigherIsBetter, CaseData, new TargetRule(100, 1), "ZWFWJ", warning: 80, advanced: 98, measure: CaseMeasureKind.OnlineShare),
            Group(1, "HD", "获得电力", 15, "Getting electricity"),
            Leaf(2, "HD-1", "获得电力时间", 40, "工作日", LowerIsBetter, DepartmentSubmission, Bands((null, 5, false, true, 100), (5, 10, false, true, 80), (10, 15, false, true, 60), (15, 20, false, true, 40), (20, null, false, false, 0)), "GDJ"),
            Leaf(2, "HD-2", "获得电力成本", 30, "元", LowerIsBetter, DepartmentSubmission, new MinMaxRule(Winsorize: true, MaxWinsorized: 2), "GDJ", ["FGW"]),
            Leaf(2, "HD-3", "供电可靠率", 30, "%", HigherIsBetter, DepartmentSubmission, new ZScoreRule(), "GDJ", warning: 99.9, advanced: 99.99),
            Group(1, "ZW", "政务服务", 25),
            Leaf(2, "ZW-1", "好差评满意率", 20, "%", HigherIsBetter, Ratings, Bands((null, 95, false, false, 30), (95, 98, true, false, 60), (98, 99, true, false, 75), (99, 99.5, true, false, 90), (99.5, null, true, false, 100)), null, en: "Satisfaction rate", measure: CaseMeasureKind.SatisfactionRate),
            Leaf(2, "ZW-2", "政务服务事项网办率", 20, "%", HigherIsBetter, CaseData, new TargetRule(95, 1.05), "ZWFWJ"),
            Leaf(2, "ZW-3", "办件按时办结率", 20, "%", HigherIsBetter, CaseData, new TargetRule(100), "ZWFWJ", warning: 95, advanced: 100, measure: CaseMeasureKind.OnTimeRate),
            Leaf(2, "ZW-4", "即办件占比", 20, "%", HigherIsBetter, CaseData, new MinMaxRule(), "ZWFWJ"),
            Leaf(2, "ZW-5", "政务服务综合效率", 20, "分", HigherIsBetter, IndicatorSource.Formula, new GoalpostRule(100, 60), null, formula: "[ZW-3] * 0.6 + [ZW-4] * 0.4"),
            Group(1, "NS", "纳税", 15, "Paying taxes"),
            Leaf(2, "NS-1", "纳税时间", 33.33m, "小时", LowerIsBetter, DepartmentSubmission, new GoalpostRule(50, 300), "SWJ", warning: 200, advanced: 80),
            Leaf(2, "NS-2", "纳税次数", 33.33m, "次", LowerIsBetter, DepartmentSubmission, new RankPointsRule([100, 95, 90, 85, 80, 70]), "SWJ"),
            Leaf(2, "NS-3", "电子税务局使用率", 33.34m, "%", HigherIsBetter, DepartmentSubmission, new TargetRule(90, 1.2), "SWJ"),
            Group(1, "DB", "督查督办", 15),
            Leaf(2, "DB-1", "督办任务按期完成率", 50, "%", HigherIsBetter, Supervision, new TargetRule(100), "DCS", warning: 90, advanced: 100),
            Leaf(2, "DB-2", "问题整改是否到位", 25, "是/否", HigherIsBetter, Supervision, new YesNoRule(), "DCS"),
            Leaf(2, "DB-3", "重点任务推进排名", 25, "名", LowerIsBetter, Supervision, new RankPointsRule([100, 90, 80, 70, 60]), "DCS"),
            Group(1, "JG", "市场监管", 10),
            Leaf(2, "JG-1", "双随机抽查覆盖率", 40, "%", HigherIsBetter, DepartmentSubmission, new MinMaxRule(Winsorize: true, MaxWinsorized: 5), "SCJGJ"),
            Leaf(2, "JG-2", "信用修复办结时间", 35, "工作日", LowerIsBetter, DepartmentSubmission, new ZScoreRule(), "SCJGJ", ["FGW-XY"], warning: 7, advanced: 2),
            Leaf(2, "JG-3", "投诉举报处理满意度", 25, "分", HigherIsBetter, Ratings, new GoalpostRule(100, 60), null, warning: 80, advanced: 95),
        ]);

    /// <summary>部门考核: three levels, a level-1 group mixing indicators and a second-level group.</summary>
    public static IndicatorSystemSheet Departments() => new(
        "市直部门营商环境考核", "部门", AggregationMethod.WeightedGeometric, MissingDataPolicy.CarryForward, 1,
        [
            Group(1, "A", "政务服务效能", 60, "Service efficiency"),
            Group(2, "A.1", "审批效率", 50),
            Leaf(3, "A.1.1", "承诺时限压缩率", 60, "%", HigherIsBetter, CaseData, new TargetRule(50), "ZWFWJ", warning: 30, advanced: 60),
            Leaf(3, "A.1.2", "平均办理时间", 40, "工作日", LowerIsBetter, CaseData, new GoalpostRule(1, 10), "ZWFWJ", measure: CaseMeasureKind.AverageApprovalDays),
            Group(2, "A.2", "服务质量", 50),
            Leaf(3, "A.2.1", "差评整改率", 100, "%", HigherIsBetter, Ratings, Bands((null, 90, false, false, 0), (90, 100, true, true, 100), (100, null, false, false, 100)), null, measure: CaseMeasureKind.RectificationRate),
            Group(1, "B", "督查落实", 40),
            Leaf(2, "B.1", "督办事项按期办结", 70, "%", HigherIsBetter, Supervision, new TargetRule(100), "DCS"),
            Group(2, "B.2", "问题整改", 30),
            Leaf(3, "B.2.1", "整改到位", 50, "是/否", HigherIsBetter, Supervision, new YesNoRule(), "DCS"),
            Leaf(3, "B.2.2", "整改综合得分", 50, "分", HigherIsBetter, IndicatorSource.Formula, new MinMaxRule(), null, formula: "[B.1] / 2 + [A.2.1] / 2"),
        ]);

    public static IndicatorRow Group(int level, string code, string name, decimal weight, string? en = null)
        => new(0, level, code, name, en, weight, false, null, null, null, null, [], null, null, null, null);

    public static IndicatorRow Leaf(
        int level, string code, string name, decimal weight, string unit, IndicatorDirection direction, IndicatorSource source, ScoringRule rule,
        string? department, string[]? supporting = null, double? warning = null, double? advanced = null, string? formula = null, string? en = null,
        CaseMeasureKind? measure = null)
        => new(0, level, code, name, en, weight, true, unit, direction, source, department, supporting ?? [], warning, advanced,
            ScoringRuleJson.Serialize(rule), formula, measure);

    public static BandsRule Bands(params (double? Lower, double? Upper, bool LowerInclusive, bool UpperInclusive, double Score)[] bands)
        => new(bands.Select(b => new Band(b.Lower, b.Upper, b.LowerInclusive, b.UpperInclusive, b.Score)).ToList());

    /// <summary>The Excel row of the node with this code in an exported sheet.</summary>
    public static int RowOf(this IndicatorSystemSheet sheet, string code)
        => FirstDataRow + sheet.Rows.ToList().FindIndex(r => r.Code == code);

    public static ImportResult Import(byte[] xlsx) => IndicatorSystemWorkbook.Import(new MemoryStream(xlsx));

    /// <summary>Exports the sheet, applies an edit the way an office would in Excel, and imports the result.</summary>
    public static ImportResult ImportEdited(IndicatorSystemSheet sheet, Action<IXLWorksheet> edit)
        => Import(Edit(Exports.GetValue(sheet, IndicatorSystemWorkbook.Export), wb => edit(wb.Worksheet("指标体系"))));

    // Exporting is the slow part of these tests; each sample is exported once.
    private static readonly ConditionalWeakTable<IndicatorSystemSheet, byte[]> Exports = new();

    public static byte[] Edit(byte[] xlsx, Action<XLWorkbook> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        edit(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
