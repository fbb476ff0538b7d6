using ClosedXML.Excel;
using EvalSystem.Domain.Cases;
using EvalSystem.Reports.IndicatorSystems;
using static EvalSystem.Reports.Tests.IndicatorSystems.SampleSystems;

namespace EvalSystem.Reports.Tests.IndicatorSystems;

public class IndicatorSystemWorkbookImportTests
{
    private const string Sheet = "指标体系";
    private static readonly IndicatorSystemSheet Sample = County();

    private static int Row(string code) => Sample.RowOf(code);

    // ---- the file itself ----

    [Fact]
    public void Import_EmptyFile_ReturnsOneClearError()
    {
        var error = AssertSingleError(Import([]));
        Assert.Equal((string.Empty, 0, string.Empty), (error.Sheet, error.Row, error.Column));
        Assert.Contains("文件不是有效的 Excel (.xlsx) 文件", error.Message);
        Assert.Contains("0 字节", error.Message);
    }

    [Theory]
    [InlineData("层级,指标代码,指标名称\n1,KB,开办企业\n", "不要只修改文件扩展名")]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj\n", "PDF")]
    [InlineData("PK\u0003\u0004garbage that is not a zip archive", "已损坏")]
    public void Import_FileThatIsNotXlsx_ReturnsOneClearError(string content, string hint)
    {
        var error = AssertSingleError(Import(System.Text.Encoding.UTF8.GetBytes(content)));
        Assert.Contains("文件不是有效的 Excel (.xlsx) 文件", error.Message);
        Assert.Contains(hint, error.Message);
    }

    [Fact]
    public void Import_OldXlsFile_SaysToSaveAsXlsx()
    {
        var error = AssertSingleError(Import([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]));
        Assert.Contains("另存为 .xlsx", error.Message);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(1000)]
    [InlineData(-1)]
    public void Import_TruncatedXlsx_ReturnsAnErrorInsteadOfThrowing(int keep)
    {
        var bytes = IndicatorSystemWorkbook.Export(Sample);
        var result = Import(bytes[..(keep > 0 ? keep : bytes.Length / 2)]);

        var error = AssertSingleError(result);
        Assert.Contains("文件不是有效的 Excel (.xlsx) 文件", error.Message);
    }

    [Fact]
    public void Import_WithoutTheIndicatorSheet_NamesTheMissingSheetAndTheOnesFound()
    {
        var result = Import(Edit(IndicatorSystemWorkbook.Export(Sample), wb => wb.Worksheet(Sheet).Name = "Sheet1"));

        var error = AssertSingleError(result);
        Assert.Equal((0, string.Empty), (error.Row, error.Column));
        Assert.Contains("缺少工作表「指标体系」", error.Message);
        Assert.Contains("「Sheet1」", error.Message);
    }

    // ---- header and title block ----

    [Fact]
    public void Import_SwappedHeaderColumns_SaysWhichColumnWasExpectedWhere()
    {
        var result = ImportEdited(Sample, ws =>
        {
            ws.Cell(7, 5).SetValue("节点类型");
            ws.Cell(7, 6).SetValue("权重(%)");
        });

        Assert.Null(result.Sheet);
        Assert.Equal(2, result.Errors.Count);
        var weight = result.Errors[0];
        Assert.Equal((Sheet, 7, "权重(%)"), (weight.Sheet, weight.Row, weight.Column));
        Assert.Contains("第5列（E列）应为「权重(%)」", weight.Message);
        Assert.Contains("放在了第6列（F列）", weight.Message);
        Assert.Equal("节点类型", result.Errors[1].Column);
    }

    [Fact]
    public void Import_DeletedHeaderColumn_NamesTheMissingColumn()
    {
        var result = ImportEdited(Sample, ws => ws.Column(4).Delete());

        Assert.Null(result.Sheet);
        var first = result.Errors[0];
        Assert.Equal((7, "英文名称"), (first.Row, first.Column));
        Assert.Contains("缺少列「英文名称」", first.Message);
        Assert.Contains("第4列（D列）", first.Message);
    }

