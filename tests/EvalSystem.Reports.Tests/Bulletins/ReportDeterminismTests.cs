using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Tests.Excel;
using static EvalSystem.Reports.Tests.Bulletins.SampleReports;

namespace EvalSystem.Reports.Tests.Bulletins;

/// <summary>The same records and the same generation time give the same workbook: a report can be re-made and compared.</summary>
public class ReportDeterminismTests
{
    public static TheoryData<string> Reports => [.. Exports.Keys];

    private static readonly Dictionary<string, Func<byte[]>> Exports = new()
    {
        ["排名通报"] = () => RankingBulletinWorkbook.Export(Header(), Method(), [Regions(), Departments()]),
        ["评分卡"] = () => ScorecardWorkbook.Export(Header("评分卡"), Method(), [Center(), East(), Awkward()]),
        ["单个评分卡"] = () => ScorecardWorkbook.ExportOne(Header("评分卡"), Method(), East()),
        ["指标明细"] = () => IndicatorDetailWorkbook.Export(Header("指标明细"), Method(), Matrix()),
        ["填报与佐证台账"] = () => SubmissionRegisterWorkbook.Export(Header("填报与佐证台账"), Method(), SampleReports.Submissions()),
        ["整改台账"] = () => RectificationRegisterWorkbook.Export(Header("整改台账"), Method(), Rectifications()),
        ["审计日志"] = () => AuditLogWorkbook.Export(Header("审计日志") with { ScoreRunId = null, MethodVersion = null }, MethodDescription.Empty, Audit()),
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Export_Twice_GivesTheSameCellsAndTheSameParts(string report)
    {
        var first = Exports[report]();
        Package.WaitForTheClockToMove(); // anything stamped with the clock would now differ
        var second = Exports[report]();

        Assert.Equal(Package.CellTexts(first), Package.CellTexts(second));
        var a = Package.Parts(first);
        var b = Package.Parts(second);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var name in a.Keys.Where(n => n != "docProps/core.xml"))
            Assert.True(a[name].AsSpan().SequenceEqual(b[name]), $"{name} differs");
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Export_StampsTheFileWithTheGenerationTimeNotTheClock(string report)
    {
        var core = System.Text.Encoding.UTF8.GetString(Package.Parts(Exports[report]())["docProps/core.xml"]);
        Assert.Contains(">2026-04-15T01:30:00", core, StringComparison.Ordinal);
        Assert.Contains("评估办 王敏", core, StringComparison.Ordinal);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(Exports[report]()));
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2026, 4, 15, 9, 30, 0), e.LastWriteTime.DateTime));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Export_IsValidAgainstTheSpreadsheetSchema(string report) => Assert.Empty(Package.ValidationErrors(Exports[report]()));

    [Theory]
    [MemberData(nameof(Reports))]
    public void EveryWorkbook_EndsWithTheMethodSheetAndProtectsEverySheet(string report)
    {
        using var wb = Package.Open(Exports[report]());
        Assert.Equal("计算方法", wb.Worksheets.Last().Name);
        Assert.All(wb.Worksheets, ws => Assert.True(ws.Protection.IsProtected, $"{ws.Name} is not protected"));
    }
}
