using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>One column of a template: its header, an example value, and what to write there.</summary>
/// <param name="Example">A string, or a DateTime written as a real Excel date cell in the .xlsx.</param>
internal sealed record TemplateColumn(string Header, object Example, string Required, string Format);

/// <summary>Writes the header-and-one-example templates the office downloads, as CSV or as .xlsx with a 填写说明 sheet.</summary>
internal static class FileTemplate
{
    public static byte[] Csv(IReadOnlyList<TemplateColumn> columns)
    {
        using var bytes = new MemoryStream();
        using (var writer = CsvText.Writer(bytes))
        {
            CsvText.WriteRow(writer, [.. columns.Select(c => c.Header)]);
            CsvText.WriteRow(writer, [.. columns.Select(c => c.Example is DateTime t ? DateText.Write(t) : (string)c.Example)]);
        }
        return bytes.ToArray();
    }

    public static byte[] Xlsx(string dataSheet, IReadOnlyList<TemplateColumn> columns)
    {
        var example = columns.ToDictionary(c => c.Header, c => (object?)c.Example);
        var instructions = columns.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c.Header,
            ["是否必填"] = c.Required,
            ["填写说明"] = c.Format,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [dataSheet] = new[] { example },
            ["填写说明"] = instructions,
        };
        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            DynamicColumns =
            [
                .. columns.Select(c => c.Example is DateTime
                    ? new DynamicExcelColumn(c.Header) { Width = ColumnWidth(c), Format = "yyyy-mm-dd hh:mm" }
                    : new DynamicExcelColumn(c.Header) { Width = ColumnWidth(c) }),
                new DynamicExcelColumn("列名") { Width = 16 },
                new DynamicExcelColumn("是否必填") { Width = 24 },
                new DynamicExcelColumn("填写说明") { Width = 100 },
            ],
        };
        using var bytes = new MemoryStream();
        MiniExcel.SaveAs(bytes, sheets, configuration: configuration);
        return bytes.ToArray();
    }

    // CJK characters take two widths; the example shows what the cells will hold.
    private static double ColumnWidth(TemplateColumn column)
    {
        static int Width(string text) => text.Sum(ch => ch > 0x2E80 ? 2 : 1);
        var example = column.Example is DateTime ? 16 : Width((string)column.Example);
        return Math.Clamp(Math.Max(Width(column.Header), example) + 2, 10, 60);
    }
}
