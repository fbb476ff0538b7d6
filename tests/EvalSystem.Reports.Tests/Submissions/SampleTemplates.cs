using ClosedXML.Excel;
using EvalSystem.Reports.Submissions;

namespace EvalSystem.Reports.Tests.Submissions;

/// <summary>A department's template for one period, and helpers to edit an exported copy the way a user would.</summary>
internal static class SampleTemplates
{
    public static readonly Guid Q4 = new("7d1c6f0e-0000-4000-8000-000000000004");
    public static readonly Guid Q3 = new("7d1c6f0e-0000-4000-8000-000000000003");
    public static readonly Guid Market = new("5e0a0000-0000-4000-8000-00000000000a");
    public static readonly Guid Tax = new("5e0a0000-0000-4000-8000-00000000000b");

    private static readonly Guid Kb1 = new("1a000000-0000-4000-8000-000000000001");
    private static readonly Guid Kb2 = new("1a000000-0000-4000-8000-000000000002");
    private static readonly Guid East = new("7a000000-0000-4000-8000-000000000001");
    private static readonly Guid West = new("7a000000-0000-4000-8000-000000000002");

    /// <summary>Rows 8–11 of the "填报" sheet: KB-1 × 东城区/西城区 (工作日), KB-2 × 东城区/西城区 (%).</summary>
    public static SubmissionTemplate Q4Market() => new(
        Q4, "2026年第四季度", Market, "市场监管局", new DateTime(2026, 12, 31, 10, 0, 0, DateTimeKind.Utc),
        [
            new(Kb1, "KB-1", "开办企业时间", "工作日", East, "东城区", 2.5, null, null),
            new(Kb1, "KB-1", "开办企业时间", "工作日", West, "西城区", 3, null, null),
            new(Kb2, "KB-2", "企业开办全程网办率", "%", East, "东城区", 96.5, null, null),
            new(Kb2, "KB-2", "企业开办全程网办率", "%", West, "西城区", null, null, null),
        ]);

    public const int FirstRow = 8;
    public const int ValueColumn = 6;
    public const int NoteColumn = 7;

    /// <summary>Exports <paramref name="template"/>, lets <paramref name="edit"/> change it as a user would, and returns the file.</summary>
    public static MemoryStream Edited(SubmissionTemplate template, Action<XLWorkbook> edit)
    {
        using var wb = new XLWorkbook(new MemoryStream(SubmissionTemplateWorkbook.Export(template)));
        edit(wb);
        var stream = new MemoryStream();
        wb.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    public static TemplateImport Import(Action<IXLWorksheet> edit, SubmissionTemplate? expected = null)
        => ImportWorkbook(wb => edit(wb.Worksheet("填报")), expected);

    public static TemplateImport ImportWorkbook(Action<XLWorkbook> edit, SubmissionTemplate? expected = null)
    {
        using var file = Edited(Q4Market(), edit);
        return SubmissionTemplateWorkbook.Import(file, expected ?? Q4Market());
    }
}
