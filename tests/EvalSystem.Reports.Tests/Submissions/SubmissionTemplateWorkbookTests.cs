using ClosedXML.Excel;
using EvalSystem.Reports.IndicatorSystems;
using EvalSystem.Reports.Submissions;
using static EvalSystem.Reports.Tests.Submissions.SampleTemplates;

namespace EvalSystem.Reports.Tests.Submissions;

public class SubmissionTemplateWorkbookTests
{
    private static XLWorkbook Exported() => new(new MemoryStream(SubmissionTemplateWorkbook.Export(Q4Market())));

    private static ImportError Single(TemplateImport result)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        return Assert.Single(result.Errors);
    }

    // ---- layout ----

    [Fact]
    public void Export_HasTitleBlockHeaderAndOneRowPerIndicatorAndTarget()
    {
        using var wb = Exported();
        var ws = wb.Worksheet("填报");
        Assert.Equal(["评价周期", "填报部门", "截止时间", "填写说明"], Enumerable.Range(2, 4).Select(r => ws.Cell(r, 1).GetString()));
        Assert.Equal("2026年第四季度", ws.Cell(2, 2).GetString());
        Assert.Equal("市场监管局", ws.Cell(3, 2).GetString());
        Assert.Equal("2026-12-31 18:00（北京时间）", ws.Cell(4, 2).GetString());
        Assert.Contains("本期值", ws.Cell(5, 2).GetString(), StringComparison.Ordinal);
        Assert.Equal(["指标代码", "指标名称", "计量单位", "评价对象", "上期值", "本期值", "填报说明"], Enumerable.Range(1, 7).Select(c => ws.Cell(7, c).GetString()));
        Assert.Equal(["KB-1", "开办企业时间", "工作日", "东城区", "2.5", "", ""], Enumerable.Range(1, 7).Select(c => ws.Cell(FirstRow, c).GetString()));
        Assert.Equal(["KB-2", "西城区", ""], new[] { 1, 4, 5 }.Select(c => ws.Cell(FirstRow + 3, c).GetString()));
        Assert.Equal(7, ws.SheetView.SplitRow);
        Assert.Equal(XLDataType.Number, ws.Cell(FirstRow, 5).DataType);
        Assert.Equal("0.0#########", ws.Cell(FirstRow, 5).Style.NumberFormat.Format);
        Assert.Equal("0.0#########", ws.Cell(FirstRow, ValueColumn).Style.NumberFormat.Format);
        Assert.NotEqual(XLColor.NoColor, ws.Cell(FirstRow, ValueColumn).Style.Fill.BackgroundColor);
        Assert.NotEqual(ws.Cell(FirstRow, 1).Style.Fill.BackgroundColor, ws.Cell(FirstRow, ValueColumn).Style.Fill.BackgroundColor);
        // "企业开办全程网办率" is 9 CJK characters: 18 units plus padding.
        Assert.Equal(20, ws.Column(2).Width);
        Assert.True(ws.Column(8).IsHidden);
    }

    [Fact]
    public void Export_WithoutDeadline_SaysNotSet()
    {
        using var wb = new XLWorkbook(new MemoryStream(SubmissionTemplateWorkbook.Export(Q4Market() with { DeadlineUtc = null })));
        Assert.Equal("未设定", wb.Worksheet("填报").Cell(4, 2).GetString());
    }

    [Fact]
    public void Export_ProtectsTheSheetAndUnlocksOnlyValueAndNoteCells()
    {
        using var wb = Exported();
        var ws = wb.Worksheet("填报");
        Assert.True(ws.Protection.IsProtected);
        for (var r = FirstRow; r < FirstRow + 4; r++)
        {
            for (var c = 1; c <= 5; c++)
                Assert.True(ws.Cell(r, c).Style.Protection.Locked, $"R{r}C{c} should be locked");
            Assert.True(ws.Cell(r, 8).Style.Protection.Locked);
            Assert.False(ws.Cell(r, ValueColumn).Style.Protection.Locked);
            Assert.False(ws.Cell(r, NoteColumn).Style.Protection.Locked);
        }

        Assert.True(ws.Cell(7, ValueColumn).Style.Protection.Locked);
        Assert.True(ws.Cell(2, 2).Style.Protection.Locked);
    }

    [Fact]
    public void Export_HasAVeryHiddenInfoSheetWithPeriodDepartmentAndRowKeys()
    {
        using var wb = Exported();
        Assert.Equal(["填报", "模板信息"], wb.Worksheets.Select(w => w.Name));
        var info = wb.Worksheet("模板信息");
        Assert.Equal(XLWorksheetVisibility.VeryHidden, info.Visibility);
        Assert.Equal(XLWorksheetVisibility.Visible, wb.Worksheet("填报").Visibility);
        Assert.Equal(Q4.ToString(), info.Cell(1, 2).GetString());
        Assert.Equal(Market.ToString(), info.Cell(3, 2).GetString());
        var rows = Q4Market().Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].IndicatorNodeId.ToString(), info.Cell(7 + i, 2).GetString());
            Assert.Equal(rows[i].TargetId.ToString(), info.Cell(7 + i, 3).GetString());
        }
    }

    // ---- round trip ----

    [Fact]
    public void RoundTrip_ReturnsTheExpectedRowsWithFilledValuesAndNotes()
    {
        var result = Import(ws =>
        {
            ws.Cell(FirstRow, ValueColumn).SetValue(2);
            ws.Cell(FirstRow, NoteColumn).SetValue("含周末");
            ws.Cell(FirstRow + 1, ValueColumn).SetValue("3.5");
            ws.Cell(FirstRow + 2, ValueColumn).SetValue(100);
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var expected = Q4Market().Rows;
        Assert.Equal(
        [
            expected[0] with { Value = 2, Note = "含周末" },
            expected[1] with { Value = 3.5 },
            expected[2] with { Value = 100 },
            expected[3],
        ], result.Rows);
    }

    [Fact]
    public void RoundTrip_OfAPrefilledTemplate_GivesItBack()
    {
        var template = Q4Market();
        template = template with { Rows = [template.Rows[0] with { Value = 1.25, Note = "已核实" }, .. template.Rows.Skip(1)] };
        using var file = new MemoryStream(SubmissionTemplateWorkbook.Export(template));
        var result = SubmissionTemplateWorkbook.Import(file, template);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(template.Rows, result.Rows);
    }

    [Fact]
    public void Import_IgnoresChangesToReadOnlyTextAndTakesIdsAndNamesFromTheServer()
    {
        var result = Import(ws =>
        {
            ws.Cell(FirstRow, 2).SetValue("改过的名称");
            ws.Cell(FirstRow, ValueColumn).SetValue(1);
        });
        Assert.True(result.Succeeded);
        Assert.Equal("开办企业时间", result.Rows[0].IndicatorName);
        Assert.Equal(1, result.Rows[0].Value);
    }

    // ---- the file itself ----

    [Fact]
    public void Import_EmptyFile_IsOneClearError()
    {
        var error = Single(SubmissionTemplateWorkbook.Import(new MemoryStream(), Q4Market()));
        Assert.Equal(0, error.Row);
        Assert.Contains("空的", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("指标代码,本期值\nKB-1,3", "不要只修改文件扩展名")]
    [InlineData("%PDF-1.7\n1 0 obj", "PDF")]
    [InlineData("PK\u0003\u0004 broken zip", "已损坏")]
    public void Import_NotAnXlsx_IsOneClearError(string content, string reason)
    {
        var error = Single(SubmissionTemplateWorkbook.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), Q4Market()));
        Assert.Contains("不是有效的 Excel", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WithoutTheEntrySheet_NamesIt()
    {
        var error = Single(ImportWorkbook(wb => wb.Worksheet("填报").Name = "Sheet1"));
        Assert.Contains("缺少工作表「填报」", error.Message, StringComparison.Ordinal);
        Assert.Contains("「Sheet1」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WithoutTheInfoSheet_NamesIt()
    {
        var error = Single(ImportWorkbook(wb => wb.Worksheet("模板信息").Delete()));
        Assert.Contains("「模板信息」", error.Message, StringComparison.Ordinal);
    }

    // ---- whose template ----

    [Fact]
    public void Import_TemplateOfAnotherPeriod_SaysWhichPeriodItBelongsTo()
    {
        var q3 = Q4Market() with { PeriodId = Q3, PeriodName = "2026年第三季度" };
        using var file = new MemoryStream(SubmissionTemplateWorkbook.Export(q3));
        var error = Single(SubmissionTemplateWorkbook.Import(file, Q4Market()));
        Assert.Equal(("填报", 2, "评价周期"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("该模板属于「2026年第三季度」，不是当前的「2026年第四季度」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TemplateOfAnotherDepartment_SaysWhichDepartmentItBelongsTo()
    {
        var tax = Q4Market() with { DepartmentId = Tax, DepartmentName = "税务局" };
        using var file = new MemoryStream(SubmissionTemplateWorkbook.Export(tax));
        var error = Single(SubmissionTemplateWorkbook.Import(file, Q4Market()));
        Assert.Equal(("填报", 3, "填报部门"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("该模板属于「税务局」，不是当前的「市场监管局」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TemplateForOtherRowsThanTheServerExpects_IsOutdated()
    {
        var expected = Q4Market();
        expected = expected with { Rows = expected.Rows.Take(3).ToList() };
        var error = Single(Import(_ => { }, expected));
        Assert.Equal(FirstRow + 3, error.Row);
        Assert.Contains("「KB-2 / 西城区」不在当前填报任务中", error.Message, StringComparison.Ordinal);
        Assert.Contains("重新下载", error.Message, StringComparison.Ordinal);
    }

    // ---- header ----

    [Fact]
    public void Import_RenamedHeader_NamesTheExpectedColumnAndWhere()
    {
        var error = Single(Import(ws => ws.Cell(7, ValueColumn).SetValue("数值")));
        Assert.Equal((7, "本期值"), (error.Row, error.Column));
        Assert.Contains("缺少列「本期值」", error.Message, StringComparison.Ordinal);
        Assert.Contains("F列", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MovedColumns_SayWhereTheyWent()
    {
        var result = Import(ws =>
        {
            ws.Cell(7, ValueColumn).SetValue("填报说明");
            ws.Cell(7, NoteColumn).SetValue("本期值");
        });
        Assert.Equal([(7, "本期值"), (7, "填报说明")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("「本期值」被放在了第7列（G列）", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Import_DeletedColumn_IsReported()
    {
        var result = ImportWorkbook(wb =>
        {
            var ws = wb.Worksheet("填报");
            ws.Unprotect();
            ws.Column(5).Delete();
        });
        Assert.Contains(result.Errors, e => e.Row == 7 && e.Column == "上期值" && e.Message.Contains("应为「上期值」", StringComparison.Ordinal));
        Assert.Empty(result.Rows);
    }

    // ---- rows ----

    [Fact]
    public void Import_AddedRow_IsNamed()
    {
        var result = Import(ws =>
        {
            ws.Unprotect();
            ws.Row(FirstRow + 1).InsertRowsAbove(1);
            ws.Cell(FirstRow + 1, 1).SetValue("KB-9");
            ws.Cell(FirstRow + 1, 4).SetValue("南城区");
            ws.Cell(FirstRow + 1, ValueColumn).SetValue(5);
        });
        var error = Single(result);
        Assert.Equal(FirstRow + 1, error.Row);
        Assert.Contains("第9行（「KB-9 / 南城区」）不是模板中的行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RemovedRow_NamesTheMissingIndicatorAndTarget()
    {
        var error = Single(Import(ws =>
        {
            ws.Unprotect();
            ws.Row(FirstRow + 1).Delete();
        }));
        Assert.Equal(FirstRow + 1, error.Row);
        Assert.Contains("缺少「KB-1 开办企业时间 / 西城区」这一行", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ReorderedRows_NameBothRows()
    {
        var result = Import(ws =>
        {
            ws.Unprotect();
            // A user sorting by 评价对象: rows 9 and 10 swap places together with their (hidden) keys.
            var row9 = Enumerable.Range(1, 8).Select(c => ws.Cell(FirstRow + 1, c).Value).ToArray();
            for (var c = 1; c <= 8; c++)
            {
                ws.Cell(FirstRow + 1, c).Value = ws.Cell(FirstRow + 2, c).Value;
                ws.Cell(FirstRow + 2, c).Value = row9[c - 1];
            }
        });
        Assert.Equal([FirstRow + 1, FirstRow + 2], result.Errors.Select(e => e.Row));
        Assert.Contains("第9行是「KB-2 企业开办全程网办率 / 东城区」，按模板顺序这里应为「KB-1 开办企业时间 / 西城区」", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("顺序", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Import_CopiedRow_IsADuplicate()
    {
        var error = Single(Import(ws =>
        {
            ws.Unprotect();
            ws.Row(FirstRow + 4).Clear();
            for (var c = 1; c <= 8; c++)
                ws.Cell(FirstRow + 4, c).Value = ws.Cell(FirstRow, c).Value;
        }));
        Assert.Equal(FirstRow + 4, error.Row);
        Assert.Contains("与第8行是同一行「KB-1 开办企业时间 / 东城区」", error.Message, StringComparison.Ordinal);
    }

    // ---- values ----

    [Fact]
    public void Import_ValueThatIsNotANumber_NamesSheetRowAndColumn()
    {
        var error = Single(Import(ws => ws.Cell(FirstRow + 1, ValueColumn).SetValue("三天")));
        Assert.Equal(("填报", FirstRow + 1, "本期值"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("本期值「三天」不是数字", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NegativeValue_IsRefused()
    {
        var error = Single(Import(ws => ws.Cell(FirstRow, ValueColumn).SetValue(-1)));
        Assert.Equal((FirstRow, "本期值"), (error.Row, error.Column));
        Assert.Contains("不能为负数（当前为-1）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PercentAbove100_IsRefused_ButOtherUnitsMayExceed100()
    {
        var result = Import(ws =>
        {
            ws.Cell(FirstRow, ValueColumn).SetValue(120);
            ws.Cell(FirstRow + 2, ValueColumn).SetValue(100.5);
            ws.Cell(FirstRow + 3, ValueColumn).SetValue(100);
        });
        var error = Single(result);
        Assert.Equal((FirstRow + 2, "本期值"), (error.Row, error.Column));
        Assert.Contains("计量单位为「%」，本期值不能大于100（当前为100.5）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ValueWithPercentSign_SaysSo()
    {
        var error = Single(Import(ws => ws.Cell(FirstRow + 2, ValueColumn).SetValue("95%")));
        Assert.Equal((FirstRow + 2, "本期值"), (error.Row, error.Column));
        Assert.Contains("带有百分号", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_EmptyValues_AreAllowedAndMeanNotFilledIn()
    {
        var result = Import(ws => ws.Cell(FirstRow + 3, ValueColumn).SetValue("  "));
        Assert.True(result.Succeeded);
        Assert.All(result.Rows, r => Assert.Null(r.Value));
    }

    [Fact]
    public void Import_CollectsEveryProblemInSheetOrder()
    {
        var result = Import(ws =>
        {
            ws.Cell(FirstRow + 3, ValueColumn).SetValue("abc");
            ws.Cell(FirstRow, ValueColumn).SetValue(-2);
            ws.Cell(FirstRow + 1, NoteColumn).SetValue(new string('很', 501));
        });
        Assert.Equal([(FirstRow, "本期值"), (FirstRow + 1, "填报说明"), (FirstRow + 3, "本期值")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("不能超过500字", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
    }
}
