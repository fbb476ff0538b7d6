using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Data.Seed;

/// <summary>
/// The fictional demo city 示范市: its districts and counties, departments and the region indicator
/// system drawn from the real indicator catalogue (see DOMAIN.md). Codes use the unassigned
/// province prefix 99 so they can never be mistaken for a real place.
/// </summary>
internal static class DemoCatalog
{
    public const string CityCode = "990100";
    public const string CityName = "示范市";

    public static readonly (string Code, string Name, RegionLevel Level)[] Districts =
    [
        ("990102", "中心区", RegionLevel.District),
        ("990103", "东城区", RegionLevel.District),
        ("990104", "西城区", RegionLevel.District),
        ("990105", "南湖区", RegionLevel.District),
        ("990106", "北山区", RegionLevel.District),
        ("990107", "高新区", RegionLevel.District),
        ("990108", "经开区", RegionLevel.District),
        ("990121", "青溪县", RegionLevel.District),
        ("990122", "云岭县", RegionLevel.District),
        ("990123", "石桥县", RegionLevel.District),
        ("990181", "临江市", RegionLevel.District),
        ("990182", "白河市", RegionLevel.District),
    ];

    public static readonly (string Code, string Name, DepartmentKind Kind)[] Departments =
    [
        ("AMR", "市场监督管理局", DepartmentKind.Government),
        ("TAX", "税务局", DepartmentKind.Government),
        ("NRP", "自然资源和规划局", DepartmentKind.Government),
        ("HURD", "住房和城乡建设局", DepartmentKind.Government),
        ("POWER", "示范供电公司", DepartmentKind.PublicUtility),
        ("GSA", "政务服务管理局", DepartmentKind.Government),
        ("DRC", "发展和改革委员会", DepartmentKind.Government),
        ("COURT", "中级人民法院", DepartmentKind.Government),
        ("PSB", "公安局", DepartmentKind.Government),
        ("HRSS", "人力资源和社会保障局", DepartmentKind.Government),
        ("WATER", "示范水务集团", DepartmentKind.PublicUtility),
        ("TRANS", "交通运输局", DepartmentKind.Government),
        ("ECO", "生态环境局", DepartmentKind.Government),
        ("COMM", "商务局", DepartmentKind.Government),
        ("JUST", "司法局", DepartmentKind.Government),
        ("SUP", "市政府督查室", DepartmentKind.Government),
    ];

    /// <summary>First-level groups: code, name, English name, weight (%).</summary>
    public static readonly (string Code, string Name, string NameEn, decimal Weight)[] Groups =
    [
        ("KB", "开办企业", "Starting a business", 15),
        ("JZ", "办理建筑许可", "Dealing with construction permits", 15),
        ("DL", "获得电力", "Getting electricity", 10),
        ("DC", "登记财产", "Registering property", 10),
        ("NS", "纳税", "Paying taxes", 10),
        ("HT", "执行合同与办理破产", "Enforcing contracts and resolving insolvency", 10),
        ("ZW", "政务服务", "Government services", 20),
        ("DB", "督查督办与企业满意度", "Supervision and firm satisfaction", 10),
    ];

