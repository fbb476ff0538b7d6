using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Charts;
using EvalSystem.Reports.Excel;

namespace EvalSystem.Benchmarks;

/// <summary>
/// 指标明细 for a realistic province: 3,000 targets × 100 indicators, raw value and score each (600,000 value cells),
/// through ClosedXML 0.95.4 including the 计算方法 sheet and the reproducible-bytes pass.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReportDetailWorkbookBenchmarks
{
    private ReportHeader _header = null!;
    private MethodDescription _method = null!;
    private IndicatorMatrix _matrix = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20260415);
        var indicators = Enumerable.Range(0, BenchmarkData.Leaves)
            .Select(i => new DetailIndicator($"G{i / BenchmarkData.LeavesPerGroup}-L{i % BenchmarkData.LeavesPerGroup}", $"指标{i + 1:D3}", i % 3 == 0 ? "工作日" : "%"))
            .ToArray();
        var targets = Enumerable.Range(0, BenchmarkData.Targets)
            .Select(t => new DetailTarget(
                $"{110000 + t}",
                $"评价对象{t + 1:D4}",
                indicators.Select(_ => rng.Next(100) == 0
                    ? new DetailCell(null, null)
                    : new DetailCell(Math.Round(rng.NextDouble() * 100, 2), Math.Round(rng.NextDouble() * 100, 2), Imputed: rng.Next(50) == 0)).ToArray()))
            .ToArray();
        _matrix = new IndicatorMatrix(indicators, targets);
        _header = new ReportHeader("2026年第一季度指标明细", "2026年第一季度", Guid.Empty, "bench", new DateTimeOffset(2026, 4, 15, 9, 30, 0, TimeSpan.FromHours(8)), "基准测试");
        _method = new MethodDescription(
            indicators.Select(i => new MethodIndicatorLine(i.Code, i.Name, 2, i.Name, 0.1, "前沿距离：最优=100；最差=0", IndicatorDirection.HigherIsBetter)).ToArray(),
            "综合得分为一级指标得分的加权算术平均。");
    }

    [Benchmark]
    public int DetailWorkbook3000x100() => IndicatorDetailWorkbook.Export(_header, _method, _matrix).Length;
}

/// <summary>
/// One million cells (125,000 rows × 8 columns: numbers, text, a date) to .xlsx: the report's streaming writer next to the
/// bare Open XML SDK recipe (SpreadsheetDocument + OpenXmlWriter on the worksheet part) writing the same cells.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ReportStreamingBenchmarks
{
    private const int Rows = 125_000;
    private const int Columns = 8;

    private static readonly StreamingColumn[] Headers =
    [
        new("序号", ColumnFormat.Integer),
        new("评价对象"),
        new("指标代码", ColumnFormat.Text),
        new("原始值", ColumnFormat.Value),
        new("得分", ColumnFormat.Score),
        new("权重", ColumnFormat.Percent),
        new("填报时间", ColumnFormat.DateTime),
        new("填报人"),
    ];

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static IEnumerable<object?[]> Data()
    {
        var row = new object?[Columns];
        for (var i = 1; i <= Rows; i++)
        {
            row[0] = i;
            row[1] = "评价对象" + (i % 3000);
            row[2] = "G" + (i % 10) + "-L" + (i % 7);
            row[3] = (i % 997) * 0.25;
            row[4] = (i % 100) + 0.5;
            row[5] = 0.01 * (i % 10);
            row[6] = Start.AddMinutes(i);
            row[7] = "填报员" + (i % 50);
            yield return row;
        }
    }

    [Benchmark]
    public long Streaming()
    {
        using var output = new MemoryStream();
        StreamingTableWriter.Write(output, "明细", Headers, Data(), Start);
        return output.Length;
    }

    [Benchmark(Baseline = true)]
    public long BareOpenXmlWriter()
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>("rId1");
            using (var writer = OpenXmlWriter.Create(worksheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var cell = new Cell();
                var value = new CellValue();
                var inline = new InlineString();
                var text = new Text();
                var attributes = new List<OpenXmlAttribute>(2);
                var r = 1;
                foreach (var row in Data())
                {
                    writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, r.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                    for (var c = 0; c < row.Length; c++)
                    {
                        attributes.Clear();
                        var isText = row[c] is string;
                        if (isText)
                            attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
                        writer.WriteStartElement(cell, attributes);
                        if (isText)
                        {
                            writer.WriteStartElement(inline);
                            writer.WriteStartElement(text);
                            writer.WriteString((string)row[c]!);
                            writer.WriteEndElement();
                            writer.WriteEndElement();
                        }
                        else
                        {
                            var number = row[c] switch
                            {
                                int i => i,
                                double d => d,
                                DateTimeOffset at => at.DateTime.ToOADate(),
                                _ => 0,
                            };
                            writer.WriteStartElement(value);
                            writer.WriteString(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                            writer.WriteEndElement();
                        }

                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                    r++;
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "明细", SheetId = 1, Id = "rId1" }));
        }

        return output.Length;
    }
}

/// <summary>The ranking bar chart of 40 targets as an 800×600 PNG, next to the same plot built directly with ScottPlot.</summary>
[MemoryDiagnoser]
public class ReportChartBenchmarks
{
    private RankingBarChart.Bar[] _bars = null!;

    [GlobalSetup]
    public void Setup()
    {
        ChartFonts.Configure();
        var rng = new Random(7);
        _bars = Enumerable.Range(1, 40).Select(i => new RankingBarChart.Bar($"评价对象{i:D2}", Math.Round(100 - (i * 1.5) - rng.NextDouble(), 2))).ToArray();
    }

    [Benchmark]
    public int RankingBarChartPng() => RankingBarChart.Png("2026年第一季度 综合得分", _bars, 800, 600).Length;

    [Benchmark(Baseline = true)]
    public int BareScottPlotPng()
    {
        using var plot = new ScottPlot.Plot();
        var count = _bars.Length;
        var positions = Enumerable.Range(0, count).Select(i => (double)(count - i)).ToArray();
        var bars = plot.Add.Bars(positions, _bars.Select(b => b.Value).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, _bars.Select(b => b.Label).ToArray());
        plot.Axes.Margins(left: 0);
        plot.Title("2026年第一季度 综合得分");
        return plot.GetImageBytes(800, 600, ScottPlot.ImageFormat.Png).Length;
    }
}

/// <summary>
/// Peak working set of one 指标明细 export of 3,000 targets × 100 indicators (<c>--detail-memory</c>), which BenchmarkDotNet does
/// not report: the goal is ≤ 450 MB.
/// </summary>
internal static class DetailWorkbookMemory
{
    public static void Run()
    {
        var bench = new ReportDetailWorkbookBenchmarks();
        bench.Setup();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var setupPeak = process.PeakWorkingSet64;
        var reset = CaseImportMemory.ResetPeak();
        process.Refresh();
        var before = process.WorkingSet64;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var bytes = bench.DetailWorkbook3000x100();
        watch.Stop();
        process.Refresh();
        Console.WriteLine($"Setup peak working set (records): {CaseImportMemory.Mb(setupPeak)}; peak reset after setup: {(reset ? "yes" : "no")}");
        Console.WriteLine($"Working set before export: {CaseImportMemory.Mb(before)}");
        Console.WriteLine($"指标明细 3,000 × 100: {watch.Elapsed.TotalSeconds:F1} s, {bytes / 1024.0 / 1024.0:F1} MB file");
        Console.WriteLine($"Peak working set: {CaseImportMemory.Mb(process.PeakWorkingSet64)}");
    }
}
