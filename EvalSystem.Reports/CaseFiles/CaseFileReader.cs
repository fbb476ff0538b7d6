using EvalSystem.Domain.Cases;
using C = EvalSystem.Reports.CaseFiles.CaseFileColumns;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Reads a 办件数据 file (CSV or .xlsx) one row at a time: bytes in, <see cref="CaseFileRow"/>s out, never the whole file
/// in memory. See docs/case-files.md for the full format; in short:
/// <list type="bullet">
/// <item>File type by content: a zip is an .xlsx (the worksheet 「办件数据」 if present, else the first); otherwise CSV text
/// in UTF-8 (BOM optional), UTF-16 with BOM, or GB18030 (Excel's plain "CSV" on Chinese Windows). The CSV delimiter is
/// detected from the header line (comma, tab, semicolon or |).</item>
/// <item>The header is the first non-blank row; columns are found by their header text (trimmed), in any order; unknown
/// columns are ignored; blank rows are skipped.</item>
/// <item>办件编号 (≤64), 事项编码 (≤64), 事项名称 (≤200), 部门编码 (≤64): required text. 区划代码: six digits.</item>
/// <item>办理渠道: 线上/网上/网办/网上办理/online → Online; 窗口/线下/窗口办理/window → Window.</item>
/// <item>受理时间 (required), 办结时间 (blank while in progress): <c>yyyy-MM-dd HH:mm[:ss]</c>, <c>yyyy/M/d H:mm</c>,
/// ISO 8601 (an offset is converted to Beijing time), or an Excel date cell. Impossible dates are refused with the reason.</item>
/// <item>承诺时限: whole working days ≥ 0.</item>
/// <item>办件状态: 办理中/在办, 已办结/办结, 不予受理/不予许可, 撤件/已撤件/撤回/已撤回. Blank: 已办结 if 办结时间 is
/// filled, else 办理中.</item>
/// <item>是否开办企业 (optional column): 是/否 (also Y/N, 1/0, TRUE/FALSE); blank is 否.</item>
/// <item>开办环节 (optional column): see <see cref="StartupStageText"/>; only for 开办企业 cases.</item>
/// </list>
/// A row is also checked the way <see cref="ServiceCase"/> checks it (办结 needs 办结时间, 办理中 has none, 办结时间 not before
/// 受理时间, an 已办结 case's stages all ended), so a valid row always constructs.
/// </summary>
public static class CaseFileReader
{
    private static readonly FileSchema Schema = C.Schema;
    private static readonly ColumnSpec CaseNumber = Schema[C.CaseNumber];
    private static readonly ColumnSpec ItemCode = Schema[C.ItemCode];
    private static readonly ColumnSpec ItemName = Schema[C.ItemName];
    private static readonly ColumnSpec DepartmentCode = Schema[C.DepartmentCode];
    private static readonly ColumnSpec RegionCode = Schema[C.RegionCode];
    private static readonly ColumnSpec Channel = Schema[C.Channel];
    private static readonly ColumnSpec ReceivedAt = Schema[C.ReceivedAt];
    private static readonly ColumnSpec CompletedAt = Schema[C.CompletedAt];
    private static readonly ColumnSpec PromisedWorkingDays = Schema[C.PromisedWorkingDays];
    private static readonly ColumnSpec Status = Schema[C.Status];
    private static readonly ColumnSpec IsBusinessStartup = Schema[C.IsBusinessStartup];
    private static readonly ColumnSpec StartupStages = Schema[C.StartupStages];

    internal const string ChannelExpected = "应为 线上（或 网上、网办）或 窗口（或 线下）";

    internal static readonly (string, ServiceChannel)[] ChannelWords =
    [
        ("线上", ServiceChannel.Online), ("网上", ServiceChannel.Online), ("网办", ServiceChannel.Online),
        ("网上办理", ServiceChannel.Online), ("online", ServiceChannel.Online),
        ("窗口", ServiceChannel.Window), ("线下", ServiceChannel.Window), ("窗口办理", ServiceChannel.Window),
        ("window", ServiceChannel.Window),
    ];

    private const string StatusExpected = "应为 办理中、已办结、不予受理 或 撤件（留空时按办结时间推断）";

