using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Tests.Cases;

public class ServiceCaseTests
{
    internal static readonly Guid Department = Guid.Parse("0192d6a0-0000-7000-8000-000000000001");
    private static readonly WorkingDayCalendar Calendar = ChinaOfficialHolidays.Calendar();

    internal static ServiceCase Case(
        string number = "SD2025030300001",
        ServiceChannel channel = ServiceChannel.Window,
        DateTime? received = null,
        DateTime? completed = null,
        int promised = 5,
        CaseStatus? status = null,
        string region = "370102",
        bool startup = false,
        IEnumerable<StartupStage>? stages = null) =>
        new(number, "11370000MB2850ABCD", "食品经营许可", Department, region, channel,
            received ?? new DateTime(2025, 3, 3, 10, 0, 0), promised,
            status ?? (completed is null ? CaseStatus.InProgress : CaseStatus.Completed), completed, startup, stages);

    [Fact]
    public void ApprovalWorkingDays_Completed_CountsWorkingDays()
    {
        // Mon 3/3 → Wed 3/5: Tue 3/4 → 1, Wed 3/5 → 2.
        var serviceCase = Case(completed: new DateTime(2025, 3, 5, 11, 0, 0), promised: 1);
        Assert.Equal(2, serviceCase.ApprovalWorkingDays(Calendar));
        Assert.False(serviceCase.IsOnTime(Calendar));
    }

    [Fact]
    public void ApprovalWorkingDays_InProgress_IsNull()
    {
        Assert.Null(Case().ApprovalWorkingDays(Calendar));
        Assert.Null(Case().IsOnTime(Calendar));
    }

    [Fact]
    public void ApprovalWorkingDays_Rejected_IsNull() =>
        Assert.Null(Case(status: CaseStatus.Rejected, completed: new DateTime(2025, 3, 4)).ApprovalWorkingDays(Calendar));

    [Fact]
    public void ApprovalWorkingDays_YearWithoutSchedule_NamesTheCase()
    {
        var serviceCase = Case(number: "SD2027", received: new DateTime(2027, 3, 1, 9, 0, 0), completed: new DateTime(2027, 3, 2));
        var ex = Assert.Throws<DomainException>(() => serviceCase.ApprovalWorkingDays(Calendar));
        Assert.StartsWith("办件「SD2027」：", ex.Message);
        Assert.Contains("2027年", ex.Message);
    }

    [Fact]
    public void StartupWorkingDays_UsesFirstStageStartToLastStageEnd()
    {
        // Stages from Mon 3/3 09:00 to Thu 3/6 15:00: Tue 3/4, Wed 3/5, Thu 3/6 → 3 working days, although the case
        // itself was closed on Mon 3/10 (approval time 5: 3/4, 3/5, 3/6, 3/7, 3/10).
        var serviceCase = Case(
            received: new DateTime(2025, 3, 3, 9, 0, 0), completed: new DateTime(2025, 3, 10, 9, 0, 0), startup: true,
            stages:
            [
                new StartupStage("设立登记", new DateTime(2025, 3, 3, 9, 0, 0), new DateTime(2025, 3, 3, 16, 0, 0)),
                new StartupStage("银行开户", new DateTime(2025, 3, 5, 10, 0, 0), new DateTime(2025, 3, 6, 15, 0, 0)),
                new StartupStage("公章刻制", new DateTime(2025, 3, 4, 9, 0, 0), new DateTime(2025, 3, 4, 11, 0, 0)),
            ]);
        Assert.Equal(3, serviceCase.StartupWorkingDays(Calendar));
        Assert.Equal(5, serviceCase.ApprovalWorkingDays(Calendar));
    }

    [Fact]
    public void StartupWorkingDays_NoStages_UsesTheCaseTimes() =>
        // Fri 3/7 → Mon 3/10: 1.
        Assert.Equal(1, Case(received: new DateTime(2025, 3, 7, 10, 0, 0), completed: new DateTime(2025, 3, 10), startup: true)
            .StartupWorkingDays(Calendar));

    [Fact]
    public void StartupWorkingDays_NotAStartup_IsNull() =>
        Assert.Null(Case(completed: new DateTime(2025, 3, 5)).StartupWorkingDays(Calendar));

