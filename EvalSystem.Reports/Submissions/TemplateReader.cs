using EvalSystem.Reports.Excel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using EvalSystem.Reports.IndicatorSystems;
using static EvalSystem.Reports.Submissions.TemplateLayout;

namespace EvalSystem.Reports.Submissions;

/// <summary>
/// Reads a filled-in bulk-entry template and checks it against the template the server expects; see
/// <see cref="SubmissionTemplateWorkbook.Import"/>. Rows are identified by the keys the export wrote (the hidden
/// 行标识 column, resolved through the very hidden 模板信息 sheet), never by their visible text; the ids, names and units
/// of the returned rows come from the expected template, only 本期值 and 填报说明 come from the file.
/// </summary>
internal sealed partial class TemplateReader(SubmissionTemplate expected)
{
    public const int MaxNoteLength = 500;

    /// <summary>How far down the header row is looked for when rows were inserted above it.</summary>
    private const int HeaderSearchRows = 30;

    private readonly List<ImportError> _errors = [];
    private readonly List<string> _stamps = [];

    public static TemplateImport Read(Stream xlsx, SubmissionTemplate expected)
    {
        var (workbook, fileError) = Open(xlsx);
        if (workbook is null)
            return new TemplateImport([], [new ImportError(string.Empty, 0, string.Empty, fileError)]);
        using (workbook)
        {
            try
            {
                return new TemplateReader(expected).Read(workbook);
            }
#pragma warning disable CA1031 // A workbook ClosedXML opens but cannot walk is bad input: report it, never crash the upload.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return new TemplateImport([], [new ImportError(SheetName, 0, string.Empty, $"无法读取工作表内容：{ex.Message}。请在 Excel 中打开并另存为 .xlsx 后再上传。")]);
            }
        }
    }

    private TemplateImport Read(XLWorkbook workbook)
    {
        var ws = FindSheet(workbook, SheetName);
        var info = FindSheet(workbook, InfoSheetName);
        var names = string.Join("、", workbook.Worksheets.Select(w => $"「{w.Name}」"));
        if (ws is null)
            Add(string.Empty, 0, string.Empty, $"缺少工作表「{SheetName}」（文件中的工作表为：{names}）。请使用从本系统下载的填报模板，不要修改工作表名称。");
        if (info is null)
            Add(string.Empty, 0, string.Empty, $"缺少隐藏的工作表「{InfoSheetName}」：这不是从本系统下载的填报模板，或模板信息已被删除。请重新下载模板后填写。");
        if (ws is null || info is null)
            return Result(null);

        if (!CheckIdentity(ws, info) || !CheckTemplateRows(info))
            return Result(null);

        var header = FindHeaderRow(ws);
        if (header is null)
        {
            Add(SheetName, HeaderRow, string.Empty, $"找不到表头行：第{HeaderRow}行应为表头，依次为 {string.Join("、", Headers)}。请使用下载的模板，不要删除表头。");
            return Result(null);
        }

        if (!CheckHeader(ws, header.Value))
            return Result(null);

        return Result(ReadRows(ws, header.Value));
    }

    private void Add(string sheet, int row, string column, string message) => _errors.Add(new ImportError(sheet, row, column, message));

    private void Add(int row, string column, string message) => Add(SheetName, row, column, message);

    private TemplateImport Result(List<TemplateRow>? rows)
    {
        if (_errors.Count > 0 || rows is null)
            return new TemplateImport([], _errors.OrderBy(e => e.Row).ThenBy(e => ColumnOrder(e.Column)).ToList());
        return new TemplateImport(rows, []);
    }

    private static int ColumnOrder(string column)
    {
        var i = Array.IndexOf(Headers, column);
        return i >= 0 ? i + 1 : column.Length == 0 ? 0 : Headers.Length + 1;
    }

    private static IXLWorksheet? FindSheet(XLWorkbook workbook, string name) => workbook.Worksheets.FirstOrDefault(w => w.Name.Trim() == name);

    // ---- which period and department ----------------------------------------------------------------------------------

    private bool CheckIdentity(IXLWorksheet ws, IXLWorksheet info)
    {
        var ok = true;
        var periodId = InfoGuid(info, InfoPeriodIdRow, "评价周期");
        var departmentId = InfoGuid(info, InfoDepartmentIdRow, "填报部门");
        if (periodId is null || departmentId is null)
            return false;

        if (periodId != expected.PeriodId)
        {
            ok = false;
            var name = TemplateName(ws, info, PeriodRow, PeriodLabel, InfoPeriodNameRow, periodId.Value);
            Add(PeriodRow, PeriodLabel, $"该模板属于「{name}」，不是当前的「{expected.PeriodName}」{SameNameHint(name, expected.PeriodName)}。请下载「{expected.PeriodName}」的填报模板后重新填写。");
        }

        if (departmentId != expected.DepartmentId)
        {
            ok = false;
            var name = TemplateName(ws, info, DepartmentRow, DepartmentLabel, InfoDepartmentNameRow, departmentId.Value);
            Add(DepartmentRow, DepartmentLabel, $"该模板属于「{name}」，不是当前的「{expected.DepartmentName}」{SameNameHint(name, expected.DepartmentName)}。请下载本部门的填报模板后重新填写。");
        }

        return ok;
    }

    private static string SameNameHint(string templateName, string expectedName)
        => templateName == expectedName ? "（名称相同但不是同一个，可能是已删除后重建的）" : string.Empty;

    private Guid? InfoGuid(IXLWorksheet info, int row, string what)
    {
        if (Guid.TryParse(SafeString(info.Cell(row, 2)).Trim(), out var id))
            return id;
        Add(InfoSheetName, row, string.Empty, $"模板信息已损坏：无法识别模板所属的{what}。请重新下载模板后填写。");
        return null;
    }

    /// <summary>The name as printed in the title block, else as stored in the info sheet, else the id.</summary>
    private static string TemplateName(IXLWorksheet ws, IXLWorksheet info, int titleRow, string label, int infoRow, Guid id)
    {
        if (Normalize(SafeString(ws.Cell(titleRow, 1))) == label && SafeString(ws.Cell(titleRow, 2)).Trim() is { Length: > 0 } shown)
            return shown;
        return SafeString(info.Cell(infoRow, 2)).Trim() is { Length: > 0 } stored ? stored : id.ToString("D");
    }

    // ---- the rows the template was made for ---------------------------------------------------------------------------

    private bool CheckTemplateRows(IXLWorksheet info)
    {
        var keys = new List<(Guid Indicator, Guid Target, string Label)>();
        for (var r = InfoFirstRow; SafeString(info.Cell(r, InfoKey)).Trim() is { Length: > 0 } key; r++)
        {
            if (key != (r - InfoFirstRow + 1).ToString(CultureInfo.InvariantCulture)
                || !Guid.TryParse(SafeString(info.Cell(r, InfoIndicatorId)).Trim(), out var indicator)
                || !Guid.TryParse(SafeString(info.Cell(r, InfoTargetId)).Trim(), out var target))
            {
                Add(InfoSheetName, r, string.Empty, $"模板信息已损坏：第{r}行的行标识无法识别。请重新下载模板后填写。");
                return false;
            }

            keys.Add((indicator, target, $"{SafeString(info.Cell(r, InfoCode)).Trim()} / {SafeString(info.Cell(r, InfoTarget)).Trim()}"));
            _stamps.Add(SafeString(info.Cell(r, InfoStamp)).Trim());
        }

        var expectedKeys = expected.Rows.Select(e => (e.IndicatorNodeId, e.TargetId)).ToList();
        if (keys.Select(k => (k.Indicator, k.Target)).SequenceEqual(expectedKeys))
            return true;

        const string Outdated = "模板已过期：当前填报任务中的指标或评价对象已调整，请重新下载模板后填写。";
        var inTemplate = keys.Select(k => (k.Indicator, k.Target)).ToHashSet();
        var inExpected = expectedKeys.ToHashSet();
        var before = _errors.Count;
        foreach (var row in expected.Rows.Where(e => !inTemplate.Contains((e.IndicatorNodeId, e.TargetId))))
            Add(0, string.Empty, $"当前填报任务包含「{Describe(row)}」，但模板中没有这一行。{Outdated}");
        for (var i = 0; i < keys.Count; i++)
        {
            if (!inExpected.Contains((keys[i].Indicator, keys[i].Target)))
                Add(HeaderRow + 1 + i, string.Empty, $"模板第{HeaderRow + 1 + i}行「{keys[i].Label}」不在当前填报任务中。{Outdated}");
        }

        if (_errors.Count == before)
            Add(0, string.Empty, $"模板的行顺序与当前填报任务不一致。{Outdated}");
        return false;
    }

    // ---- header ------------------------------------------------------------------------------------------------------

    private static int? FindHeaderRow(IXLWorksheet ws)
    {
        for (var r = 1; r <= HeaderSearchRows; r++)
        {
            for (var c = 1; c <= Key + 2; c++)
            {
                if (Array.IndexOf(Headers, Normalize(SafeString(ws.Cell(r, c)))) >= 0)
                    return r;
            }
        }

        return null;
    }

    private bool CheckHeader(IXLWorksheet ws, int row)
    {
        var actual = Enumerable.Range(1, Key + 10).Select(c => Normalize(SafeString(ws.Cell(row, c)))).ToArray();
        var ok = true;
        for (var c = 1; c <= ColumnCount; c++)
        {
            var want = Header(c);
            if (actual[c - 1] == want)
                continue;
            ok = false;
            var found = Array.IndexOf(actual, want) + 1;
            var was = actual[c - 1].Length == 0 ? "为空" : $"为「{actual[c - 1]}」";
            Add(row, want, found > 0
                ? $"表头第{c}列（{Letter(c)}列）应为「{want}」，实际{was}；「{want}」被放在了第{found}列（{Letter(found)}列）。请不要插入、删除或移动列，重新下载模板后填写。"
                : $"缺少列「{want}」：表头第{c}列（{Letter(c)}列）应为「{want}」，实际{was}。请不要修改、插入、删除或移动列，重新下载模板后填写。");
        }

        if (ok && actual[Key - 1] != KeyHeader)
        {
            ok = false;
            Add(row, string.Empty, $"隐藏的「{KeyHeader}」列（{Letter(Key)}列）被删除或修改，无法识别各行对应的指标。请重新下载模板后填写。");
        }

        return ok;
    }

    // ---- data rows ---------------------------------------------------------------------------------------------------

    private List<TemplateRow> ReadRows(IXLWorksheet ws, int header)
    {
        var count = expected.Rows.Count;
        var placed = new List<(int Row, int Key)>();
        var rowOfKey = new Dictionary<int, int>();
        var values = new double?[count];
        var notes = new string?[count];
        var last = Math.Max(ws.LastRowUsed()?.RowNumber() ?? header, header);
        for (var r = header + 1; r <= last; r++)
        {
            if (Enumerable.Range(1, Key).All(c => ws.Cell(r, c).IsEmpty()))
                continue;

            var keyText = SafeString(ws.Cell(r, Key)).Trim();
            if (!int.TryParse(keyText, NumberStyles.None, CultureInfo.InvariantCulture, out var key) || key < 1 || key > count)
            {
                var shown = $"{SafeString(ws.Cell(r, Code)).Trim()} / {SafeString(ws.Cell(r, Target)).Trim()}".Trim(' ', '/');
                Add(r, string.Empty, $"第{r}行{(shown.Length > 0 ? $"（「{shown}」）" : string.Empty)}不是模板中的行（没有有效的行标识）：请不要插入、复制或粘贴整行，只在已有行中填写本期值和填报说明。");
                continue;
            }

            var row = expected.Rows[key - 1];
            if (rowOfKey.TryGetValue(key, out var first))
            {
                Add(r, string.Empty, $"第{r}行与第{first}行是同一行「{Describe(row)}」（重复的行）：请不要复制行，删除多余的一行。");
                continue;
            }

            rowOfKey[key] = r;
            placed.Add((r, key));
            values[key - 1] = ReadValue(ws.Cell(r, Value), r, row.Unit);
            notes[key - 1] = ReadNote(ws.Cell(r, Note), r);
        }

        for (var k = 1; k <= count; k++)
        {
            if (!rowOfKey.ContainsKey(k))
                Add(header + k, string.Empty, $"缺少「{Describe(expected.Rows[k - 1])}」这一行（模板中原在第{header + k}行）：请不要删除行，重新下载模板后填写。");
        }

        var inOrder = placed.Select(p => p.Key).Order().ToList();
        for (var i = 0; i < placed.Count; i++)
        {
            if (placed[i].Key != inOrder[i])
                Add(placed[i].Row, string.Empty,
                    $"第{placed[i].Row}行是「{Describe(expected.Rows[placed[i].Key - 1])}」，按模板顺序这里应为「{Describe(expected.Rows[inOrder[i] - 1])}」：请不要调整行的顺序（可撤销排序或重新下载模板）。");
        }

        return expected.Rows.Select((row, i) => row with { Value = values[i], Note = notes[i], Stamp = _stamps[i] }).ToList();
    }

    private double? ReadValue(IXLCell cell, int r, string unit)
    {
        var column = Header(Value);
        double value;
        try
        {
            if (cell.IsEmpty())
                return null;
            if (cell.DataType == XLDataType.Number)
            {
                value = cell.GetDouble();
            }
            else
            {
                var text = cell.GetString().Trim();
                if (text.Length == 0)
                    return null;
                var normalized = text.Normalize(NormalizationForm.FormKC).Replace('−', '-').Replace(",", string.Empty, StringComparison.Ordinal);
                if (!double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
                {
                    Add(r, column, normalized.EndsWith('%') && double.TryParse(normalized.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                        ? $"第{r}行本期值「{text}」带有百分号：请直接填写数字（例如 95），不要带百分号。"
                        : $"第{r}行本期值「{text}」不是数字：请填写数字（不带单位和百分号），留空表示暂不填报。");
                    return null;
                }
            }
        }
#pragma warning disable CA1031 // ClosedXML evaluates Excel formulas on read and may fail in many ways; report, never crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            Add(r, column, $"第{r}行本期值无法读取（可能含有无法计算的 Excel 公式），请直接填写数字。");
            return null;
        }

        if (!double.IsFinite(value))
        {
            Add(r, column, $"第{r}行本期值不是有效的数字。");
            return null;
        }

        var shown = value.ToString("R", CultureInfo.InvariantCulture);
        if (value < 0)
            Add(r, column, $"第{r}行本期值不能为负数（当前为{shown}）。");
        else if (IsPercent(unit) && value > 100)
            Add(r, column, $"第{r}行计量单位为「{unit}」，本期值不能大于100（当前为{shown}）。");
        return value;
    }

    private string? ReadNote(IXLCell cell, int r)
    {
        var column = Header(Note);
        string text;
        try
        {
            text = cell.IsEmpty() ? string.Empty : cell.GetString().Trim();
        }
#pragma warning disable CA1031 // As above: an unreadable cell is reported, never a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            Add(r, column, $"第{r}行填报说明无法读取（可能含有无法计算的 Excel 公式），请直接填写文字。");
            return null;
        }

        if (text.Length > MaxNoteLength)
            Add(r, column, $"第{r}行填报说明不能超过{MaxNoteLength}字（当前{text.Length}字）。");
        return text.Length == 0 ? null : text;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static (XLWorkbook? Workbook, string Error) Open(Stream xlsx) => UploadedWorkbook.Open(xlsx, "上传", "从本系统下载并填好的 .xlsx 填报模板");

    private static string SafeString(IXLCell cell)
    {
        try
        {
            return cell.GetString();
        }
#pragma warning disable CA1031 // Only used to locate labels and keys; an unreadable cell is simply not one.
        catch (Exception)
#pragma warning restore CA1031
        {
            return string.Empty;
        }
    }

    private static string Normalize(string text) => WhiteSpace().Replace(text, string.Empty);

    private static string Letter(int column) => XLHelper.GetColumnLetterFromNumber(column);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
