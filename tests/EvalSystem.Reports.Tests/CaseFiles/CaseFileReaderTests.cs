using EvalSystem.Domain.Cases;
using EvalSystem.Reports.CaseFiles;
using static EvalSystem.Reports.Tests.CaseFiles.CaseFileSamples;
using C = EvalSystem.Reports.CaseFiles.CaseFileColumns;

namespace EvalSystem.Reports.Tests.CaseFiles;

/// <summary>The rules for each column of a 办件数据 file and for a row as a whole.</summary>
public class CaseFileReaderTests
{
    [Fact]
    public void Read_ValidRow_ParsesEveryColumn()
    {
        var row = SingleCase(Csv(ValidCase()));

        Assert.Equal(2, row.SourceRow);
        Assert.Equal("BJ202503030000001", row.CaseNumber);
        Assert.Equal("SX-0100", row.ItemCode);
        Assert.Equal("企业设立登记", row.ItemName);
        Assert.Equal("AMR", row.DepartmentCode);
        Assert.Equal("110101", row.RegionCode);
        Assert.Equal(ServiceChannel.Online, row.Channel);
        Assert.Equal(new DateTime(2025, 3, 3, 9, 30, 0), row.ReceivedAt);
        Assert.Equal(new DateTime(2025, 3, 4, 16, 0, 0), row.CompletedAt);
        Assert.Equal(3, row.PromisedWorkingDays);
        Assert.Equal(CaseStatus.Completed, row.Status);
        Assert.True(row.IsBusinessStartup);
        Assert.Equal(
            [
                new StartupStage("设立登记", new DateTime(2025, 3, 3, 9, 30, 0), new DateTime(2025, 3, 3, 15, 0, 0)),
                new StartupStage("公章刻制", new DateTime(2025, 3, 3, 15, 10, 0), new DateTime(2025, 3, 4, 16, 0, 0)),
            ],
            row.StartupStages);
    }

    [Fact]
    public void Read_ValidRow_ConstructsTheDomainCase()
    {
        var departmentId = Guid.NewGuid();

        var serviceCase = SingleCase(Csv(ValidCase())).ToServiceCase(departmentId);

        Assert.Equal(departmentId, serviceCase.DepartmentId);
        Assert.Equal(2, serviceCase.StartupStages.Count);
    }

    [Fact]
    public void Read_CellsWithSurroundingSpaces_AreTrimmed()
    {
        var row = SingleCase(Csv(ValidCase().With(C.DepartmentCode, "  AMR ").With(C.ReceivedAt, " 2025-03-03 09:30\u3000")));

        Assert.Equal("AMR", row.DepartmentCode);
        Assert.Equal(new DateTime(2025, 3, 3, 9, 30, 0), row.ReceivedAt);
    }

    [Theory]
    [InlineData("线上", ServiceChannel.Online)]
    [InlineData("网上", ServiceChannel.Online)]
    [InlineData("网办", ServiceChannel.Online)]
    [InlineData("online", ServiceChannel.Online)]
    [InlineData("Online", ServiceChannel.Online)]
    [InlineData("窗口", ServiceChannel.Window)]
    [InlineData("线下", ServiceChannel.Window)]
    [InlineData("WINDOW", ServiceChannel.Window)]
    public void Read_ChannelWords_MapToTheChannel(string text, ServiceChannel expected)
        => Assert.Equal(expected, SingleCase(Csv(ValidCase().With(C.Channel, text))).Channel);

    [Theory]
    [InlineData("已办结", CaseStatus.Completed)]
    [InlineData("办结", CaseStatus.Completed)]
    [InlineData("不予受理", CaseStatus.Rejected)]
    [InlineData("撤件", CaseStatus.Withdrawn)]
    [InlineData("已撤回", CaseStatus.Withdrawn)]
    public void Read_StatusWords_MapToTheStatus(string text, CaseStatus expected)
        => Assert.Equal(expected, SingleCase(Csv(ValidCase().With(C.Status, text))).Status);

    [Fact]
    public void Read_InProgressWithoutCompletionTime_HasNoCompletion()
    {
        var row = SingleCase(Csv(ValidCase().With(C.Status, "办理中").With(C.CompletedAt, "")
            .With(C.StartupStages, "设立登记@2025-03-03 09:30~")));

        Assert.Equal(CaseStatus.InProgress, row.Status);
        Assert.Null(row.CompletedAt);
        Assert.Null(Assert.Single(row.StartupStages).CompletedAt);
    }

