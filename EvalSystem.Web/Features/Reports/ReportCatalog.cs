using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Reports.Generators;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Features.Reports;

/// <summary>The parameters a report kind asks for; the form shows one field per flag.</summary>
[Flags]
public enum ReportInputs
{
    None = 0,

    /// <summary>评分批次: a score run (published; the office also the newest unpublished one of a period).</summary>
    Run = 1,

    /// <summary>评价对象 within the run; with <see cref="AllTargetsAllowed"/> it may be left empty for every target.</summary>
    Target = 2,

    /// <summary>The target may be left empty: every target of the run.</summary>
    AllTargetsAllowed = 4,

    /// <summary>评价周期.</summary>
    Period = 8,

    /// <summary>起止日期 (both inclusive, Beijing dates).</summary>
    DateRange = 16,
}

/// <summary>What a generator gets: its own database context, the checked parameters, and the header values for the file.</summary>
/// <param name="GeneratedBy">The requester's display name, printed on the cover.</param>
public sealed record ReportContext(EvalDbContext Db, ReportParameters Parameters, DateTimeOffset GeneratedAt, string GeneratedBy, IProgress<ReportProgress> Progress);

/// <summary>A step of a generation: percent done (0–100) and what is happening, in Chinese.</summary>
public readonly record struct ReportProgress(int Percent, string Message);

/// <summary>Writes the report to <paramref name="output"/>; returns the file name the download offers.</summary>
public delegate Task<string> ReportGenerator(ReportContext context, Stream output, CancellationToken ct);

/// <summary>
/// One kind of report in the catalogue (报表目录).
/// </summary>
/// <param name="Key">Stable key stored with each job, e.g. <c>ranking</c>; never rename one that has jobs.</param>
/// <param name="Roles">The roles that may request it (the server checks; the form only offers these).</param>
/// <param name="DepartmentOwnTargetOnly">
/// A department user (when <see cref="Roles.Department"/> is in <paramref name="Roles"/>) may request it only for the target that
/// is its own department.
/// </param>
public sealed record ReportKind(
    string Key,
    string DisplayName,
    string Description,
    ReportInputs Inputs,
    IReadOnlyList<string> Roles,
    ReportGenerator Generate,
    bool DepartmentOwnTargetOnly = false)
{
    public bool Has(ReportInputs input) => (Inputs & input) == input;
}

/// <summary>
/// 报表目录: every report the center offers, one entry each. To add a report, add an entry to <see cref="Defaults"/> (or register
/// a <see cref="ReportKind"/> singleton): a key, a name, its inputs, who may request it and a generator. Nothing else changes:
/// the form, the server-side checks, the queue and the history all read this list.
/// </summary>
public sealed class ReportCatalog
{
    private static readonly string[] Everyone = [Security.Roles.Office, Security.Roles.Auditor];
    private static readonly string[] Readers = [Security.Roles.Office, Security.Roles.Auditor, Security.Roles.Leader];

    public static IReadOnlyList<ReportKind> Defaults { get; } =
    [
        new("ranking", "排名通报", "一个评分批次的排名、排名区间、一级指标得分和计算方法。", ReportInputs.Run, Readers, RankingReport.GenerateAsync),
        new("scorecard", "评分卡", "一个评价对象（或批次内全部对象）的综合得分、排名与逐项指标明细。",
            ReportInputs.Run | ReportInputs.Target | ReportInputs.AllTargetsAllowed,
            [.. Readers, Security.Roles.Department], ScorecardReport.GenerateAsync, DepartmentOwnTargetOnly: true),
        new("indicator-detail", "指标明细", "全部评价对象 × 全部指标的原始值与得分。", ReportInputs.Run, Readers, IndicatorDetailReport.GenerateAsync),
        new("submission-register", "填报与佐证台账", "一个评价周期的全部填报、审核记录和佐证材料（含 SHA-256）。", ReportInputs.Period, Everyone, RegisterReports.SubmissionsAsync),
        new("rectification-register", "整改台账", "全部差评整改事项及其期限、状态和是否按期。", ReportInputs.None, Everyone, RegisterReports.RectificationsAsync),
        new("audit-log", "审计日志导出", "指定日期范围内的全部审计日志（流式导出）。", ReportInputs.DateRange, Everyone, RegisterReports.AuditLogAsync),
        new("all-cases", "全部办件", "一个评价周期内受理的全部办件原始数据（流式导出）。", ReportInputs.Period, Everyone, BulkExports.CasesAsync),
        new("all-submissions", "全部填报", "一个评价周期的全部填报原始数据（流式导出）。", ReportInputs.Period, Everyone, BulkExports.SubmissionsAsync),
    ];

    private readonly Dictionary<string, ReportKind> _byKey;

    /// <param name="extra">Kinds registered elsewhere (e.g. by another feature, or a test); a key may not repeat.</param>
    public ReportCatalog(IEnumerable<ReportKind> extra)
    {
        Kinds = [.. Defaults, .. extra];
        _byKey = new Dictionary<string, ReportKind>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            if (!_byKey.TryAdd(kind.Key, kind))
                throw new InvalidOperationException($"Report kind '{kind.Key}' is registered twice.");
        }
    }

    public IReadOnlyList<ReportKind> Kinds { get; }

    public ReportKind? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var kind) ? kind : null;
}