    /// <summary>
    /// Leaf indicators with the parameters the demo data generator uses: a typical value, the
    /// plausible range and the number of decimals a real submission would carry.
    /// </summary>
    public static readonly DemoIndicator[] Indicators =
    [
        new("KB", "KB-1", "开办企业环节", "Procedures to start a business", "个", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "AMR", 30, Goalpost(1, 9), 4, 1, 9, 0, 6, 2),
        new("KB", "KB-2", "开办企业时间", "Time to start a business", "工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.CaseData, "AMR", 40, Goalpost(0.5, 20), 2.5, 0.5, 20, 1, 5, 1),
        new("KB", "KB-3", "开办企业费用", "Cost to start a business", "占人均收入%", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "AMR", 30, Goalpost(0, 20), 2, 0, 20, 2, 4, 0.5),
        new("JZ", "JZ-1", "办理建筑许可时间", "Construction-permit time", "工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "HURD", 60, Goalpost(60, 200), 95, 40, 250, 0, 120, 70),
        new("JZ", "JZ-2", "工程建设审批事项数", "Approval items per project", "项", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "HURD", 40, Goalpost(30, 100), 55, 25, 110, 0, 70, 40),
        new("DL", "DL-1", "获得电力环节", "Procedures to get electricity", "个", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "POWER", 30, Goalpost(3, 9), 3.5, 2, 9, 0, 5, 3),
        new("DL", "DL-2", "获得电力时间", "Time to get electricity", "工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "POWER", 40, ElectricityBands, 8, 1, 40, 1, 12, 5),
        new("DL", "DL-3", "供电可靠性指数", "Supply reliability index", "分(0–8)", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "POWER", 30, Goalpost(8, 0), 6, 0, 8, 0, 5, 7),
        new("DC", "DC-1", "登记财产时间", "Time to register property", "工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "NRP", 100, Goalpost(1, 30), 5, 0.5, 40, 1, 8, 3),
        new("NS", "NS-1", "纳税时间", "Tax compliance time", "小时/年", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "TAX", 50, Goalpost(50, 300), 120, 40, 400, 0, 160, 90),
        new("NS", "NS-2", "纳税次数", "Tax payments", "次/年", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "TAX", 50, Goalpost(3, 30), 7, 3, 30, 0, 10, 5),
        new("HT", "HT-1", "执行合同时间", "Time to enforce a contract", "天", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "COURT", 50, Goalpost(150, 600), 380, 120, 900, 0, 450, 300),
        new("HT", "PC-1", "破产回收率", "Insolvency recovery rate", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "COURT", 50, """{"type":"minmax","winsorize":true,"maxWinsorized":2}""", 35, 5, 90, 1, 25, 45),
        new("ZW", "ZW-1", "网上可办率", "Share of items that can be done online", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "GSA", 15, Target(100), 95, 60, 100, 1, 90, 98),
        new("ZW", "ZW-2", "平均审批时间", "Average approval time", "工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.CaseData, "GSA", 25, Goalpost(1, 20), 4.5, 0.5, 30, 2, 7, 3),
        new("ZW", "ZW-3", "承诺时限压缩率", "Cut of promised time limits", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "GSA", 15, Target(60), 55, 10, 95, 1, 40, 60),
        new("ZW", "ZW-4", "政务服务满意率", "Government-service satisfaction rate", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.Ratings, "GSA", 25, SatisfactionBands, 99.2, 90, 100, 2, 98.5, 99.5),
        new("ZW", "ZW-5", "差评整改率", "Bad-review rectification rate", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "GSA", 20, Target(100), 96, 50, 100, 1, 90, 100),
        new("DB", "DB-1", "督办任务按期完成率", "On-time completion of supervised tasks", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.Supervision, "SUP", 50, Target(100), 90, 40, 100, 1, 80, 98),
        new("DB", "QY-1", "企业满意度", "Firm satisfaction (survey)", "分", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "DRC", 50, """{"type":"minmax","winsorize":true,"maxWinsorized":2}""", 82, 40, 100, 1, 75, 90),
    ];

    /// <summary>First-level groups of the department assessment (部门考核): code, name, English name, weight (%).</summary>
    public static readonly (string Code, string Name, string NameEn, decimal Weight)[] DepartmentGroups =
    [
        ("GZ", "工作落实", "Delivery of reform tasks", 40),
        ("XN", "服务效能", "Service efficiency", 35),
        ("PJ", "企业和群众评价", "Firm and citizen rating", 25),
    ];

    /// <summary>Leaf indicators of the department assessment, reported by the inspection office and the government-service bureau.</summary>
    public static readonly DemoIndicator[] DepartmentIndicators =
    [
        new("GZ", "GZ-1", "改革任务完成率", "Reform tasks completed", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "SUP", 60, Target(100), 88, 40, 100, 1, 75, 98),
        new("GZ", "GZ-2", "督办事项办结率", "Supervised items closed", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "SUP", 40, Target(100), 90, 40, 100, 1, 80, 98),
        new("XN", "XN-1", "承诺时限压缩率", "Cut of promised time limits", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "GSA", 50, Target(60), 50, 10, 95, 1, 35, 60),
        new("XN", "XN-2", "平均办理时间", "Average handling time", "工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, "GSA", 50, Goalpost(1, 20), 5, 0.5, 30, 1, 8, 3),
        new("PJ", "PJ-1", "好差评满意率", "Satisfaction in ratings", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "GSA", 60, SatisfactionBands, 99, 90, 100, 2, 98.5, 99.5),
        new("PJ", "PJ-2", "差评整改按期率", "Bad reviews rectified on time", "%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, "GSA", 40, Target(100), 92, 50, 100, 1, 85, 100),
    ];

    /// <summary>Headline indicators shown first on the dashboard.</summary>
    public static readonly string[] Headlines = ["KB-2", "ZW-2", "ZW-4"];

    private static string Goalpost(double best, double worst) =>
        FormattableString.Invariant($$"""{"type":"goalpost","best":{{best}},"worst":{{worst}}}""");

    private static string Target(double target) =>
        FormattableString.Invariant($$"""{"type":"target","target":{{target}},"cap":1}""");

    // 获得电力时间: ≤5 → 100, ≤10 → 80, ≤15 → 60, ≤20 → 40, >20 → 0.
    private const string ElectricityBands = """
        {"type":"bands","bands":[
        {"lower":null,"upper":5,"lowerInclusive":false,"upperInclusive":true,"score":100},
        {"lower":5,"upper":10,"lowerInclusive":false,"upperInclusive":true,"score":80},
        {"lower":10,"upper":15,"lowerInclusive":false,"upperInclusive":true,"score":60},
        {"lower":15,"upper":20,"lowerInclusive":false,"upperInclusive":true,"score":40},
        {"lower":20,"upper":null,"lowerInclusive":false,"upperInclusive":false,"score":0}]}
        """;

    // 政务服务满意率: the field's bands sit close to 99–100 %.
    private const string SatisfactionBands = """
        {"type":"bands","bands":[
        {"lower":null,"upper":95,"lowerInclusive":false,"upperInclusive":false,"score":30},
        {"lower":95,"upper":98,"lowerInclusive":true,"upperInclusive":false,"score":60},
        {"lower":98,"upper":99,"lowerInclusive":true,"upperInclusive":false,"score":75},
        {"lower":99,"upper":99.5,"lowerInclusive":true,"upperInclusive":false,"score":90},
        {"lower":99.5,"upper":null,"lowerInclusive":true,"upperInclusive":false,"score":100}]}
        """;
}

internal sealed record DemoIndicator(
    string Group, string Code, string Name, string NameEn, string Unit, IndicatorDirection Direction, IndicatorSource Source,
    string Department, decimal Weight, string RuleJson,
    double Typical, double Min, double Max, int Decimals, double Warning, double Advanced)
{
    /// <summary>The case-data or ratings measure that fills a computed indicator.</summary>
    public CaseMeasureKind? Measure => Code switch
    {
        "KB-2" => CaseMeasureKind.StartupDays,
        "ZW-2" => CaseMeasureKind.AverageApprovalDays,
        "ZW-4" => CaseMeasureKind.SatisfactionRate,
        _ => null,
    };
}