    [Fact]
    public void Import_NoHeaderRowAtAll_SaysWhereItShouldBe()
    {
        var result = ImportEdited(Sample, ws => ws.Rows(7, 40).Delete());

        var error = AssertSingleError(result);
        Assert.Equal(7, error.Row);
        Assert.Contains("找不到表头行", error.Message);
        Assert.Contains("层级、指标代码、指标名称", error.Message);
    }

    [Fact]
    public void Import_HeaderMovedDownByInsertedRows_IsStillFound()
    {
        var result = ImportEdited(Sample, ws => ws.Row(6).InsertRowsAbove(2));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Sample.Rows.Count, result.Sheet!.Rows.Count);
        Assert.Equal(10, result.Sheet.Rows[0].SourceRow);
    }

    [Fact]
    public void Import_UnknownTitleValues_ArePointedAtTheirRows()
    {
        var result = ImportEdited(Sample, ws =>
        {
            ws.Cell(2, 2).SetValue("企业");
            ws.Cell(3, 2).SetValue("第三版");
            ws.Cell(4, 2).SetValue("平均");
        });

        Assert.Null(result.Sheet);
        Assert.Collection(
            result.Errors,
            e => Assert.Equal((2, "评价对象类型"), (e.Row, e.Column)),
            e => Assert.Equal((3, "版本"), (e.Row, e.Column)),
            e =>
            {
                Assert.Equal((4, "聚合方法"), (e.Row, e.Column));
                Assert.Contains("未知的聚合方法「平均」", e.Message);
                Assert.Contains("加权算术平均", e.Message);
            });
    }

    [Fact]
    public void Import_WorkbookFromBeforeThePenaltyRow_HasNoPenalty()
    {
        var result = ImportEdited(Sample with { OverduePenaltyPerTask = 2, OverduePenaltyCap = 8 }, ws => ws.Range("A6:D6").Clear());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((null, null), (result.Sheet!.OverduePenaltyPerTask, result.Sheet.OverduePenaltyCap));
    }

    [Fact]
    public void Import_PenaltyTypedIntoTheTemplate_IsRead()
    {
        var result = ImportEdited(Sample, ws =>
        {
            ws.Cell(6, 2).SetValue("0.5");
            ws.Cell(6, 4).SetValue(3);
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((0.5, 3.0), (result.Sheet!.OverduePenaltyPerTask, result.Sheet.OverduePenaltyCap));
    }

    [Theory]
    [InlineData("两分", null, "督办超期扣分(分/件)", "每个超期任务的扣分必须是大于0且不超过100的数字（当前为「两分」）")]
    [InlineData("0", null, "督办超期扣分(分/件)", "大于0且不超过100")]
    [InlineData("150", null, "督办超期扣分(分/件)", "大于0且不超过100")]
    [InlineData("2", "-1", "扣分上限(分)", "超期扣分上限必须是大于0且不超过100的数字")]
    [InlineData("5", "3", "扣分上限(分)", "扣分上限（3分）不能小于每件扣分（5分）")]
    [InlineData(null, "10", "扣分上限(分)", "填写了「扣分上限(分)」，但「督办超期扣分(分/件)」（B6）为空")]
    public void Import_BadPenalty_IsPointedAtRowSixAndNothingIsImported(string? perTask, string? cap, string column, string message)
    {
        var result = ImportEdited(Sample, ws =>
        {
            if (perTask is not null)
                ws.Cell(6, 2).SetValue(perTask);
            if (cap is not null)
                ws.Cell(6, 4).SetValue(cap);
        });

        var error = AssertSingleError(result);
        Assert.Equal((6, column), (error.Row, error.Column));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Import_MissingTitleLabel_SaysWhereItBelongs()
    {
        var result = ImportEdited(Sample, ws => ws.Row(3).Delete());

        var error = AssertSingleError(result);
        Assert.Equal((0, "版本"), (error.Row, error.Column));
        Assert.Contains("标题区缺少「版本」：应在第3行", error.Message);
    }

    [Fact]
    public void Import_NoDataRows_SaysSo()
    {
        var result = ImportEdited(Sample, ws => ws.Rows(8, 40).Delete());

        var error = AssertSingleError(result);
        Assert.Equal(8, error.Row);
        Assert.Contains("没有数据行", error.Message);
    }

    [Fact]
    public void Import_BlankRowsBetweenNodes_AreIgnored()
    {
        var result = ImportEdited(Sample, ws => ws.Row(Row("HD")).InsertRowsAbove(1));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Row("HD") + 1, result.Sheet!.Rows.Single(r => r.Code == "HD").SourceRow);
    }

    // ---- levels and tree ----

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("二级")]
    [InlineData("1.5")]
    public void Import_LevelOutsideOneToThree_IsReported(string level)
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-2"), 1).SetValue(level));

        var error = Assert.Single(result.Errors, e => e.Column == "层级");
        Assert.Equal(Row("KB-2"), error.Row);
        Assert.Contains("层级必须是1、2或3", error.Message);
        Assert.Null(result.Sheet);
    }

    [Fact]
    public void Import_LevelThreeRightAfterLevelOne_IsALevelJump()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-1"), 1).SetValue(3));

        var error = Assert.Single(result.Errors, e => e.Column == "层级");
        Assert.Equal(Row("KB-1"), error.Row);
        Assert.Contains("跳级", error.Message);
        Assert.Contains($"第{Row("KB")}行「KB 开办企业」）是1级", error.Message);
    }

    [Fact]
    public void Import_IndicatorWithChildren_IsReportedOnTheIndicatorNamingTheChildren()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-2"), 1).SetValue(3));

        var error = Assert.Single(result.Errors, e => e.Message.Contains("不能有下级", StringComparison.Ordinal));
        Assert.Equal((Row("KB-1"), "节点类型"), (error.Row, error.Column));
        Assert.Contains("KB-1 开办企业时间", error.Message);
        Assert.Contains($"第{Row("KB-2")}行", error.Message);
    }

    [Fact]
    public void Import_GroupWithoutChildren_IsReported()
    {
        var result = ImportEdited(Sample, ws =>
        {
            var r = Row("JG-3") + 1;
            ws.Cell(r, 1).SetValue(1);
            ws.Cell(r, 2).SetValue("YH");
            ws.Cell(r, 3).SetValue("优化营商环境创新");
            ws.Cell(r, 5).SetValue(5);
            ws.Cell(r, 6).SetValue("分组");
        });

        var error = Assert.Single(result.Errors, e => e.Column == "节点类型");
        Assert.Equal(Row("JG-3") + 1, error.Row);
        Assert.Contains("分组「YH 优化营商环境创新」没有下级指标", error.Message);
        Assert.Null(result.Sheet);
    }

    [Fact]
    public void Import_IndicatorAtLevelOne_MustBeAGroup()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB"), 6).SetValue("指标"));

        Assert.Contains(result.Errors, e => e.Row == Row("KB") && e.Column == "节点类型" && e.Message.Contains("一级节点「KB 开办企业」必须是分组", StringComparison.Ordinal));
    }

    // ---- codes and weights ----

    [Fact]
    public void Import_DuplicateCodes_NameBothRows()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-2"), 2).SetValue("KB-1"));

        Assert.Null(result.Sheet);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal([Row("KB-1"), Row("KB-2")], result.Errors.Select(e => e.Row));
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("指标代码", e.Column);
            Assert.Contains("指标代码「KB-1」重复", e.Message);
            Assert.Contains($"第{Row("KB-1")}、{Row("KB-2")}行", e.Message);
        });
    }

    [Theory]
    [InlineData("abc", "不是数字")]
    [InlineData("0", "必须大于0且不超过100")]
    [InlineData("-5", "必须大于0且不超过100")]
    [InlineData("150", "必须大于0且不超过100")]
    [InlineData("", "权重未填写")]
    public void Import_InvalidWeight_IsReportedOnTheCell(string weight, string reason)
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("NS-2"), 5).SetValue(weight));

        var error = AssertSingleError(result);
        Assert.Equal((Sheet, Row("NS-2"), "权重(%)"), (error.Sheet, error.Row, error.Column));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Import_SiblingWeightsNotSummingTo100_NameTheParentAndTheSum()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-1"), 5).SetValue(35));

        var error = AssertSingleError(result);
        Assert.Equal((Row("KB"), "权重(%)"), (error.Row, error.Column));
        Assert.Contains("「KB 开办企业」的下级权重合计为95%，应为100%", error.Message);
        Assert.Contains($"第{Row("KB-1")}行35%", error.Message);
    }

    [Fact]
    public void Import_FirstLevelWeightsNotSummingTo100_IsReportedForTheWholeSystem()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB"), 5).SetValue(25));

        var error = AssertSingleError(result);
        Assert.Equal((0, "权重(%)"), (error.Row, error.Column));
        Assert.Contains("一级分组的权重合计为105%", error.Message);
    }

    // ---- indicator cells ----

    [Theory]
    [InlineData(8, "向上", "方向", "未知的方向「向上」")]
    [InlineData(9, "统计局", "数据来源", "未知的数据来源「统计局」")]
    [InlineData(14, "线性插值", "评分规则", "未知的评分规则「线性插值」")]
    [InlineData(6, "叶子", "节点类型", "未知的节点类型「叶子」")]
    public void Import_UnknownChoiceText_NamesTheTextAndTheChoices(int column, string text, string header, string reason)
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("HD-2"), column).SetValue(text));

        var error = Assert.Single(result.Errors, e => e.Column == header);
        Assert.Equal(Row("HD-2"), error.Row);
        Assert.Contains(reason, error.Message);
        Assert.Null(result.Sheet);
    }

    [Theory]
    [InlineData("KB-1", "最优=abc；最差=20", "「最优」的值「abc」不是数字")]
    [InlineData("KB-1", "最优=5；最差=5", "不能相等")]
    [InlineData("HD-1", "(-∞,5]=100；(4,+∞)=0", "重叠")]
    [InlineData("HD-1", "(-∞,5]=100；(10,+∞)=0", "空档")]
    [InlineData("KB-1", "", "规则参数未填写")]
    public void Import_RuleParametersThatDoNotParseOrThatTheRuleRejects_AreReported(string code, string parameters, string reason)
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row(code), 15).SetValue(parameters));

        var error = AssertSingleError(result);
        Assert.Equal((Row(code), "规则参数"), (error.Row, error.Column));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Import_FormulaReferencingAnUnknownMeasure_NamesTheMeasure()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("ZW-5"), 16).SetValue("[ZW-3] * 0.6 + [ZW-9] * 0.4"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("ZW-5"), "公式"), (error.Row, error.Column));
        Assert.Contains("未知的度量「ZW-9」", error.Message);
    }

    [Fact]
    public void Import_FormulaWithSyntaxError_IsReported()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("ZW-5"), 16).SetValue("([ZW-3] * 0.6 + [ZW-4] * 0.4"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("ZW-5"), "公式"), (error.Row, error.Column));
        Assert.Contains("语法错误", error.Message);
    }

    [Fact]
    public void Import_CircularFormulas_AreReported()
    {
        var result = ImportEdited(Sample, ws =>
        {
            ws.Cell(Row("ZW-4"), 9).SetValue("公式计算");
            ws.Cell(Row("ZW-4"), 16).SetValue("[ZW-5] / 2");
        });

        var error = AssertSingleError(result);
        Assert.Equal("公式", error.Column);
        Assert.Contains("循环引用", error.Message);
    }

    [Fact]
    public void Import_FormulaOnANonFormulaIndicator_WouldBeLostAndIsRefused()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("ZW-3"), 16).SetValue("[ZW-4] * 2"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("ZW-3"), "公式"), (error.Row, error.Column));
        Assert.Contains("只有数据来源为公式计算的指标可以填写公式", error.Message);
    }

    [Fact]
    public void Import_IndicatorMissingUnitDirectionSourceAndRule_ReportsEachCell()
    {
        var result = ImportEdited(Sample, ws =>
        {
            foreach (var c in new[] { 7, 8, 9, 14, 15 })
                ws.Cell(Row("JG-1"), c).Clear();
        });

        Assert.Null(result.Sheet);
        Assert.Equal(
            ["计量单位", "方向", "数据来源", "评分规则"],
            result.Errors.Where(e => e.Row == Row("JG-1")).Select(e => e.Column));
        Assert.Contains("指标必须填写计量单位", result.Errors[0].Message);
    }

    [Fact]
    public void Import_NonNumericWarningValue_IsReported()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-3"), 12).SetValue("高"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("KB-3"), "预警值"), (error.Row, error.Column));
        Assert.Contains("预警值「高」不是数字", error.Message);
    }

    [Fact]
    public void Import_AdvancedValueOnTheWrongSideOfTheWarningValue_IsReported()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-1"), 13).SetValue(10));

        var error = AssertSingleError(result);
        Assert.Equal((Row("KB-1"), "先进值"), (error.Row, error.Column));
        Assert.Contains("逆向指标的先进值（10）不能高于预警值（3）", error.Message);
    }

    [Theory]
    [InlineData(10, "市场监管局", "主责单位")]
    [InlineData(11, "ZWFWJ、swj", "配合单位")]
    public void Import_DepartmentCodesWithBadSyntax_AreReported(int column, string text, string header)
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-1"), column).SetValue(text));

        var error = AssertSingleError(result);
        Assert.Equal((Row("KB-1"), header), (error.Row, error.Column));
        Assert.Contains("不是有效的部门代码", error.Message);
    }

    [Fact]
    public void Import_DepartmentSubmissionWithoutResponsibleDepartment_IsReported()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-1"), 10).Clear());

        var error = AssertSingleError(result);
        Assert.Equal((Row("KB-1"), "主责单位"), (error.Row, error.Column));
    }

    [Fact]
    public void Import_GroupRowWithIndicatorCells_AsksToClearThem()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("NS"), 8).SetValue("正向"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("NS"), "方向"), (error.Row, error.Column));
        Assert.Contains("分组行不填写「方向」", error.Message);
    }

    [Fact]
    public void Import_InvalidCode_IsReported()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-2"), 2).SetValue("KB 2"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("KB-2"), "指标代码"), (error.Row, error.Column));
        Assert.Contains("指标代码「KB 2」无效", error.Message);
    }

    // ---- 计算口径 ----

    [Fact]
    public void Import_UnknownMeasureText_NamesTheTextAndTheChoices()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("ZW-3"), 17).SetValue("办结率"));

        var error = AssertSingleError(result);
        Assert.Equal((Sheet, Row("ZW-3"), "计算口径"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("未知的计算口径「办结率」", error.Message);
        foreach (var measure in CaseMeasureKinds.All)
            Assert.Contains(measure.DisplayName(), error.Message);
    }

    [Fact]
    public void Import_MeasureOfTheOtherSource_NamesBothSources()
    {
        // ZW-3 is 办件数据; 满意率 is computed from 好差评.
        var result = ImportEdited(Sample, ws => ws.Cell(Row("ZW-3"), 17).SetValue("满意率"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("ZW-3"), "计算口径"), (error.Row, error.Column));
        Assert.Contains("计算口径「满意率」属于好差评", error.Message);
        Assert.Contains("数据来源办件数据", error.Message);
        Assert.Contains("平均审批时间", error.Message);
    }

    [Fact]
    public void Import_SourceChangedAwayFromTheMeasure_IsReportedOnTheMeasure()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("ZW-1"), 9).SetValue("办件数据"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("ZW-1"), "计算口径"), (error.Row, error.Column));
        Assert.Contains("「满意率」属于好差评", error.Message);
    }

    [Theory]
    [InlineData("部门填报")]
    [InlineData("督查督办")]
    public void Import_MeasureOnAnIndicatorNotFromCaseDataOrRatings_IsRefused(string source)
    {
        // KB-3 is bound to 网办率.
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-3"), 9).SetValue(source));

        var error = AssertSingleError(result);
        Assert.Equal((Row("KB-3"), "计算口径"), (error.Row, error.Column));
        Assert.Contains("只有数据来源为办件数据或好差评的指标可以选择计算口径", error.Message);
        Assert.Contains($"本行数据来源为{source}", error.Message);
    }

    [Fact]
    public void Import_GroupRowWithAMeasure_AsksToClearIt()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("ZW"), 17).SetValue("网办率"));

        var error = AssertSingleError(result);
        Assert.Equal((Row("ZW"), "计算口径"), (error.Row, error.Column));
        Assert.Contains("分组行不填写「计算口径」", error.Message);
    }

    [Fact]
    public void Import_MeasureAddedInExcel_IsRead()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(Row("KB-2"), 17).SetValue("开办企业时间"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(CaseMeasureKind.StartupDays, result.Sheet!.Rows.Single(r => r.Code == "KB-2").Measure);
    }

    [Fact]
    public void Import_LegacyWorkbookWithoutTheMeasureColumn_ImportsWithNoMeasures()
    {
        // A workbook exported before 计算口径 existed: sixteen columns, ending at 公式.
        var result = ImportEdited(Sample, ws => ws.Column(17).Delete());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Sample.Rows.Count, result.Sheet!.Rows.Count);
        Assert.All(result.Sheet.Rows, r => Assert.Null(r.Measure));
        Assert.Equal("[ZW-3] * 0.6 + [ZW-4] * 0.4", result.Sheet.Rows.Single(r => r.Code == "ZW-5").Formula);
    }

    [Fact]
    public void Import_LegacyWorkbook_IgnoresNotesBesideTheTableWithoutAHeader()
    {
        var result = ImportEdited(Sample, ws =>
        {
            ws.Column(17).Clear();
            ws.Cell(Row("KB-2"), 17).SetValue("备注：待核实");
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.All(result.Sheet!.Rows, r => Assert.Null(r.Measure));
    }

    [Fact]
    public void Import_OtherHeaderInTheMeasureColumn_IsAHeaderError()
    {
        var result = ImportEdited(Sample, ws => ws.Cell(7, 17).SetValue("备注"));

        var error = AssertSingleError(result);
        Assert.Equal((7, "计算口径"), (error.Row, error.Column));
        Assert.Contains("缺少列「计算口径」：表头第17列（Q列）应为「计算口径」，实际为「备注」", error.Message);
    }

    [Fact]
    public void Import_MeasureColumnMovedRight_SaysWhereItWasFound()
    {
        var result = ImportEdited(Sample, ws => ws.Column(17).InsertColumnsBefore(1));

        var error = AssertSingleError(result);
        Assert.Equal((7, "计算口径"), (error.Row, error.Column));
        Assert.Contains("「计算口径」被放在了第18列（R列）", error.Message);
    }

    // ---- all at once ----

    [Fact]
    public void Import_SeveralProblems_ReturnsEveryOneInSheetOrderAndNoSheet()
    {
        var result = ImportEdited(Sample, ws =>
        {
            ws.Cell(Row("JG-2"), 12).SetValue("很高");
            ws.Cell(Row("KB-2"), 8).SetValue("向下");
            ws.Cell(Row("HD-2"), 15).SetValue("缩尾=也许");
            ws.Cell(Row("DB-3"), 2).SetValue("DB-1");
            ws.Cell(Row("ZW-5"), 16).SetValue("[ZW-3] + [XX]");
        });

        Assert.Null(result.Sheet);
        Assert.False(result.Succeeded);
        Assert.Equal(
            [(Row("KB-2"), "方向"), (Row("HD-2"), "规则参数"), (Row("ZW-5"), "公式"), (Row("DB-1"), "指标代码"), (Row("DB-3"), "指标代码"), (Row("JG-2"), "预警值")],
            result.Errors.Select(e => (e.Row, e.Column)));
        Assert.All(result.Errors, e => Assert.Equal(Sheet, e.Sheet));
    }

    [Fact]
    public void Import_NumbersTypedAsText_AreAccepted()
    {
        var result = ImportEdited(Sample, ws =>
        {
            ws.Cell(Row("KB-1"), 1).SetValue("2");
            ws.Cell(Row("KB-1"), 5).SetValue(" 40 ");
            ws.Cell(Row("KB-1"), 12).SetValue("3");
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(40m, result.Sheet!.Rows.Single(r => r.Code == "KB-1").Weight);
    }

    [Fact]
    public void ImportError_ToString_ReadsAsOneSentence()
        => Assert.Equal("「指标体系」第9行「权重(%)」：权重必须大于0。", new ImportError("指标体系", 9, "权重(%)", "权重必须大于0。").ToString());

    private static ImportError AssertSingleError(ImportResult result)
    {
        Assert.Null(result.Sheet);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }
}
