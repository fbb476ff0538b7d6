using System.Globalization;
using ClosedXML.Excel;
using EvalSystem.Reports.CaseFiles;
using static EvalSystem.Reports.Tests.CaseFiles.CaseFileSamples;
using C = EvalSystem.Reports.CaseFiles.CaseFileColumns;

namespace EvalSystem.Reports.Tests.CaseFiles;

/// <summary>.xlsx uploads: the same content gives the same rows as CSV, whatever the cell types.</summary>
public class CaseFileXlsxTests
{
    private static readonly string[] TimeColumns = [C.ReceivedAt, C.CompletedAt];

    private static byte[] GeneratedCsv(int rows)
    {
        using var csv = new MemoryStream();
        CaseFileGenerator.WriteCsv(csv, rows, seed: 7, Departments, Regions);
        return csv.ToArray();
    }

    [Fact]
    public void Read_XlsxWithTextCells_GivesTheSameRowsAsTheCsv()
    {
        var csv = GeneratedCsv(300);
        var xlsx = Xlsx(CsvToTable(csv));

        var fromCsv = ReadCases(csv, "办件.csv");
        var fromXlsx = ReadCases(xlsx, "办件.xlsx");

        Assert.All(fromCsv, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(fromCsv.Select(r => r.Row), fromXlsx.Select(r => r.Row));
    }

    [Fact]
    public void Read_XlsxWithDateAndNumberCells_GivesTheSameRowsAsTheCsv()
    {
        var csv = GeneratedCsv(300);
        var table = CsvToTable(csv);
        foreach (var row in table)
        {
            foreach (var column in TimeColumns)
                if (row[column] is string time)
                    row[column] = DateTime.ParseExact(time, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            row[C.RegionCode] = double.Parse((string)row[C.RegionCode]!, CultureInfo.InvariantCulture);
            row[C.PromisedWorkingDays] = double.Parse((string)row[C.PromisedWorkingDays]!, CultureInfo.InvariantCulture);
        }

        var fromXlsx = ReadCases(Xlsx(table), "办件.xlsx");

        Assert.Equal(ReadCases(csv, "办件.csv").Select(r => r.Row), fromXlsx.Select(r => r.Row));
    }

    [Fact]
    public void Read_ExcelDateCellsWithTheirOwnFormats_AreRead()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("办件数据");
        var row = ValidCase().Without(C.StartupStages).Without(C.IsBusinessStartup);
        var c = 1;
        foreach (var (column, value) in row)
        {
            sheet.Cell(1, c).Value = column;
            sheet.Cell(2, c++).SetValue(value);
        }
        var received = sheet.Cell(2, 7);
        received.Value = new DateTime(2025, 3, 3, 9, 30, 0);
        received.Style.NumberFormat.Format = "yyyy\"年\"m\"月\"d\"日\" h:mm";
        var completed = sheet.Cell(2, 8);
        completed.Value = new DateTime(2025, 3, 4, 16, 0, 0);
        completed.Style.NumberFormat.NumberFormatId = 22; // m/d/yyyy h:mm
        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);

        var parsed = Assert.Single(ReadCases(bytes.ToArray(), "办件.xlsx"));

        Assert.True(parsed.IsValid, parsed.ToString());
        Assert.Equal(new DateTime(2025, 3, 3, 9, 30, 0), parsed.Row.ReceivedAt);
        Assert.Equal(new DateTime(2025, 3, 4, 16, 0, 0), parsed.Row.CompletedAt);
    }

    [Fact]
    public void Read_WorkbookWithSeveralSheets_ReadsTheCaseSheetAndNumbersRowsAsTheSheetDoes()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("说明").Cell(1, 1).Value = "这里不是数据";
        var sheet = workbook.AddWorksheet("办件数据");
        var c = 2;
        foreach (var (column, value) in ValidCase())
        {
            sheet.Cell(3, c).Value = column;
            sheet.Cell(5, c).SetValue(value);
            sheet.Cell(6, c++).SetValue(value);
        }
        sheet.Cell(6, 6).Value = "123"; // 区划代码
        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);

        var rows = ReadCases(bytes.ToArray(), "办件.xlsx");

        Assert.Equal([5, 6], rows.Select(r => r.SourceRow));
        var error = Assert.Single(rows[1].Errors);
        Assert.Equal(("办件数据", 6, C.RegionCode), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void Read_WorkbookWithoutTheCaseSheet_ReadsTheFirstSheetAndNamesItInErrors()
    {
        var xlsx = Xlsx([ValidCase().With(C.Channel, "邮寄").ToDictionary(kv => kv.Key, kv => (object?)kv.Value)], sheet: "Sheet1");

        var error = Assert.Single(Assert.Single(ReadCases(xlsx, "办件.xlsx")).Errors);

        Assert.Equal(("Sheet1", 2, C.Channel), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void Read_LongCodeStoredAsAnExcelNumber_SaysDigitsWereLost()
    {
        var row = ValidCase().ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        row[C.ItemCode] = 110101000000123456d;

        var error = Assert.Single(Assert.Single(ReadCases(Xlsx([row]), "办件.xlsx")).Errors);

        Assert.Equal(C.ItemCode, error.Column);
        Assert.Contains("超过15位的数字会丢失末尾几位", error.Message);
    }

    [Fact]
    public void Read_ShortCodeStoredAsAnExcelNumber_IsReadAsText()
    {
        var row = ValidCase().ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        row[C.CaseNumber] = 20250001d;

        Assert.Equal("20250001", Assert.Single(ReadCases(Xlsx([row]), "办件.xlsx")).Row?.CaseNumber);
    }

    [Fact]
    public void Read_XlsxFromANonSeekableStream_IsRead()
    {
        var xlsx = Xlsx([ValidCase().ToDictionary(kv => kv.Key, kv => (object?)kv.Value)]);

        var rows = CaseFileReader.Read(new ForwardOnlyStream(new MemoryStream(xlsx)), "办件.xlsx").ToList();

        Assert.True(Assert.Single(rows).IsValid);
    }

    [Fact]
    public void Read_Xlsx_LeavesTheCallersStreamOpen()
    {
        var stream = new MemoryStream(Xlsx([ValidCase().ToDictionary(kv => kv.Key, kv => (object?)kv.Value)]));

        _ = CaseFileReader.Read(stream, "办件.xlsx").ToList();

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void Read_EmptyWorksheet_SaysThereIsNoHeader()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("办件数据");
        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);

        var ex = Assert.Throws<CaseFileException>(() => CaseFileReader.Read(new MemoryStream(bytes.ToArray()), "办件.xlsx"));

        Assert.Contains("没有找到表头行", ex.Message);
    }
}