    private static readonly (string, CaseStatus)[] StatusWords =
    [
        ("办理中", CaseStatus.InProgress), ("在办", CaseStatus.InProgress),
        ("已办结", CaseStatus.Completed), ("办结", CaseStatus.Completed),
        ("不予受理", CaseStatus.Rejected), ("不予许可", CaseStatus.Rejected),
        ("撤件", CaseStatus.Withdrawn), ("已撤件", CaseStatus.Withdrawn), ("撤回", CaseStatus.Withdrawn), ("已撤回", CaseStatus.Withdrawn),
    ];

    /// <summary>
    /// Opens the file and checks its header now; parses each row only when the sequence is enumerated, so a file of any
    /// length is read in constant memory. The sequence can be enumerated once; disposing its enumerator (as
    /// <c>foreach</c> does) releases the reader. The caller keeps ownership of <paramref name="stream"/>, which must stay
    /// open until enumeration ends.
    /// </summary>
    /// <param name="stream">The uploaded bytes; need not be seekable (a non-seekable .xlsx is spooled to a temporary file).</param>
    /// <param name="fileName">The uploaded file's name, used only to explain a mismatch such as a text file named .xlsx.</param>
    /// <returns>One <see cref="ParsedRow{T}"/> per non-blank data row, in file order, each valid or with its errors.</returns>
    /// <exception cref="CaseFileException">
    /// The file cannot be read as a whole: empty, unsupported or damaged, no header, a required column missing or a
    /// column repeated. Also thrown during enumeration if damage is found further into the file.
    /// </exception>
    public static IEnumerable<ParsedRow<CaseFileRow>> Read(Stream stream, string? fileName) =>
        TableReader.Read(stream, fileName, Schema, RatingFileColumns.Schema, ParseRow);

    private static CaseFileRow? ParseRow(RowCursor row)
    {
        var caseNumber = row.RequiredText(CaseNumber, 64);
        var itemCode = row.RequiredText(ItemCode, 64, repeats: true);
        var itemName = row.RequiredText(ItemName, 200, repeats: true);
        var departmentCode = row.RequiredText(DepartmentCode, 64, repeats: true);
        var regionCode = row.RegionCode(RegionCode);
        var channel = row.Choice(Channel, ChannelWords, ChannelExpected, required: true);
        var receivedAt = row.Date(ReceivedAt, required: true);
        var completedAt = row.Date(CompletedAt, required: false);
        var promised = row.NonNegativeInteger(PromisedWorkingDays, "承诺办理的工作日数，即办件填0");
        var status = row.Choice(Status, StatusWords, StatusExpected, required: false);
        var isStartup = row.YesNo(IsBusinessStartup) ?? false;
        var stages = row.Stages(StartupStages);

        if (status is null && !row.Failed(Status) && !row.Failed(CompletedAt))
            status = completedAt is null ? CaseStatus.InProgress : CaseStatus.Completed;
        CheckConsistency(row, receivedAt, completedAt, status, isStartup, stages);

        return row.HasErrors
            ? null
            : new CaseFileRow(row.Row, caseNumber!, itemCode!, itemName!, departmentCode!, regionCode!, channel!.Value,
                receivedAt!.Value, completedAt, promised!.Value, status!.Value, isStartup, stages);
    }

    // The rules ServiceCase enforces, reported against the cell to fix.
    private static void CheckConsistency(
        RowCursor row, DateTime? receivedAt, DateTime? completedAt, CaseStatus? status, bool isStartup, IReadOnlyList<StartupStage> stages)
    {
        if (!row.Failed(CompletedAt) && !row.Failed(Status))
        {
            if (status == CaseStatus.Completed && completedAt is null)
                row.Error(CompletedAt, "办件状态为已办结，但办结时间为空。请填写办结时间。");
            if (status == CaseStatus.InProgress && completedAt is not null)
                row.Error(Status, $"办件状态为办理中，但已填写办结时间{DateText.Write(completedAt.Value)}。请把状态改为已办结，或清空办结时间。");
        }
        if (receivedAt is { } received && completedAt is { } completed && completed < received)
            row.Error(CompletedAt, $"办结时间{DateText.Write(completed)}早于受理时间{DateText.Write(received)}。");
        if (stages.Count > 0 && !isStartup && !row.Failed(IsBusinessStartup))
            row.Error(StartupStages, "只有开办企业办件才能填写开办环节。请把「是否开办企业」填为「是」，或清空开办环节。");
        if (status == CaseStatus.Completed && stages.FirstOrDefault(s => s.CompletedAt is null) is { } open)
            row.Error(StartupStages, $"办件已办结，但开办环节「{open.Name}」没有结束时间。请补充结束时间。");
    }
}
