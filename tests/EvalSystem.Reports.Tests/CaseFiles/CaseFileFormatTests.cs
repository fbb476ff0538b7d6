using System.IO.Compression;
using System.Text;
using EvalSystem.Reports.CaseFiles;
using static EvalSystem.Reports.Tests.CaseFiles.CaseFileSamples;
using C = EvalSystem.Reports.CaseFiles.CaseFileColumns;

namespace EvalSystem.Reports.Tests.CaseFiles;

/// <summary>The file as a whole: its type, encoding, delimiter and header.</summary>
public class CaseFileFormatTests
{
    private static CaseFileException FileError(byte[] bytes, string fileName = "办件.csv")
        => Assert.Throws<CaseFileException>(() => CaseFileReader.Read(new MemoryStream(bytes), fileName));

    private static CaseFileException FileError(string csv) => FileError(Encoding.UTF8.GetBytes(csv));

    [Fact]
    public void Read_ColumnsInAnyOrderWithExtraColumns_GiveTheSameRow()
    {
        var shuffled = new Dictionary<string, string> { ["备注"] = "无" };
        foreach (var (column, value) in ValidCase().Reverse())
            shuffled[column] = value;
        shuffled["经办人"] = "张三";

        Assert.Equal(SingleCase(Csv(ValidCase())), SingleCase(Csv(shuffled)));
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsIgnored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(ValidCase()))).ToArray();

        var row = Assert.Single(ReadCases(bytes, "办件.csv"));

        Assert.True(row.IsValid, row.ToString());
        Assert.Equal("BJ202503030000001", row.Row.CaseNumber);
    }

    [Fact]
    public void Read_HeadersWithSpacesAndRequiredStars_AreFound()
    {
        var csv = Csv(ValidCase()).Replace(C.CaseNumber, $" {C.CaseNumber}* ").Replace(C.ItemName, $"\u3000{C.ItemName}");

        Assert.Equal("BJ202503030000001", SingleCase(csv).CaseNumber);
    }

    [Fact]
    public void Read_WithoutTheOptionalColumns_ReadsNonStartupCases()
    {
        var row = SingleCase(Csv(ValidCase().Without(C.IsBusinessStartup).Without(C.StartupStages)));

        Assert.False(row.IsBusinessStartup);
        Assert.Empty(row.StartupStages);
    }

    [Fact]
    public void Read_MissingRequiredColumn_ThrowsBeforeAnyRowWithTheColumnNamed()
    {
        var error = Assert.Single(FileError(Csv(ValidCase().Without(C.ReceivedAt))).Errors);

        Assert.Equal(("办件数据", 1, C.ReceivedAt), (error.Sheet, error.Row, error.Column));
        Assert.Contains("缺少必填列「受理时间」", error.Message);
        Assert.Contains("「办件编号」", error.Message);
    }

    [Fact]
    public void Read_SeveralMissingColumns_AreAllReported()
    {
        var ex = FileError(Csv(ValidCase().Without(C.ReceivedAt).Without(C.Channel)));

        Assert.Equal([C.Channel, C.ReceivedAt], ex.Errors.Select(e => e.Column));
        Assert.Contains("缺少必填列「办理渠道」", ex.Message);
    }

    [Fact]
    public void Read_DuplicateColumn_NamesBothPositions()
    {
        var csv = Csv(ValidCase()).Replace(C.IsBusinessStartup, C.DepartmentCode);

        var error = Assert.Single(FileError(csv).Errors);

        Assert.Equal((1, C.DepartmentCode), (error.Row, error.Column));
        Assert.Contains("列「部门编码」出现了2次（第4列、第11列）", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysItIsEmpty()
        => Assert.Contains("文件是空的（0 字节）", FileError([]).Message);

    [Fact]
    public void Read_OnlyBlankLines_SaysThereIsNoHeader()
        => Assert.Contains("没有找到表头行", FileError("\r\n\r\n,,\r\n").Message);

    [Fact]
    public void Read_OldXlsFile_SaysToSaveAsXlsxOrCsvUtf8()
    {
        var message = FileError([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "办件.xls").Message;

        Assert.Contains("旧版 Excel (.xls)", message);
        Assert.Contains("CSV UTF-8", message);
    }

    [Fact]
    public void Read_Pdf_SaysItIsAPdf()
        => Assert.Contains("PDF", FileError(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n"), "办件.pdf").Message);

    [Fact]
    public void Read_TextFileNamedXlsx_SaysTheContentIsNotAWorkbook()
        => Assert.Contains("文件扩展名是 .xlsx，但内容不是 Excel 工作簿", FileError(Encoding.UTF8.GetBytes(Csv(ValidCase())), "办件.xlsx").Message);

    [Fact]
    public void Read_BinaryFile_IsAnUnknownType()
        => Assert.Contains("无法识别的文件类型", FileError([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "办件.png").Message);

    [Theory]
    [InlineData("PK\u0003\u0004garbage that is not a zip archive")]
    [InlineData("PK\u0005\u0006\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")]
    public void Read_DamagedZip_SaysTheWorkbookIsDamaged(string content)
        => Assert.Contains("文件已损坏", FileError(Encoding.Latin1.GetBytes(content), "办件.xlsx").Message);

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_SaysTheWorkbookIsDamaged()
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            entry.Write("<document/>");

        Assert.Contains("不是有效的 Excel (.xlsx) 工作簿", FileError(bytes.ToArray(), "办件.docx").Message);
    }

    [Fact]
    public void Read_RatingFileGivenAsCaseFile_SaysWhichFileItIs()
    {
        var error = Assert.Single(FileError(Csv(ValidRating())).Errors);

        Assert.Contains("这似乎是好差评数据文件", error.Message);
    }

    [Fact]
    public void Read_UnrelatedCsv_SaysThereIsNoCaseHeader()
    {
        var error = Assert.Single(FileError("姓名,电话\r\n张三,123\r\n").Errors);

        Assert.Equal(1, error.Row);
        Assert.Contains("没有找到办件数据的表头：前2行中没有任何可识别的列（第1行是 「姓名」、「电话」）", error.Message);
    }

    [Fact]
    public void Read_TitleRowsAboveTheHeader_ArePassedOver()
    {
        var csv = "2025年3月办件数据,,\r\n导出时间：2025-04-01,,\r\n" + Csv(ValidCase());

        var row = Assert.Single(ReadCases(csv));

        Assert.Equal(4, row.SourceRow);
        Assert.True(row.IsValid, row.ToString());
    }

    [Fact]
    public void Read_Gb18030CsvWithUnrecognisedHeader_SuggestsSavingAsCsvUtf8()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

        Assert.Contains("CSV UTF-8", FileError(gb18030.GetBytes("序号,名称\r\n1,测试\r\n")).Message);
    }

    [Fact]
    public void Read_Gb18030Csv_IsReadLikeUtf8()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

        var row = Assert.Single(ReadCases(gb18030.GetBytes(Csv(ValidCase())), "办件.csv"));

        Assert.Equal(SingleCase(Csv(ValidCase())), row.Row);
    }

    [Fact]
    public void Read_Utf16TabSeparatedText_IsRead()
    {
        var text = Csv(ValidCase()).Replace(",", "\t");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        Assert.Equal(SingleCase(Csv(ValidCase())), Assert.Single(ReadCases(bytes, "办件.txt")).Row);
    }

    [Fact]
    public void Read_SemicolonSeparatedCsv_IsRead()
    {
        var text = Csv(ValidCase().With(C.StartupStages, ""))
            .Replace(",", ";");

        Assert.Equal("BJ202503030000001", SingleCase(text).CaseNumber);
    }

    [Fact]
    public void Read_InvalidUtf8FarIntoTheFile_IsAnErrorOnThatRow()
    {
        var good = Encoding.UTF8.GetBytes(Csv(Enumerable.Range(0, 600).Select(i => (IReadOnlyDictionary<string, string>)ValidCase().With(C.CaseNumber, $"N{i}")).ToArray()));
        var bad = Encoding.UTF8.GetBytes(Line(ValidCase().With(C.CaseNumber, "BAD").With(C.ItemName, "Q").Values)).ToList();
        var x = bad.IndexOf((byte)'Q');
        bad[x] = 0xB0; // a GB18030 lead byte inside a UTF-8 file
        Assert.True(good.Length > 64 * 1024);

        var rows = ReadCases([.. good, .. bad], "办件.csv");

        Assert.Equal(600, rows.Count(r => r.IsValid));
        var error = Assert.Single(rows.Single(r => !r.IsValid).Errors);
        Assert.Equal((602, C.ItemName), (error.Row, error.Column));
        Assert.Contains("无法识别的字符", error.Message);
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsWhileEnumeratingWithTheRow()
    {
        var csv = Csv(ValidCase(), ValidCase()) + "\"BJ2,\"SX\"-1,x\r\n";

        var rows = CaseFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "办件.csv");

        var ex = Assert.Throws<CaseFileException>(() => rows.ToList());
        Assert.Equal(4, Assert.Single(ex.Errors).Row);
        Assert.Contains("引号不配对", ex.Message);
    }

    [Fact]
    public void Read_NonSeekableStream_IsRead()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv(ValidCase(), ValidCase().With(C.CaseNumber, "B")));

        var rows = CaseFileReader.Read(new ForwardOnlyStream(new MemoryStream(bytes)), "办件.csv").ToList();

        Assert.Equal(["BJ202503030000001", "B"], rows.Select(r => r.Row?.CaseNumber));
    }

    [Fact]
    public void Read_StreamPositionedPastTheStart_ReadsFromThere()
    {
        var stream = new MemoryStream();
        stream.Write("ignored prefix"u8);
        stream.Write(Encoding.UTF8.GetBytes(Csv(ValidCase())));
        stream.Position = "ignored prefix"u8.Length;

        Assert.Single(CaseFileReader.Read(stream, "办件.csv"), r => r.IsValid);
    }

    [Fact]
    public void Read_EnumeratedTwice_Throws()
    {
        var rows = CaseFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv(ValidCase()))), "办件.csv");
        _ = rows.ToList();

        Assert.Throws<InvalidOperationException>(() => rows.ToList());
    }

    [Fact]
    public void Read_LeavesTheCallersStreamOpen()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csv(ValidCase())));

        _ = CaseFileReader.Read(stream, "办件.csv").ToList();

        Assert.True(stream.CanRead);
    }
}