    [Fact]
    public void Create_TrimsAndKeepsFields()
    {
        var serviceCase = Case(number: "  SD001 ", channel: ServiceChannel.Online);
        Assert.Equal("SD001", serviceCase.CaseNumber);
        Assert.Equal(ServiceChannel.Online, serviceCase.Channel);
        Assert.Equal(CaseStatus.InProgress, serviceCase.Status);
        Assert.Equal("办理中", ServiceCase.Label(serviceCase.Status));
    }

    [Fact]
    public void Create_EmptyCaseNumber_IsRefused() =>
        Assert.Equal("办件编号不能为空。", Assert.Throws<DomainException>(() => Case(number: " ")).Message);

    [Fact]
    public void Create_EmptyItemCode_IsRefusedNamingTheCase()
    {
        var ex = Assert.Throws<DomainException>(() => new ServiceCase(
            "SD001", "", "食品经营许可", Department, "370102", ServiceChannel.Window, new DateTime(2025, 3, 3), 5, CaseStatus.InProgress));
        Assert.Equal("办件「SD001」的事项编码不能为空。", ex.Message);
    }

    [Fact]
    public void Create_EmptyDepartment_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new ServiceCase(
            "SD001", "X1", "食品经营许可", Guid.Empty, "370102", ServiceChannel.Window, new DateTime(2025, 3, 3), 5, CaseStatus.InProgress));
        Assert.Contains("办理部门", ex.Message);
    }

    [Theory]
    [InlineData("37010")]
    [InlineData("37010A")]
    [InlineData("")]
    public void Create_BadRegionCode_IsRefused(string region) =>
        Assert.Contains("行政区划代码", Assert.Throws<DomainException>(() => Case(region: region)).Message);

    [Fact]
    public void Create_UndefinedChannel_IsRefused() =>
        Assert.Contains("办理渠道", Assert.Throws<DomainException>(() => Case(channel: (ServiceChannel)9)).Message);

    [Fact]
    public void Create_NegativePromisedDays_IsRefused() =>
        Assert.Contains("承诺时限不能为负数", Assert.Throws<DomainException>(() => Case(promised: -1)).Message);

    [Fact]
    public void Create_CompletedWithoutTime_IsRefused() =>
        Assert.Contains("缺少办结时间", Assert.Throws<DomainException>(() => Case(status: CaseStatus.Completed)).Message);

    [Fact]
    public void Create_InProgressWithCompletionTime_IsRefused() =>
        Assert.Contains("不能有办结时间", Assert.Throws<DomainException>(
            () => Case(status: CaseStatus.InProgress, completed: new DateTime(2025, 3, 4))).Message);

    [Fact]
    public void Create_CompletedBeforeReceived_IsRefused() =>
        Assert.Contains("早于受理时间", Assert.Throws<DomainException>(
            () => Case(completed: new DateTime(2025, 3, 2))).Message);

    [Fact]
    public void Create_StagesOnAnOrdinaryCase_AreRefused() =>
        Assert.Contains("不是开办企业办件", Assert.Throws<DomainException>(() => Case(
            stages: [new StartupStage("设立登记", new DateTime(2025, 3, 3), null)])).Message);

    [Fact]
    public void Create_StageEndingBeforeItStarts_IsRefused() =>
        Assert.Contains("「公章刻制」完成时间早于开始时间", Assert.Throws<DomainException>(() => Case(startup: true,
            stages: [new StartupStage("公章刻制", new DateTime(2025, 3, 4), new DateTime(2025, 3, 3))])).Message);

    [Fact]
    public void Create_CompletedStartupWithUnfinishedStage_IsRefused() =>
        Assert.Contains("「银行开户」没有完成时间", Assert.Throws<DomainException>(() => Case(startup: true,
            completed: new DateTime(2025, 3, 6),
            stages: [new StartupStage("银行开户", new DateTime(2025, 3, 4), null)])).Message);

    [Fact]
    public void Create_StageWithoutName_IsRefused() =>
        Assert.Contains("开办环节名称不能为空", Assert.Throws<DomainException>(() => Case(startup: true,
            stages: [new StartupStage(" ", new DateTime(2025, 3, 4), null)])).Message);
}
