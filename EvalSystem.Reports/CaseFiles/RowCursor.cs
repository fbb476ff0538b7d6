using System.Globalization;
using EvalSystem.Domain.Ratings;
using EvalSystem.Reports.IndicatorSystems;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Reads the cells of the current row by column, converting each to its type and recording, instead of throwing, why a
/// cell is not acceptable. Every getter returns null (or the default) for a cell it could not read, after recording the
/// error; <see cref="Failed"/> tells a blank cell from a bad one. One cursor serves every row of a file.
/// </summary>
internal sealed class RowCursor(TableSource source, int[] columnIndex)
{
    private const string Garbled = "含有无法识别的字符（�），文件可能不是 UTF-8 编码。请在 Excel 中另存为「CSV UTF-8（逗号分隔）」后重新导入。";

    private readonly StringCache _cache = new();
    private List<(int Ordinal, ImportError Error)>? _errors;
    private ulong _failed;

    public int Row => source.RowNumber;

    public bool HasErrors => _errors is not null;

    public void Begin()
    {
        _errors = null;
        _failed = 0;
    }

    /// <summary>This row's errors in column order; each column's errors in the order found.</summary>
    public IReadOnlyList<ImportError> Errors() =>
        _errors is null ? [] : [.. _errors.OrderBy(e => e.Ordinal).Select(e => e.Error)];

    public bool Failed(ColumnSpec column) => (_failed & (1UL << column.Ordinal)) != 0;

    public void Error(ColumnSpec column, string message)
    {
        (_errors ??= []).Add((column.Ordinal, new ImportError(source.SheetName, source.RowNumber, column.Header, message)));
        _failed |= 1UL << column.Ordinal;
    }

    /// <summary>Trimmed text, or null when blank or not acceptable.</summary>
    /// <param name="repeats">The column repeats across rows (codes, names): share one string per distinct value.</param>
    public string? Text(ColumnSpec column, int maxLength, bool repeats = false)
    {
        if (Typed(column) is { } typed)
            return TypedAsText(column, typed) is { } text ? Checked(column, text, maxLength, repeats) : null;
        var span = Span(column);
        return span.IsEmpty ? null : Checked(column, span, maxLength, repeats);
    }

    public string? RequiredText(ColumnSpec column, int maxLength, bool repeats = false)
    {
        var text = Text(column, maxLength, repeats);
        if (text is null && !Failed(column))
            Error(column, $"{column.Header}不能为空。");
        return text;
    }

    public DateTime? Date(ColumnSpec column, bool required)
    {
        switch (Typed(column))
        {
            case DateTime cell:
                return DateText.RoundToSecond(cell);
            case double serial:
                if (DateText.TryFromExcelSerial(serial, out var fromSerial))
                    return fromSerial;
                Error(column, $"「{serial.ToString(CultureInfo.InvariantCulture)}」不是有效的日期，{DateText.Expected}。");
                return null;
            case { } other:
                Error(column, $"「{Convert.ToString(other, CultureInfo.InvariantCulture)}」不是时间，{DateText.Expected}。");
                return null;
        }
        var span = Span(column);
        if (span.IsEmpty)
        {
            if (required)
                Error(column, $"{column.Header}不能为空，{DateText.Expected}。");
            return null;
        }
        if (DateText.TryParse(span, out var value) is { } reason)
        {
            Error(column, $"「{span}」{reason}。");
            return null;
        }
        return value;
    }

    /// <summary>A whole number ≥ 0, required.</summary>
    public int? NonNegativeInteger(ColumnSpec column, string meaning)
    {
        var expected = $"应为不小于0的整数（{meaning}）";
        switch (Typed(column))
        {
            case double number when number >= 0 && number <= int.MaxValue && number == Math.Floor(number):
                return (int)number;
            case { } other:
                Error(column, $"「{Convert.ToString(other, CultureInfo.InvariantCulture)}」不是有效的{column.Header}，{expected}。");
                return null;
        }
        var span = Span(column);
        if (span.IsEmpty)
        {
            Error(column, $"{column.Header}不能为空，{expected}。");
            return null;
        }
        if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(column, span.StartsWith('-') && int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? $"{column.Header}不能为负数（收到「{span}」），{expected}。"
            : $"「{span}」不是有效的{column.Header}，{expected}。");
        return null;
    }

    /// <summary>One of a fixed set of words (compared ignoring case); null when blank.</summary>
    public TValue? Choice<TValue>(ColumnSpec column, (string Word, TValue Value)[] words, string expected, bool required)
        where TValue : struct
    {
        var typed = Typed(column);
        ReadOnlySpan<char> span = typed is null ? Span(column) : (TypedAsText(column, typed) ?? string.Empty).AsSpan().Trim();
        if (Failed(column))
            return null;
        if (span.IsEmpty)
        {
            if (required)
                Error(column, $"{column.Header}不能为空，{expected}。");
            return null;
        }
        foreach (var (word, value) in words)
            if (span.Equals(word, StringComparison.OrdinalIgnoreCase))
                return value;
        Error(column, $"「{span}」不是有效的{column.Header}，{expected}。");
        return null;
    }

    /// <summary>是/否; null when blank or the column is absent.</summary>
    public bool? YesNo(ColumnSpec column) => Typed(column) switch
    {
        bool flag => flag,
        _ => Choice(column, YesNoWords, "应为「是」或「否」（留空视为否）", required: false),
    };

