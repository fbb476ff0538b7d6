using ClosedXML.Excel;
using EvalSystem.Domain.Organization;
using EvalSystem.Reports.Charts;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.Bulletins.ReportSheets;

namespace EvalSystem.Reports.Bulletins;

/// <summary>
/// 排名通报: a cover, one ranking sheet per section (区域排名, 部门排名) and the 计算方法 sheet. A ranking sheet lists rank, code,
/// name, composite, previous rank, rank change (↑/↓), rank interval and the first-level scores, colours scores against the
/// warning and advanced values, and shows below the table the ranking bar chart, the trend chart and a heatmap of the
/// first-level scores.
/// </summary>
public static class RankingBulletinWorkbook
{
    public const string RegionSheet = "区域排名";
    public const string DepartmentSheet = "部门排名";

    /// <summary>The columns before the first-level scores; the first-level scores follow from column <c>FixedColumns + 1</c>.</summary>
    public static readonly IReadOnlyList<string> FixedHeaders = ["排名", "代码", "名称", "综合得分", "上期排名", "名次变化", "排名区间"];

    private const int RankColumn = 1;
    private const int CompositeColumn = 4;
    private const int ChangeColumn = 6;
    private const string NoPreviousRank = "新参评";

    public static byte[] Export(ReportHeader header, MethodDescription method, IReadOnlyList<RankingSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.Select(s => s.Kind).Distinct().Count() != sections.Count)
            throw new ArgumentException("每类评价对象只能有一个排名。", nameof(sections));
        foreach (var section in sections)
        {
            if (section.Rows.FirstOrDefault(r => r.Kind != section.Kind) is { } stray)
                throw new ArgumentException($"“{stray.TargetName}”不属于{KindName(section.Kind)}排名。", nameof(sections));
        }

