using EvalSystem.Domain.Cases;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// 开办环节 written in one cell: <c>名称@开始~结束</c> per stage, stages separated by <c>;</c>, e.g.
/// <c>设立登记@2025-03-03 09:30~2025-03-03 15:00;公章刻制@2025-03-03 15:10~</c>. The times take any format
/// <see cref="CaseFileReader"/> accepts for times; an empty end means the stage is still in progress. Full-width
/// <c>；＠～</c> are accepted too, as are spaces around each part and a trailing <c>;</c>.
/// </summary>
public static class StartupStageText
{
    internal const string Expected = "每个环节写作「名称@开始时间~结束时间」（结束时间未完成时留空），多个环节用「;」分隔，如 设立登记@2025-03-03 09:30~2025-03-03 15:00;公章刻制@2025-03-03 15:10~";

    internal const int MaxNameLength = 50;

    /// <summary>The cell text for <paramref name="stages"/>, as <see cref="CaseFileReader"/> reads it back.</summary>
    public static string Format(IEnumerable<StartupStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return string.Join(";", stages.Select(s =>
            $"{s.Name}@{DateText.Write(s.StartedAt)}~{(s.CompletedAt is { } end ? DateText.Write(end) : string.Empty)}"));
    }

    /// <summary>Null on success, otherwise the reason in Chinese; blank text is no stages.</summary>
    internal static string? TryParse(ReadOnlySpan<char> text, StringCache names, out List<StartupStage>? stages)
    {
        stages = null;
        var number = 0;
        foreach (var range in text.SplitAny(";；"))
        {
            var part = text[range].Trim();
            if (part.IsEmpty)
                continue;
            number++;
            var at = part.IndexOfAny('@', '＠');
            if (at < 0)
                return $"第{number}个环节「{part}」缺少「@」。{Expected}";
            var name = part[..at].Trim();
            if (name.IsEmpty)
                return $"第{number}个环节没有名称。{Expected}";
            if (name.Length > MaxNameLength)
                return $"第{number}个环节的名称不能超过{MaxNameLength}个字符（当前{name.Length}个）。";
            var times = part[(at + 1)..];
            var tilde = times.IndexOfAny('~', '～', '〜');
            if (tilde < 0)
                return $"第{number}个环节「{name}」缺少「~」。{Expected}";
            var startText = times[..tilde].Trim();
            var endText = times[(tilde + 1)..].Trim();
            if (startText.IsEmpty)
                return $"第{number}个环节「{name}」缺少开始时间。{Expected}";
            if (DateText.TryParse(startText, out var start) is { } startError)
                return $"第{number}个环节「{name}」的开始时间「{startText}」{startError}。";
            DateTime? end = null;
            if (!endText.IsEmpty)
            {
                if (DateText.TryParse(endText, out var parsedEnd) is { } endError)
                    return $"第{number}个环节「{name}」的结束时间「{endText}」{endError}。";
                if (parsedEnd < start)
                    return $"第{number}个环节「{name}」的结束时间{DateText.Write(parsedEnd)}早于开始时间{DateText.Write(start)}。";
                end = parsedEnd;
            }
            (stages ??= []).Add(new StartupStage(names.Get(name), start, end));
        }
        return null;
    }
}