    [Theory]
    [InlineData("2025-03-04 16:00", CaseStatus.Completed)]
    [InlineData("", CaseStatus.InProgress)]
    public void Read_BlankStatus_IsInferredFromTheCompletionTime(string completedAt, CaseStatus expected)
    {
        var row = SingleCase(Csv(ValidCase().With(C.Status, "").With(C.CompletedAt, completedAt).Without(C.StartupStages)));

        Assert.Equal(expected, row.Status);
    }

    [Theory]
    [InlineData("2025-03-04 09:30", 9, 30, 0)]
    [InlineData("2025-03-04 09:30:15", 9, 30, 15)]
    [InlineData("2025/3/4 9:30", 9, 30, 0)]
    [InlineData("2025/03/04 09:30:15", 9, 30, 15)]
    [InlineData("2025-03-04T09:30:00", 9, 30, 0)]
    [InlineData("2025-03-04T09:30:00+08:00", 9, 30, 0)]
    [InlineData("2025-03-04T01:30:00Z", 9, 30, 0)]
    [InlineData("2025-03-04T10:30:00+0900", 9, 30, 0)]
    [InlineData("2025-03-04", 0, 0, 0)]
    public void Read_AcceptedTimeFormats_GiveBeijingTime(string text, int hour, int minute, int second)
    {
        var row = SingleCase(Csv(ValidCase().With(C.ReceivedAt, text).With(C.CompletedAt, "2025-03-05 10:00").Without(C.StartupStages)));

        Assert.Equal(new DateTime(2025, 3, 4, hour, minute, second), row.ReceivedAt);
        Assert.Equal(DateTimeKind.Unspecified, row.ReceivedAt.Kind);
    }