        using var book = new ReportBook(header, method, [CoverSheet.Name, RegionSheet, DepartmentSheet]);
        CoverSheet.Add(book, sections.Select(s => (SheetName(s.Kind), $"{KindName(s.Kind)}综合得分、排名、名次变化、排名区间与一级指标得分")).ToArray());
        foreach (var section in sections)
            AddSection(book, section);
        return book.ToBytes();
    }

    public static string SheetName(TargetKind kind) => kind == TargetKind.Department ? DepartmentSheet : RegionSheet;

    private static string KindName(TargetKind kind) => kind == TargetKind.Department ? "部门" : "区域";

    private static void AddSection(ReportBook book, RankingSection section)
    {
        var header = book.Header;
        var ws = book.AddSheet(SheetName(section.Kind));
        var headers = FixedHeaders.Concat(section.FirstLevel.Select(f => f.Name)).ToArray();
        var t = section.Thresholds;
        Heading(ws, header, $"{header.Title}——{KindName(section.Kind)}排名",
            $"名次变化为上期排名减本期排名：↑上升、↓下降、—持平。得分低于预警值 {t.Warning:0.##} 分标红，达到先进值 {t.Advanced:0.##} 分标绿。排名区间为权重扰动下的名次范围。",
            headers.Length);
        HeaderCells(ws, HeaderRow, 1, headers);

        var texts = headers.Select(h => new List<string?> { h }).ToArray();
        var r = HeaderRow;
        foreach (var row in section.Rows)
        {
            r++;
            texts[0].Add(Put(ws.Cell(r, RankColumn), row.Rank, NumberFormats.Integer));
            texts[1].Add(Put(ws.Cell(r, 2), row.TargetCode));
            texts[2].Add(Put(ws.Cell(r, 3), row.TargetName));
            texts[3].Add(Put(ws.Cell(r, CompositeColumn), row.Composite, NumberFormats.Score));
            texts[4].Add(Put(ws.Cell(r, 5), row.PreviousRank, NumberFormats.Integer));
            texts[5].Add(Put(ws.Cell(r, ChangeColumn), row.RankChange is { } change ? (object)change : NoPreviousRank, NumberFormats.RankChange));
            texts[6].Add(Put(ws.Cell(r, 7), row.Interval?.ToString()));
            for (var f = 0; f < section.FirstLevel.Count; f++)
            {
                var score = row.FirstLevelScores.TryGetValue(section.FirstLevel[f].Code, out var s) ? s : null;
                texts[FixedHeaders.Count + f].Add(Put(ws.Cell(r, FixedHeaders.Count + 1 + f), score, NumberFormats.Score));
            }
        }

        var last = r;
        Widths(ws, 1, texts);
        if (last > HeaderRow)
            FormatTable(ws, section, last, headers.Length);
        ws.SheetView.Freeze(HeaderRow, 3);
        Print(ws, header, HeaderRow, HeaderRow, landscape: true);

        AddCharts(book, ws, section, last + 2);
    }

    private static void FormatTable(IXLWorksheet ws, RankingSection section, int last, int width)
    {
        const int first = HeaderRow + 1;
        ws.Range(first, RankColumn, last, RankColumn).Style.NumberFormat.SetFormat(NumberFormats.Integer);
        ws.Range(first, 2, last, 2).Style.NumberFormat.SetFormat(NumberFormats.Text);
        ws.Range(first, 5, last, 5).Style.NumberFormat.SetFormat(NumberFormats.Integer);
        ws.Range(first, ChangeColumn, last, ChangeColumn).Style.NumberFormat.SetFormat(NumberFormats.RankChange);
        ws.Range(first, CompositeColumn, last, CompositeColumn).Style.NumberFormat.SetFormat(NumberFormats.Score).Font.SetBold();
        if (width > FixedHeaders.Count)
            ws.Range(first, FixedHeaders.Count + 1, last, width).Style.NumberFormat.SetFormat(NumberFormats.Score);
        foreach (var c in new[] { RankColumn, 5, ChangeColumn, 7 })
            ws.Range(first, c, last, c).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        var table = ws.Range(HeaderRow, 1, last, width);
        table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        ws.Range(HeaderRow, 1, last, width).SetAutoFilter();

        Highlight(ws.Range(first, CompositeColumn, last, CompositeColumn), section.Thresholds);
        for (var f = 0; f < section.FirstLevel.Count; f++)
        {
            var c = FixedHeaders.Count + 1 + f;
            Highlight(ws.Range(first, c, last, c), section.FirstLevel[f].Thresholds ?? section.Thresholds);
        }
    }

    /// <summary>Red below the warning value, green at or above the advanced value; empty cells stay plain.</summary>
    private static void Highlight(IXLRange range, ScoreThresholds thresholds)
    {
        var cell = range.FirstCell().Address.ToStringRelative();
        var warning = thresholds.Warning.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var advanced = thresholds.Advanced.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        range.AddConditionalFormat().WhenIsTrue($"AND(ISNUMBER({cell}),{cell}<{warning})")
            .Fill.SetBackgroundColor(WarningFill).Font.SetFontColor(WarningFont);
        range.AddConditionalFormat().WhenIsTrue($"AND(ISNUMBER({cell}),{cell}>={advanced})")
            .Fill.SetBackgroundColor(AdvancedFill).Font.SetFontColor(AdvancedFont);
    }

    private static void AddCharts(ReportBook book, IXLWorksheet ws, RankingSection section, int row)
    {
        var kind = KindName(section.Kind);
        if (section.Rows.Count > 0)
        {
            var title = $"{book.Header.PeriodName} {kind}综合得分";
            var bars = section.Rows.Select(r => new RankingBarChart.Bar(r.TargetName, r.Composite)).ToArray();
            const int width = 800;
            var height = Math.Clamp(120 + (26 * bars.Length), 320, 2400);
            row = book.AddPicture(ws, row, 1, RankingBarChart.Png(title, bars, width, height), width, height, title);
        }

        if (section.Trend is { Periods.Count: > 0 } trend)
        {
            var title = $"{kind}综合得分走势";
            const int width = 800;
            const int height = 420;
            row = book.AddPicture(ws, row, 1, TrendLineChart.Png(title, trend.Periods, trend.Lines, width, height), width, height, title);
        }

        if (section.Rows.Count > 0 && section.FirstLevel.Count > 0)
        {
            var title = $"{book.Header.PeriodName} {kind}一级指标得分";
            var rows = section.Rows
                .Select(r => new HeatmapChart.Row(r.TargetName, section.FirstLevel.Select(f => r.FirstLevelScores.GetValueOrDefault(f.Code)).ToArray()))
                .ToArray();
            const int width = 800;
            var height = HeatmapChart.HeightFor(rows.Length);
            book.AddPicture(ws, row, 1, HeatmapChart.Png(title, section.FirstLevel.Select(f => f.Name).ToArray(), rows, width, height), width, height, title);
        }
    }
}
