using EvalSystem.Reports.Excel;
using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;
using static EvalSystem.Reports.IndicatorSystems.WorkbookLayout;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>
/// Reads the "指标体系" worksheet cell by cell into <see cref="RowDraft"/>s, recording every problem, then hands the drafts to
/// <see cref="IndicatorTreeValidator"/> for the checks that need the whole tree. See <see cref="IndicatorSystemWorkbook.Import"/>.
/// </summary>
internal sealed partial class IndicatorSystemReader
{
    private const int MaxNameLength = 100;
    private const int MaxNameEnLength = 200;
    private const int MaxUnitLength = 30;
    private const int MaxFormulaLength = 2000;

    /// <summary>How far down the header row is looked for when rows were inserted above it.</summary>
    private const int HeaderSearchRows = 30;

    private readonly ImportErrors _errors = new(SheetName);

    /// <summary>The columns the worksheet has: <see cref="ColumnCount"/>, or <see cref="LegacyColumnCount"/> for a workbook from before 计算口径.</summary>
    private int _columns = ColumnCount;

    public static ImportResult Read(Stream xlsx)
    {
        var (workbook, fileError) = Open(xlsx);
        if (workbook is null)
            return new ImportResult(null, [new ImportError(string.Empty, 0, string.Empty, fileError)]);
        using (workbook)
        {
            try
            {
                return new IndicatorSystemReader().Read(workbook);
            }
#pragma warning disable CA1031 // A workbook ClosedXML opens but cannot walk is bad input: report it, never crash the upload.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return new ImportResult(null, [new ImportError(SheetName, 0, string.Empty, $"无法读取工作表内容：{ex.Message}。请在 Excel 中打开并另存为 .xlsx 后再导入。")]);
            }
        }
    }

    private ImportResult Read(XLWorkbook workbook)
    {
        var ws = workbook.Worksheets.FirstOrDefault(w => w.Name.Trim() == SheetName);
        if (ws is null)
        {
            var names = string.Join("、", workbook.Worksheets.Select(w => $"「{w.Name}」"));
            _errors.Add(0, string.Empty, $"缺少工作表「{SheetName}」（文件中的工作表为：{names}）。请使用导出的模板，不要修改工作表名称。");
            return Result(null);
        }

        var headerRow = FindHeaderRow(ws);
        var title = ReadTitle(ws, headerRow ?? HeaderRow);
        var penalty = ReadPenalty(ws, headerRow ?? HeaderRow);
        if (headerRow is null)
        {
            _errors.Add(HeaderRow, string.Empty, $"找不到表头行：第{HeaderRow}行应为表头，依次为 {string.Join("、", Headers)}。请使用导出的模板，不要删除表头。");
            return Result(null);
        }

        var header = headerRow.Value;
        if (!CheckHeader(ws, header))
            return Result(null);

        var drafts = ReadRows(ws, header);
        if (drafts.Count == 0)
        {
            _errors.Add(header + 1, string.Empty, $"没有数据行：表头（第{header}行）下方至少需要一个一级分组及其下级指标。");
            return Result(null);
        }

        IndicatorTreeValidator.Validate(drafts, _errors);
        if (_errors.Count > 0 || title is null)
            return Result(null);

        var rows = drafts.Select(d => d.ToRow()).ToList();
        IndicatorTreeValidator.ValidateModel(rows, title.Value.Aggregation, title.Value.MissingData, _errors);
        return Result(_errors.Count > 0 ? null : new IndicatorSystemSheet(
            title.Value.Name, title.Value.TargetKind, title.Value.Aggregation, title.Value.MissingData, title.Value.Version, rows,
            penalty.PerTask, penalty.Cap));
    }

    private ImportResult Result(IndicatorSystemSheet? sheet) => new(_errors.Count == 0 ? sheet : null, _errors.Sorted());

    private static (XLWorkbook? Workbook, string Error) Open(Stream xlsx) => UploadedWorkbook.Open(xlsx, "导入", "从本系统导出的 .xlsx 模板");

    private static int? FindHeaderRow(IXLWorksheet ws)
    {
        for (var r = 1; r <= HeaderSearchRows; r++)
        {
            for (var c = 1; c <= 3; c++)
            {
                var text = NormalizeHeader(SafeString(ws.Cell(r, c)));
                if (text == Header(Level) || text == Header(Code))
                    return r;
            }
        }

        return null;
    }

    private bool CheckHeader(IXLWorksheet ws, int row)
    {
        var actual = Enumerable.Range(1, ColumnCount + 10).Select(c => NormalizeHeader(SafeString(ws.Cell(row, c)))).ToArray();
        // Workbooks exported before the 计算口径 column existed stop after 公式: read them as having no measures.
        if (actual[Measure - 1].Length == 0 && !actual.Contains(Header(Measure)))
            _columns = LegacyColumnCount;
        var ok = true;
        for (var c = 1; c <= _columns; c++)
        {
            var expected = Header(c);
            if (actual[c - 1] == expected)
                continue;
            ok = false;
            var found = Array.IndexOf(actual, expected) + 1;
            var was = actual[c - 1].Length == 0 ? "为空" : $"为「{actual[c - 1]}」";
            _errors.Add(row, expected, found > 0
                ? $"表头第{c}列（{Letter(c)}列）应为「{expected}」，实际{was}；「{expected}」被放在了第{found}列（{Letter(found)}列）。请按模板的列顺序排列，不要插入、删除或移动列。"
                : $"缺少列「{expected}」：表头第{c}列（{Letter(c)}列）应为「{expected}」，实际{was}。请按模板的列顺序排列，不要插入、删除或移动列。");
        }

        return ok;
    }

    private (string Name, string TargetKind, int Version, AggregationMethod Aggregation, MissingDataPolicy MissingData)? ReadTitle(IXLWorksheet ws, int headerRow)
    {
        var found = new Dictionary<string, (int Row, IXLCell Cell)>();
        for (var r = 1; r < headerRow; r++)
        {
            var label = NormalizeHeader(SafeString(ws.Cell(r, 1)));
            if (TitleLabels.Contains(label))
                found.TryAdd(label, (r, ws.Cell(r, 2)));
        }

        string? Value(string label)
        {
            if (!found.TryGetValue(label, out var cell))
            {
                var at = Array.IndexOf(TitleLabels, label) + 1;
                _errors.Add(0, label, $"标题区缺少「{label}」：应在第{at}行，A列写「{label}」，B列填写内容。");
                return null;
            }

            var text = ReadCell(cell.Cell, cell.Row, label).Text;
            if (text.Length == 0)
                _errors.Add(cell.Row, label, $"「{label}」未填写（B列）。");
            return text.Length == 0 ? null : text;
        }

        int RowOf(string label) => found.TryGetValue(label, out var cell) ? cell.Row : 0;

        var name = Value(NameLabel);
        if (name is { Length: > MaxNameLength })
            _errors.Add(RowOf(NameLabel), NameLabel, $"体系名称不能超过{MaxNameLength}字（当前{name.Length}字）。");

        var targetKind = Value(TargetKindLabel);
        if (targetKind is not null && !TargetKinds.Contains(targetKind))
            _errors.Add(RowOf(TargetKindLabel), TargetKindLabel, $"评价对象类型只能是{string.Join("或", TargetKinds)}（当前为「{targetKind}」）。");

        var versionText = Value(VersionLabel);
        int version = 0;
        if (versionText is not null && !(int.TryParse(versionText, NumberStyles.Integer, CultureInfo.InvariantCulture, out version) && version >= 1))
            _errors.Add(RowOf(VersionLabel), VersionLabel, $"版本必须是正整数（当前为「{versionText}」）。");

        var aggregationText = Value(AggregationLabel);
        var aggregation = default(AggregationMethod);
        if (aggregationText is not null && !Aggregations.TryParse(aggregationText, out aggregation))
            _errors.Add(RowOf(AggregationLabel), AggregationLabel, $"未知的聚合方法「{aggregationText}」，可选：{Aggregations.Choices}。");

        var missingText = Value(MissingDataLabel);
        var missing = default(MissingDataPolicy);
        if (missingText is not null && !MissingDataPolicies.TryParse(missingText, out missing))
            _errors.Add(RowOf(MissingDataLabel), MissingDataLabel, $"未知的缺失值处理方式「{missingText}」，可选：{MissingDataPolicies.Choices}。");

        return _errors.Count == 0 ? (name!, targetKind!, version, aggregation, missing) : null;
    }

    /// <summary>
    /// 督办超期扣分 (optional: a workbook without the label has no penalty): points per task right of its label in column A,
    /// the cap right of its label in the same row. Checked as the editor checks them: (0, 100], the cap not below one task.
    /// </summary>
    private (double? PerTask, double? Cap) ReadPenalty(IXLWorksheet ws, int headerRow)
    {
        for (var r = 1; r < headerRow; r++)
        {
            if (NormalizeHeader(SafeString(ws.Cell(r, 1))) != PenaltyLabel)
                continue;
            var perTask = PenaltyValue(ReadCell(ws.Cell(r, 2), r, PenaltyLabel), r, PenaltyLabel, "每个超期任务的扣分");
            var cap = NormalizeHeader(SafeString(ws.Cell(r, 3))) == PenaltyCapLabel
                ? PenaltyValue(ReadCell(ws.Cell(r, 4), r, PenaltyCapLabel), r, PenaltyCapLabel, "超期扣分上限")
                : null;
            if (cap is not null && perTask is null && ws.Cell(r, 2).IsEmpty())
                _errors.Add(r, PenaltyCapLabel, $"填写了「{PenaltyCapLabel}」，但「{PenaltyLabel}」（B{r}）为空。请填写每件扣分，或清空上限。");
            else if (cap < perTask)
                _errors.Add(r, PenaltyCapLabel, $"扣分上限（{RuleParameterText.Number(cap!.Value)}分）不能小于每件扣分（{RuleParameterText.Number(perTask!.Value)}分）。");
            return (perTask, cap);
        }

        return (null, null);
    }

    private double? PenaltyValue(CellValue cell, int row, string label, string what)
    {
        if (cell.Text.Length == 0)
            return null;
        if (TryNumber(cell, out var value) && value > 0 && value <= 100)
            return value;
        _errors.Add(row, label, $"{what}必须是大于0且不超过100的数字（当前为「{cell.Text}」）；不扣分请留空。");
        return null;
    }

    private List<RowDraft> ReadRows(IXLWorksheet ws, int headerRow)
    {
        var drafts = new List<RowDraft>();
        var last = ws.LastRowUsed()?.RowNumber() ?? headerRow;
        for (var r = headerRow + 1; r <= last; r++)
        {
            var cells = new CellValue[ColumnCount + 1];
            var blank = true;
            for (var c = 1; c <= ColumnCount; c++)
            {
                cells[c] = c <= _columns ? ReadCell(ws.Cell(r, c), r, Header(c)) : new CellValue(string.Empty, null);
                blank &= cells[c].Text.Length == 0;
            }

            if (!blank)
                drafts.Add(ReadRow(r, cells));
        }

        return drafts;
    }

    private RowDraft ReadRow(int r, CellValue[] cells)
    {
        var d = new RowDraft(r);
        void Error(int column, string message) => _errors.Add(r, Header(column), message);
        string? Optional(int column) => cells[column].Text.Length == 0 ? null : cells[column].Text;

        // 层级
        var level = cells[Level];
        if (level.Text.Length == 0)
            Error(Level, "层级未填写，应为1、2或3。");
        else if (TryNumber(level, out var lv) && lv is 1 or 2 or 3)
            d.Level = (int)lv;
        else
            Error(Level, $"层级必须是1、2或3（当前为「{level.Text}」）。");

        // 指标代码、名称
        d.Code = cells[Code].Text;
        if (d.Code.Length == 0)
            Error(Code, "指标代码未填写。");
        else if (!CodePattern().IsMatch(d.Code))
            Error(Code, $"指标代码「{d.Code}」无效：只能包含字母、数字、连字符和点，以字母或数字开头，1–20位。");
        d.NameZh = cells[NameZh].Text;
        if (d.NameZh.Length == 0)
            Error(NameZh, "指标名称未填写。");
        else if (d.NameZh.Length > MaxNameLength)
            Error(NameZh, $"指标名称不能超过{MaxNameLength}字（当前{d.NameZh.Length}字）。");
        d.NameEn = Optional(NameEn);
        if (d.NameEn is { Length: > MaxNameEnLength })
            Error(NameEn, $"英文名称不能超过{MaxNameEnLength}字（当前{d.NameEn.Length}字）。");

        // 权重
        var weight = cells[Weight];
        if (weight.Text.Length == 0)
            Error(Weight, "权重未填写，应为大于0且不超过100的数字。");
        else if (!TryWeight(weight, out var w))
            Error(Weight, $"权重「{weight.Text}」不是数字，应为大于0且不超过100的数字（不带百分号）。");
        else if (w <= 0 || w > 100)
            Error(Weight, $"权重必须大于0且不超过100（当前为{w.ToString(CultureInfo.InvariantCulture)}）。");
        else
            d.Weight = w;

        // 节点类型
        var kind = cells[Kind].Text;
        if (kind == GroupKind)
            d.IsIndicator = false;
        else if (kind == IndicatorKind)
            d.IsIndicator = true;
        else
            Error(Kind, kind.Length == 0 ? "节点类型未填写，应为「分组」或「指标」。" : $"未知的节点类型「{kind}」，应为「分组」或「指标」。");

        if (d.IsIndicator == true)
            ReadIndicator(d, cells, Error, Optional);
        else if (d.IsIndicator == false)
            CheckGroupIsBare(cells, Error);
        return d;
    }

    private static void ReadIndicator(RowDraft d, CellValue[] cells, Action<int, string> error, Func<int, string?> optional)
    {
        d.Unit = optional(Unit);
        if (d.Unit is null)
            error(Unit, "指标必须填写计量单位。");
        else if (d.Unit.Length > MaxUnitLength)
            error(Unit, $"计量单位不能超过{MaxUnitLength}字（当前{d.Unit.Length}字）。");

        if (optional(Direction) is not { } direction)
            error(Direction, $"指标必须填写方向（{Directions.Choices}）。");
        else if (Directions.TryParse(direction, out var dir))
            d.Direction = dir;
        else
            error(Direction, $"未知的方向「{direction}」，可选：{Directions.Choices}。");

        if (optional(Source) is not { } source)
            error(Source, $"指标必须填写数据来源（{Sources.Choices}）。");
        else if (Sources.TryParse(source, out var src))
            d.Source = src;
        else
            error(Source, $"未知的数据来源「{source}」，可选：{Sources.Choices}。");

        d.Responsible = optional(Responsible);
        if (d.Responsible is not null && !DepartmentCodePattern().IsMatch(d.Responsible))
            error(Responsible, $"主责单位「{d.Responsible}」不是有效的部门代码（大写字母、数字和连字符，2–20位）。");
        else if (d.Responsible is null && d.Source == IndicatorSource.DepartmentSubmission)
            error(Responsible, "数据来源为部门填报的指标必须填写主责单位。");

        if (optional(Supporting) is { } supporting)
        {
            d.Supporting = DepartmentSeparator().Split(supporting).Where(s => s.Length > 0).ToList();
            var bad = d.Supporting.Where(s => !DepartmentCodePattern().IsMatch(s)).ToList();
            if (bad.Count > 0)
                error(Supporting, $"配合单位中「{string.Join("、", bad)}」不是有效的部门代码（大写字母、数字和连字符，2–20位；多个代码用“、”或“,”分隔）。");
            if (d.Responsible is not null && d.Supporting.Contains(d.Responsible))
                error(Supporting, $"部门「{d.Responsible}」已是主责单位，不能同时列为配合单位。");
            foreach (var twice in d.Supporting.GroupBy(s => s).Where(g => g.Count() > 1))
                error(Supporting, $"配合单位「{twice.Key}」重复填写。");
        }

        d.Warning = OptionalNumber(cells[Warning], Warning, error);
        d.Advanced = OptionalNumber(cells[Advanced], Advanced, error);
        if (d is { Warning: { } warn, Advanced: { } adv, Direction: { } di })
        {
            if (di == IndicatorDirection.HigherIsBetter && adv < warn)
                error(Advanced, $"正向指标的先进值（{RuleParameterText.Number(adv)}）不能低于预警值（{RuleParameterText.Number(warn)}）。");
            else if (di == IndicatorDirection.LowerIsBetter && adv > warn)
                error(Advanced, $"逆向指标的先进值（{RuleParameterText.Number(adv)}）不能高于预警值（{RuleParameterText.Number(warn)}）。");
        }

        var ruleType = cells[RuleType].Text;
        var parameters = cells[RuleParameters].Text;
        if (ruleType.Length == 0)
            error(RuleType, $"指标必须填写评分规则（{string.Join("、", RuleParameterText.TypeNames)}）。");
        else if (!RuleParameterText.IsKnownType(ruleType))
            error(RuleType, $"未知的评分规则「{ruleType}」，可选：{string.Join("、", RuleParameterText.TypeNames)}。");
        else if (RuleParameterText.TryParse(ruleType, parameters, out var rule, out var ruleError))
            d.Rule = rule;
        else
            error(RuleParameters, parameters.Length == 0 ? $"规则参数未填写：{ruleError}" : $"规则参数「{parameters}」有误：{ruleError}");

        d.Formula = optional(Formula);
        if (d.Formula is { Length: > MaxFormulaLength })
            error(Formula, $"公式不能超过{MaxFormulaLength}字（当前{d.Formula.Length}字）。");
        if (d.Source == IndicatorSource.Formula && d.Formula is null)
            error(Formula, "数据来源为公式计算的指标必须填写公式。");
        else if (d.Source is { } s && s != IndicatorSource.Formula && d.Formula is not null)
            error(Formula, $"只有数据来源为公式计算的指标可以填写公式（本行数据来源为{Sources[s]}）；请清空公式或把数据来源改为公式计算。");

        ReadMeasure(d, optional(Measure), error);
    }

    private static void ReadMeasure(RowDraft d, string? text, Action<int, string> error)
    {
        if (text is null)
            return;
        if (!Measures.TryParse(text, out var measure))
        {
            error(Measure, $"未知的计算口径「{text}」，可选：{Measures.Choices}。");
            return;
        }

        var from = measure.Source();
        if (d.Source is not { } source)
            d.Measure = measure; // The missing or unknown 数据来源 is reported on its own cell.
        else if (source is not (IndicatorSource.CaseData or IndicatorSource.Ratings))
            error(Measure, $"只有数据来源为{Sources[IndicatorSource.CaseData]}或{Sources[IndicatorSource.Ratings]}的指标可以选择计算口径（本行数据来源为{Sources[source]}）；请清空计算口径或修改数据来源。");
        else if (from != source)
            error(Measure, $"计算口径「{text}」属于{Sources[from]}，与本行的数据来源{Sources[source]}不一致；请改选{Sources[source]}的计算口径（{ChoicesFor(source)}），或把数据来源改为{Sources[from]}。");
        else
            d.Measure = measure;
    }

    private static string ChoicesFor(IndicatorSource source)
        => string.Join("、", CaseMeasureKinds.All.Where(m => m.Source() == source).Select(m => Measures[m]));

    private static void CheckGroupIsBare(CellValue[] cells, Action<int, string> error)
    {
        for (var c = Unit; c <= Measure; c++)
        {
            if (cells[c].Text.Length > 0)
                error(c, $"分组行不填写「{Header(c)}」（当前为「{cells[c].Text}」），请清空；如果这一行是要评分的指标，请把节点类型改为「指标」。");
        }
    }

    private static double? OptionalNumber(CellValue cell, int column, Action<int, string> error)
    {
        if (cell.Text.Length == 0)
            return null;
        if (TryNumber(cell, out var value))
            return value;
        error(column, $"{Header(column)}「{cell.Text}」不是数字。");
        return null;
    }

    private static bool TryNumber(CellValue cell, out double value)
    {
        if (cell.Number is { } n && double.IsFinite(n))
        {
            value = n;
            return true;
        }

        return RuleParameterText.TryParseNumber(cell.Text, out value);
    }

    private static bool TryWeight(CellValue cell, out decimal value)
    {
        value = 0;
        if (cell.Number is { } n)
        {
            // Out-of-range numbers only need to be reported, and decimal cannot hold every double.
            if (!double.IsFinite(n) || Math.Abs(n) > 1e15)
                return false;
            value = (decimal)n;
            return true;
        }

        var text = cell.Text.Replace('−', '-');
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private CellValue ReadCell(IXLCell cell, int row, string column)
    {
        try
        {
            if (cell.IsEmpty())
                return new CellValue(string.Empty, null);
            if (cell.DataType == XLDataType.Number)
            {
                var n = cell.GetDouble();
                return new CellValue(n.ToString(CultureInfo.InvariantCulture), n);
            }

            return new CellValue(cell.GetString().Trim(), null);
        }
#pragma warning disable CA1031 // ClosedXML evaluates Excel formulas on read and may fail in many ways; report, never crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            _errors.Add(row, column, "无法读取单元格内容（可能含有无法计算的 Excel 公式），请直接填写数值或文字。");
            return new CellValue(string.Empty, null);
        }
    }

    private static string SafeString(IXLCell cell)
    {
        try
        {
            return cell.GetString();
        }
#pragma warning disable CA1031 // Only used to locate labels; an unreadable cell is simply not a label.
        catch (Exception)
#pragma warning restore CA1031
        {
            return string.Empty;
        }
    }

    private static string NormalizeHeader(string text)
        => WhiteSpace().Replace(text, string.Empty).Replace('（', '(').Replace('）', ')');

    private static string Letter(int column) => XLHelper.GetColumnLetterFromNumber(column);

    private readonly record struct CellValue(string Text, double? Number);

    /// <summary>Same rule as the domain's IndicatorNode code.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$")]
    private static partial Regex CodePattern();

    /// <summary>Same rule as the domain's Department code; existence is checked by the web layer.</summary>
    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex DepartmentCodePattern();

    [GeneratedRegex(@"[、,，;；\s]+")]
    private static partial Regex DepartmentSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
