using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Submissions;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Charts;

namespace EvalSystem.Reports.Tests.Bulletins;

/// <summary>A small city's 2026 Q1 results: three districts, two departments, two first-level indicators with two leaves each.</summary>
internal static class SampleReports
{
    public static readonly Guid RunId = new("5c0e0000-0000-4000-8000-000000000001");
    public static readonly DateTimeOffset GeneratedAt = new(2026, 4, 15, 9, 30, 0, TimeSpan.FromHours(8));

    public static ReportHeader Header(string title = "2026年第一季度营商环境评价排名通报") =>
        new(title, "2026年第一季度", RunId, "m-3f9a1c2e", GeneratedAt, "评估办 王敏");

    public static MethodDescription Method() => new(
        [
            new("KB", "开办企业", 1, "开办企业", 0.5, string.Empty, null),
            new("KB-1", "开办企业环节", 2, "开办企业 / 开办企业环节", 0.4, "前沿距离：最优=1；最差=9", IndicatorDirection.LowerIsBetter),
            new("KB-2", "开办企业时间", 2, "开办企业 / 开办企业时间", 0.6, "前沿距离：最优=0.5；最差=20", IndicatorDirection.LowerIsBetter),
            new("ZW", "政务服务", 1, "政务服务", 0.5, string.Empty, null),
            new("ZW-1", "网上可办率", 2, "政务服务 / 网上可办率", 0.5, "目标值：目标=100；封顶=1", IndicatorDirection.HigherIsBetter),
            new("ZW-4", "政务服务满意率", 2, "政务服务 / 政务服务满意率", 0.5, "分档：(-∞,95]=60；(95,99]=80；(99,+∞)=100", IndicatorDirection.HigherIsBetter),
        ],
        "综合得分 = Σ 一级指标得分 × 权重（加权算术平均）。\n缺失值：剔除并重新分配同级权重，插补值在明细中标出。");

    public static readonly FirstLevelIndicator[] RegionFirstLevel = [new("KB", "开办企业"), new("ZW", "政务服务", new ScoreThresholds(70, 95))];

    public static RankingRow Region(string code, string name, double composite, int rank, int? previous, (int, int)? interval, double? kb, double? zw) =>
        new(code, name, TargetKind.Region, composite, rank, previous, interval is { } i ? new RankInterval(i.Item1, i.Item2) : null,
            new Dictionary<string, double?> { ["KB"] = kb, ["ZW"] = zw });

    public static RankingSection Regions() => new(
        TargetKind.Region,
        RegionFirstLevel,
        new ScoreThresholds(60, 90),
        [
            Region("330102", "中心区", 91.25, 1, 2, (1, 2), 95.5, 87),
            Region("330103", "东城区", 82.1, 2, 1, (1, 3), 80, 84.2),
            Region("330127", "石桥县", 41.3, 3, null, null, null, 41.3),
        ],
        new RankingTrend(
            ["2025年第三季度", "2025年第四季度", "2026年第一季度"],
            [new TrendLineChart.Line("中心区", [85, 88.5, 91.25]), new TrendLineChart.Line("东城区", [84, 86, 82.1]), new TrendLineChart.Line("石桥县", [null, null, 41.3])]));

    public static RankingSection Departments() => new(
        TargetKind.Department,
        [new("FW", "服务质量"), new("XL", "办事效率"), new("MY", "群众满意")],
        ScoreThresholds.Default,
        [
            new("SCJGJ", "市场监管局", TargetKind.Department, 88, 1, 1, new RankInterval(1, 1), new Dictionary<string, double?> { ["FW"] = 90, ["XL"] = 85, ["MY"] = 89 }),
            new("SWJ", "税务局", TargetKind.Department, 76.5, 2, 3, new RankInterval(2, 3), new Dictionary<string, double?> { ["FW"] = 70, ["XL"] = 80, ["MY"] = 79.5 }),
        ]);

