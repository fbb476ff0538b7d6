using System.Text;
using EvalSystem.Reports.CaseFiles;
using MiniExcelLibs;
using static EvalSystem.Reports.Tests.CaseFiles.CaseFileSamples;

namespace EvalSystem.Reports.Tests.CaseFiles;

public class CaseFileTemplateTests
{
    [Fact]
    public void CaseCsvTemplate_IsUtf8WithBomAndTheHeaderInTemplateOrder()
    {
        var bytes = CaseFileTemplate.Csv();

        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0];
        Assert.Equal(string.Join(",", CaseFileColumns.All), header);
    }

    [Fact]
    public void CaseTemplates_ReadBackAsOneValidStartupCase_TheSameFromCsvAndXlsx()
    {
        var fromCsv = Assert.Single(ReadCases(CaseFileTemplate.Csv(), "办件数据模板.csv"));
        var fromXlsx = Assert.Single(ReadCases(CaseFileTemplate.Xlsx(), "办件数据模板.xlsx"));

        Assert.True(fromCsv.IsValid, fromCsv.ToString());
        Assert.True(fromCsv.Row.IsBusinessStartup);
        Assert.Equal(3, fromCsv.Row.StartupStages.Count);
        Assert.Equal(fromCsv.Row, fromXlsx.Row);
    }

    [Fact]
    public void CaseXlsxTemplate_HasTheDataSheetFirstAndInstructionsForEveryColumn()
    {
        using var xlsx = new MemoryStream(CaseFileTemplate.Xlsx());

        Assert.Equal(["办件数据", "填写说明"], MiniExcel.GetSheetNames(xlsx));
        xlsx.Position = 0;
        var described = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "填写说明")
            .Select(r => (string)((IDictionary<string, object>)r)["列名"]);
        Assert.Equal(CaseFileColumns.All, described);
    }

    [Fact]
    public void RatingTemplates_ReadBackAsOneValidRating_TheSameFromCsvAndXlsx()
    {
        var fromCsv = Assert.Single(ReadRatings(RatingFileTemplate.Csv(), "好差评数据模板.csv"));
        var fromXlsx = Assert.Single(ReadRatings(RatingFileTemplate.Xlsx(), "好差评数据模板.xlsx"));

        Assert.True(fromCsv.IsValid, fromCsv.ToString());
        Assert.Equal(["办事便捷", "一次办好"], fromCsv.Row.Items);
        Assert.Equal(fromCsv.Row, fromXlsx.Row);
    }

    [Fact]
    public void StartupStageText_FormatsWhatTheReaderReads()
    {
        var stages = SingleCase(Csv(ValidCase())).StartupStages;

        var text = StartupStageText.Format(stages);

        Assert.Equal(ValidCase()[CaseFileColumns.StartupStages], text);
    }
}