    /// <summary>Six ASCII digits, required.</summary>
    public string? RegionCode(ColumnSpec column)
    {
        const string expected = "应为6位数字的行政区划代码（GB/T 2260，如 110101）";
        if (Typed(column) is double number)
        {
            if (number is >= 100000 and <= 999999 && number == Math.Floor(number))
                return _cache.Get(((int)number).ToString(CultureInfo.InvariantCulture));
            Error(column, $"「{number.ToString(CultureInfo.InvariantCulture)}」不是有效的区划代码，{expected}。");
            return null;
        }
        var text = Text(column, 64, repeats: true);
        if (text is null)
        {
            if (!Failed(column))
                Error(column, $"{column.Header}不能为空，{expected}。");
            return null;
        }
        if (text.Length == 6 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
            return text;
        Error(column, $"「{text}」不是有效的区划代码，{expected}。");
        return null;
    }

    public IReadOnlyList<Domain.Cases.StartupStage> Stages(ColumnSpec column)
    {
        if (Typed(column) is { } typed)
        {
            Error(column, $"「{Convert.ToString(typed, CultureInfo.InvariantCulture)}」不是有效的开办环节。{StartupStageText.Expected}");
            return [];
        }
        var span = Span(column);
        if (span.Contains('\uFFFD'))
        {
            Error(column, Garbled);
            return [];
        }
        if (StartupStageText.TryParse(span, _cache, out var stages) is { } error)
        {
            Error(column, error);
            return [];
        }
        return stages is null ? [] : stages;
    }

    /// <summary>Items separated by ; ； or 、, trimmed, blanks and repeats dropped.</summary>
    public IReadOnlyList<string> Items(ColumnSpec column, int maxLength)
    {
        var typed = Typed(column);
        ReadOnlySpan<char> span = typed is null ? Span(column) : (TypedAsText(column, typed) ?? string.Empty).AsSpan();
        if (span.IsEmpty || Failed(column))
            return [];
        if (span.Contains('\uFFFD'))
        {
            Error(column, Garbled);
            return [];
        }
        List<string>? items = null;
        foreach (var range in span.SplitAny(";；、"))
        {
            var item = span[range].Trim();
            if (item.IsEmpty)
                continue;
            if (item.Length > maxLength)
            {
                Error(column, $"评价项「{item[..10]}…」不能超过{maxLength}个字符（当前{item.Length}个）；多个评价项请用「;」或「、」分隔。");
                return [];
            }
            var text = _cache.Get(item);
            if (items is null || !items.Contains(text, StringComparer.Ordinal))
                (items ??= []).Add(text);
        }
        return items is null ? [] : items;
    }

    public RatingLevel? Level(ColumnSpec column)
    {
        const string expected = "应为1–5或非常满意、满意、基本满意、不满意、非常不满意";
        switch (Typed(column))
        {
            case double number when number is >= 1 and <= 5 && number == Math.Floor(number):
                return (RatingLevel)(int)number;
            case { } other:
                Error(column, $"「{Convert.ToString(other, CultureInfo.InvariantCulture)}」不是有效的评价等级，{expected}。");
                return null;
        }
        var span = Span(column);
        if (span.IsEmpty)
        {
            Error(column, $"{column.Header}不能为空，{expected}。");
            return null;
        }
        if (RatingLevels.TryParse(_cache.Get(span), out var level))
            return level;
        Error(column, $"「{span}」不是有效的评价等级，{expected}。");
        return null;
    }

    private static readonly (string, bool)[] YesNoWords =
        [("是", true), ("否", false), ("Y", true), ("N", false), ("1", true), ("0", false), ("TRUE", true), ("FALSE", false)];

    private int Index(ColumnSpec column)
    {
        var index = columnIndex[column.Ordinal];
        return index >= 0 && index < source.FieldCount ? index : -1;
    }

    private object? Typed(ColumnSpec column) => Index(column) is var i and >= 0 ? source.GetTyped(i) : null;

    private ReadOnlySpan<char> Span(ColumnSpec column) => Index(column) is var i and >= 0 ? source.GetText(i).Trim() : default;

    private string? Checked(ColumnSpec column, ReadOnlySpan<char> text, int maxLength, bool repeats)
    {
        text = text.Trim();
        if (text.IsEmpty)
            return null;
        if (text.Contains('\uFFFD'))
        {
            Error(column, Garbled);
            return null;
        }
        if (text.Length > maxLength)
        {
            Error(column, $"{column.Header}不能超过{maxLength}个字符（当前{text.Length}个）。");
            return null;
        }
        return repeats ? _cache.Get(text) : text.ToString();
    }

    /// <summary>An Excel number, date or boolean where text is expected, written as Excel shows it.</summary>
    private string? TypedAsText(ColumnSpec column, object typed)
    {
        switch (typed)
        {
            case double number when number == Math.Floor(number) && Math.Abs(number) >= 1e15:
                // Excel keeps 15 significant digits: an 18-digit code typed into a number cell has lost its tail.
                Error(column, $"在 Excel 中被存成了数字（{number.ToString("E14", CultureInfo.InvariantCulture)}），超过15位的数字会丢失末尾几位。请把该列设为「文本」格式后重新填写。");
                return null;
            case double number:
                return number.ToString(number == Math.Floor(number) ? "0" : "R", CultureInfo.InvariantCulture);
            case DateTime time:
                return DateText.Write(DateText.RoundToSecond(time));
            case bool flag:
                return flag ? "TRUE" : "FALSE";
            default:
                return Convert.ToString(typed, CultureInfo.InvariantCulture);
        }
    }
}