    [Theory]
    [InlineData("2025-02-30 09:00", "2025年2月只有28天")]
    [InlineData("2024-02-30 09:00", "2024年2月只有29天")]
    [InlineData("2025-04-31", "2025年4月只有30天")]
    [InlineData("2025-13-01 09:00", "月份应为1–12")]
    [InlineData("2025-03-00 09:00", "日应从1开始")]
    [InlineData("2025-03-04 24:00", "时应为0–23")]
    [InlineData("2025-03-04 09:60", "分和秒应为0–59")]
    [InlineData("0025-03-04 09:00", "年份25超出范围")]
    public void Read_ImpossibleReceivedTime_SaysWhyItDoesNotExist(string text, string reason)
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.ReceivedAt, text)));

        Assert.Equal(("办件数据", 2, C.ReceivedAt), (error.Sheet, error.Row, error.Column));
        Assert.Contains($"「{text}」", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("昨天下午")]
    [InlineData("04/03/2025 09:30")]
    [InlineData("2025.03.04 09:30")]
    [InlineData("45720.5")]
    [InlineData("2025-03-04 9点30")]
    [InlineData("2025-03-04 09:30 下午")]
    public void Read_UnreadableCompletionTime_NamesTheAcceptedFormats(string text)
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.CompletedAt, text)));

        Assert.Equal(C.CompletedAt, error.Column);
        Assert.Contains("不是可识别的时间", error.Message);
        Assert.Contains("yyyy-MM-dd HH:mm", error.Message);
    }

    [Theory]
    [InlineData(C.CaseNumber)]
    [InlineData(C.ItemCode)]
    [InlineData(C.ItemName)]
    [InlineData(C.DepartmentCode)]
    [InlineData(C.RegionCode)]
    [InlineData(C.Channel)]
    [InlineData(C.ReceivedAt)]
    [InlineData(C.PromisedWorkingDays)]
    public void Read_BlankRequiredCell_SaysItCannotBeEmpty(string column)
    {
        var error = SingleCaseError(Csv(ValidCase().With(column, "  ")));

        Assert.Equal((2, column), (error.Row, error.Column));
        Assert.Contains($"{column}不能为空", error.Message);
    }

    [Theory]
    [InlineData(C.CaseNumber, 64)]
    [InlineData(C.ItemCode, 64)]
    [InlineData(C.ItemName, 200)]
    [InlineData(C.DepartmentCode, 64)]
    public void Read_TextLongerThanTheDomainAllows_SaysTheLimit(string column, int limit)
    {
        var error = SingleCaseError(Csv(ValidCase().With(column, new string('办', limit + 1))));

        Assert.Equal(column, error.Column);
        Assert.Contains($"不能超过{limit}个字符（当前{limit + 1}个）", error.Message);
    }

    [Theory]
    [InlineData("11010")]
    [InlineData("1101011")]
    [InlineData("11010A")]
    [InlineData("１１０１０１")]
    public void Read_RegionCodeNotSixDigits_IsRefused(string text)
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.RegionCode, text)));

        Assert.Equal(C.RegionCode, error.Column);
        Assert.Contains($"「{text}」不是有效的区划代码，应为6位数字", error.Message);
    }

    [Fact]
    public void Read_UnknownChannel_ListsTheAcceptedWords()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.Channel, "邮寄")));

        Assert.Equal(C.Channel, error.Column);
        Assert.Contains("「邮寄」不是有效的办理渠道", error.Message);
        Assert.Contains("线上", error.Message);
        Assert.Contains("窗口", error.Message);
    }

    [Theory]
    [InlineData("-1", "不能为负数")]
    [InlineData("3.5", "不是有效的承诺时限")]
    [InlineData("三", "不是有效的承诺时限")]
    [InlineData("3天", "不是有效的承诺时限")]
    [InlineData("99999999999", "不是有效的承诺时限")]
    public void Read_PromisedDaysNotAWholeNumber_IsRefused(string text, string reason)
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.PromisedWorkingDays, text)));

        Assert.Equal(C.PromisedWorkingDays, error.Column);
        Assert.Contains(reason, error.Message);
        Assert.Contains("不小于0的整数", error.Message);
    }

    [Fact]
    public void Read_ZeroPromisedDays_IsAnImmediateCase()
        => Assert.Equal(0, SingleCase(Csv(ValidCase().With(C.PromisedWorkingDays, "0"))).PromisedWorkingDays);

    [Fact]
    public void Read_UnknownStatus_ListsTheAcceptedWords()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.Status, "已完成")));

        Assert.Equal(C.Status, error.Column);
        Assert.Contains("「已完成」不是有效的办件状态", error.Message);
        Assert.Contains("办理中、已办结、不予受理 或 撤件", error.Message);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("", false)]
    [InlineData("Y", true)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    public void Read_StartupFlag_AcceptsYesNoWords(string text, bool expected)
    {
        var row = SingleCase(Csv(ValidCase().With(C.IsBusinessStartup, text).With(C.StartupStages, expected ? ValidCase()[C.StartupStages] : "")));

        Assert.Equal(expected, row.IsBusinessStartup);
    }

    [Fact]
    public void Read_StartupFlagNotYesOrNo_IsRefused()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.IsBusinessStartup, "可能")));

        Assert.Equal(C.IsBusinessStartup, error.Column);
        Assert.Contains("应为「是」或「否」", error.Message);
    }

    [Fact]
    public void Read_StagesWithFullWidthSeparatorsAndATrailingSemicolon_AreRead()
    {
        var row = SingleCase(Csv(ValidCase().With(C.StartupStages, " 设立登记 ＠ 2025-03-03 09:30 ～ 2025-03-03 15:00 ；公章刻制@2025/3/3 15:10~2025/3/4 16:00;")));

        Assert.Equal(["设立登记", "公章刻制"], row.StartupStages.Select(s => s.Name));
        Assert.Equal(new DateTime(2025, 3, 3, 15, 10, 0), row.StartupStages[1].StartedAt);
    }

    [Theory]
    [InlineData("设立登记 2025-03-03 09:30~2025-03-03 15:00", "第1个环节「设立登记 2025-03-03 09:30~2025-03-03 15:00」缺少「@」")]
    [InlineData("设立登记@2025-03-03 09:30~2025-03-03 15:00;公章刻制@2025-03-03 15:10", "第2个环节「公章刻制」缺少「~」")]
    [InlineData("@2025-03-03 09:30~2025-03-03 15:00", "第1个环节没有名称")]
    [InlineData("设立登记@~2025-03-03 15:00", "第1个环节「设立登记」缺少开始时间")]
    [InlineData("设立登记@2025-02-30 09:30~2025-03-03 15:00", "第1个环节「设立登记」的开始时间「2025-02-30 09:30」日期不存在：2025年2月只有28天")]
    [InlineData("设立登记@2025-03-03 09:30~明天", "第1个环节「设立登记」的结束时间「明天」不是可识别的时间")]
    [InlineData("设立登记@2025-03-03 15:00~2025-03-03 09:30", "第1个环节「设立登记」的结束时间2025-03-03 09:30早于开始时间2025-03-03 15:00")]
    public void Read_MalformedStages_SayWhichStageAndWhy(string text, string reason)
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.StartupStages, text)));

        Assert.Equal(C.StartupStages, error.Column);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Read_StagesOnACaseThatIsNotAStartup_AreRefused()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.IsBusinessStartup, "否")));

        Assert.Equal(C.StartupStages, error.Column);
        Assert.Contains("只有开办企业办件才能填写开办环节", error.Message);
    }

    [Fact]
    public void Read_StagesWithoutTheStartupColumn_AreRefused()
    {
        var error = SingleCaseError(Csv(ValidCase().Without(C.IsBusinessStartup)));

        Assert.Equal(C.StartupStages, error.Column);
    }

    [Fact]
    public void Read_CompletedCaseWithAnOpenStage_AsksForTheStageEnd()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.StartupStages, "设立登记@2025-03-03 09:30~2025-03-03 15:00;公章刻制@2025-03-03 15:10~")));

        Assert.Equal(C.StartupStages, error.Column);
        Assert.Contains("开办环节「公章刻制」没有结束时间", error.Message);
    }

    [Fact]
    public void Read_CompletedWithoutCompletionTime_AsksForIt()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.CompletedAt, "").Without(C.StartupStages)));

        Assert.Equal(C.CompletedAt, error.Column);
        Assert.Contains("办件状态为已办结，但办结时间为空", error.Message);
    }

    [Fact]
    public void Read_InProgressWithCompletionTime_PointsAtTheStatus()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.Status, "办理中").Without(C.StartupStages)));

        Assert.Equal(C.Status, error.Column);
        Assert.Contains("办件状态为办理中，但已填写办结时间2025-03-04 16:00", error.Message);
    }

    [Fact]
    public void Read_CompletedBeforeReceived_IsRefused()
    {
        var error = SingleCaseError(Csv(ValidCase().With(C.CompletedAt, "2025-03-03 09:00").Without(C.StartupStages)));

        Assert.Equal(C.CompletedAt, error.Column);
        Assert.Contains("办结时间2025-03-03 09:00早于受理时间2025-03-03 09:30", error.Message);
    }

    [Fact]
    public void Read_RowWithSeveralProblems_ReportsEachInColumnOrder()
    {
        var csv = Csv(ValidCase().With(C.StartupStages, "坏环节").With(C.RegionCode, "1").With(C.CaseNumber, "").With(C.ReceivedAt, "2025-02-29 10:00"));

        var row = Assert.Single(ReadCases(csv));

        Assert.Null(row.Row);
        Assert.Equal([C.CaseNumber, C.RegionCode, C.ReceivedAt, C.StartupStages], row.Errors.Select(e => e.Column));
        Assert.All(row.Errors, e => Assert.Equal(("办件数据", 2), (e.Sheet, e.Row)));
    }

    [Fact]
    public void Read_ManyRows_ReportsGoodAndBadRowsInFileOrderWithTheirRowNumbers()
    {
        var csv = Csv(
            ValidCase().With(C.CaseNumber, "A"),
            ValidCase().With(C.CaseNumber, "B").With(C.Channel, "?"),
            ValidCase().With(C.CaseNumber, "C"));

        var rows = ReadCases(csv);

        Assert.Equal([2, 3, 4], rows.Select(r => r.SourceRow));
        Assert.Equal([true, false, true], rows.Select(r => r.IsValid));
        Assert.Equal(3, Assert.Single(rows[1].Errors).Row);
    }

    [Fact]
    public void Read_BlankLines_AreSkippedButCounted()
    {
        var header = Csv(ValidCase()).Split("\r\n")[0];
        var line = Csv(ValidCase()).Split("\r\n")[1];

        var rows = ReadCases($"{header}\r\n\r\n{line}\r\n,,,,,,,,,,,\r\n{line}\r\n\r\n");

        Assert.Equal([3, 5], rows.Select(r => r.SourceRow));
    }

    [Fact]
    public void Read_QuotedFieldOverSeveralLines_IsOneRow()
    {
        var csv = Csv(ValidCase().With(C.ItemName, "企业设立登记\n（含分支机构）"), ValidCase().With(C.CaseNumber, "B"));

        var rows = ReadCases(csv);

        Assert.Equal("企业设立登记\n（含分支机构）", rows[0].Row?.ItemName);
        Assert.Equal(3, rows[1].SourceRow);
    }

    [Fact]
    public void Read_CaseNumberStartingWithHash_IsDataNotAComment()
        => Assert.Equal("#2025-001", SingleCase(Csv(ValidCase().With(C.CaseNumber, "#2025-001"))).CaseNumber);
}