    public static TargetScorecard East() => new(
        "330103", "东城区", TargetKind.Region, 82.1, 2, 3, new RankInterval(1, 3),
        [
            new("KB", "开办企业", 1, null, null, false, 80, 0.5, null),
            new("KB-1", "开办企业环节", 2, "个", 3, false, 75, 0.2, 15),
            new("KB-2", "开办企业时间", 2, "工作日", 2.5, true, 83.33, 0.3, 25),
            new("ZW", "政务服务", 1, null, null, false, 84.2, 0.5, null),
            new("ZW-1", "网上可办率", 2, "%", 98.4, false, 98.4, 0.25, 24.6),
            new("ZW-4", "政务服务满意率", 2, "%", 99.1, false, 70, 0.25, 17.5),
        ],
        [new("KB", "开办企业", 80, 72), new("ZW", "政务服务", 84.2, 70.8), new("DL", "获得电力", 66, 75)]);

    public static TargetScorecard Center() => East() with { TargetCode = "330102", TargetName = "中心区", Composite = 91.25, Rank = 1, Interval = new RankInterval(1, 2) };

    /// <summary>A name with characters Excel forbids in sheet names and more than 31 characters.</summary>
    public static TargetScorecard Awkward() => East() with { TargetCode = "330199", TargetName = "高新技术产业开发区/经济技术开发区[管委会]:试点*综合?改革示范区", Rank = 3 };

    public static IndicatorMatrix Matrix() => new(
        [new("KB-1", "开办企业环节", "个"), new("KB-2", "开办企业时间", "工作日"), new("ZW-1", "网上可办率", "%")],
        [
            new("330102", "中心区", [new(2, 87.5), new(1.5, 94.87), new(100, 100)]),
            new("330103", "东城区", [new(3, 75), new(2.5, 83.33, Imputed: true), new(98.4, 98.4)]),
            new("330127", "石桥县", [new(null, null), new(12, 41.03), new(61.5, 61.5)]),
        ]);

    public static SubmissionRegisterRow[] Submissions() =>
    [
        new("东城区", "市场监管局", "KB-2", "开办企业时间", "2026年第一季度", 2.5, "工作日", SubmissionStatus.Approved, "李娜",
            new DateTimeOffset(2026, 3, 20, 1, 15, 0, TimeSpan.Zero), "张伟", new DateTimeOffset(2026, 3, 22, 16, 40, 0, TimeSpan.FromHours(8)),
            [new("营业执照办理时限统计.xlsx", "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"), new("窗口照片.jpg", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]),
        new("石桥县", "市场监管局", "KB-2", "开办企业时间", "2026年第一季度", null, "工作日", SubmissionStatus.Returned, "赵强",
            new DateTimeOffset(2026, 3, 21, 10, 0, 0, TimeSpan.FromHours(8)), "张伟", new DateTimeOffset(2026, 3, 23, 9, 5, 0, TimeSpan.FromHours(8)), []),
    ];

    public static RectificationRow[] Rectifications() =>
    [
        new("督〔2026〕3号", "督查检查", "企业开办“一窗通办”窗口人员不足", "东城区", new DateOnly(2026, 3, 31), "已销号", new DateTimeOffset(2026, 3, 28, 17, 0, 0, TimeSpan.FromHours(8)), true),
        new("督〔2026〕7号", "好差评", "差评回访超时", "石桥县", new DateOnly(2026, 4, 10), "已销号", new DateTimeOffset(2026, 4, 12, 11, 0, 0, TimeSpan.FromHours(8)), false),
        new("督〔2026〕9号", "12345热线", "不动产登记预约难", "中心区", new DateOnly(2026, 4, 1), "整改中", null, null),
        new("督〔2026〕11号", "督查检查", "电力报装材料重复提交", "东城区", new DateOnly(2026, 5, 1), "整改中", null, null),
    ];

    public static AuditRow[] Audit() =>
    [
        new(new DateTimeOffset(2026, 4, 1, 0, 5, 0, TimeSpan.Zero), "王敏", "Update", "Submission", "7f1e2d3c-0000-4000-8000-000000000001",
            "{\"Value\":{\"before\":3,\"after\":2.5}}", "10.1.2.3"),
        new(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(8)), null, "LoginFailed", "User", "lina", "密码错误\u0001", null),
    ];
}
