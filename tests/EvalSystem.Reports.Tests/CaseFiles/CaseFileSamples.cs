using System.Text;
using EvalSystem.Reports.CaseFiles;
using MiniExcelLibs;
using Sylvan.Data.Csv;
using C = EvalSystem.Reports.CaseFiles.CaseFileColumns;
using R = EvalSystem.Reports.CaseFiles.RatingFileColumns;

namespace EvalSystem.Reports.Tests.CaseFiles;

/// <summary>Builds small case and rating files in code, as CSV text or .xlsx bytes.</summary>
internal static class CaseFileSamples
{
    public static readonly string[] Departments = ["AMR", "HRSS", "NRA", "HCB"];
    public static readonly string[] Regions = ["110101", "110102", "110105", "110106"];

    /// <summary>A completed business start-up case with every column filled.</summary>
    public static Dictionary<string, string> ValidCase() => new()
    {
        [C.CaseNumber] = "BJ202503030000001",
        [C.ItemCode] = "SX-0100",
        [C.ItemName] = "企业设立登记",
        [C.DepartmentCode] = "AMR",
        [C.RegionCode] = "110101",
        [C.Channel] = "线上",
        [C.ReceivedAt] = "2025-03-03 09:30",
        [C.CompletedAt] = "2025-03-04 16:00",
        [C.PromisedWorkingDays] = "3",
        [C.Status] = "已办结",
        [C.IsBusinessStartup] = "是",
        [C.StartupStages] = "设立登记@2025-03-03 09:30~2025-03-03 15:00;公章刻制@2025-03-03 15:10~2025-03-04 16:00",
    };

    public static Dictionary<string, string> ValidRating() => new()
    {
        [R.RatingId] = "PJ000000001",
        [R.CaseNumber] = "BJ202503030000001",
        [R.DepartmentCode] = "AMR",
        [R.RegionCode] = "110101",
        [R.Channel] = "窗口",
        [R.RatedAt] = "2025-03-04 16:20",
        [R.Level] = "5",
        [R.Items] = "办事便捷;一次办好",
        [R.Comment] = "当天就拿到了执照",
    };

    /// <summary>A CSV with the given rows' keys as header (first row's order) and one line per row.</summary>
    public static string Csv(params IReadOnlyDictionary<string, string>[] rows)
    {
        var headers = rows[0].Keys.ToList();
        var text = new StringBuilder();
        text.Append(Line(headers));
        foreach (var row in rows)
            text.Append(Line(headers.Select(h => row.GetValueOrDefault(h, string.Empty))));
        return text.ToString();
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> row, string column, string value)
    {
        row[column] = value;
        return row;
    }

    public static Dictionary<string, string> Without(this Dictionary<string, string> row, string column)
    {
        row.Remove(column);
        return row;
    }

    public static string Line(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f)) + "\r\n";

    public static List<ParsedRow<CaseFileRow>> ReadCases(string csv, string fileName = "办件.csv") =>
        ReadCases(Encoding.UTF8.GetBytes(csv), fileName);

    public static List<ParsedRow<CaseFileRow>> ReadCases(byte[] bytes, string fileName) =>
        [.. CaseFileReader.Read(new MemoryStream(bytes), fileName)];

    public static List<ParsedRow<RatingFileRow>> ReadRatings(string csv, string fileName = "好差评.csv") =>
        ReadRatings(Encoding.UTF8.GetBytes(csv), fileName);

    public static List<ParsedRow<RatingFileRow>> ReadRatings(byte[] bytes, string fileName) =>
        [.. RatingFileReader.Read(new MemoryStream(bytes), fileName)];

    /// <summary>The one row of a one-row file, which must have parsed.</summary>
    public static CaseFileRow SingleCase(string csv)
    {
        var row = Assert.Single(ReadCases(csv));
        Assert.True(row.IsValid, row.ToString());
        return row.Row;
    }

    /// <summary>The one error of a one-row file.</summary>
    public static Reports.IndicatorSystems.ImportError SingleCaseError(string csv)
    {
        var row = Assert.Single(ReadCases(csv));
        Assert.False(row.IsValid, "expected an error");
        return Assert.Single(row.Errors);
    }

    /// <summary>An .xlsx with one sheet: the header is the first row's keys; values keep their type (text, number, date).</summary>
    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows, string sheet = "办件数据")
    {
        using var bytes = new MemoryStream();
        MiniExcel.SaveAs(bytes, rows.ToList(), sheetName: sheet);
        return bytes.ToArray();
    }

    /// <summary>Reads a CSV into rows of header → text, to write the same content as .xlsx.</summary>
    public static List<Dictionary<string, object?>> CsvToTable(byte[] csv)
    {
        using var reader = CsvDataReader.Create(new StreamReader(new MemoryStream(csv), Encoding.UTF8));
        var table = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.GetString(i) is { Length: > 0 } text ? text : null;
            table.Add(row);
        }
        return table;
    }

    /// <summary>A temporary file deleted on dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"casefiles-{Guid.NewGuid():N}.csv");

        public void Dispose() => File.Delete(Path);
    }
}

/// <summary>A stream that cannot seek, like a request body.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
