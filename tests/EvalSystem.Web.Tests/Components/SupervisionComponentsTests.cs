using Bunit;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Components.Pages.Supervision;
using EvalSystem.Web.Features.Supervision;

namespace EvalSystem.Web.Tests.Components;

public sealed class SupervisionComponentsTests : MudTestContext
{
    private static readonly DateOnly Deadline = new(2026, 12, 11);

    private static SupervisionRow Row(string number, string title, SupervisionStatus status, int daysOverdue = 0, int level = 0, bool pendingExtension = false) =>
        new(Guid.NewGuid(), number, title, SupervisionSource.ScoreWarning, SupervisionPriority.Normal, Guid.NewGuid(), "住房和城乡建设局", "990123",
            Deadline, Deadline, status, level, daysOverdue, pendingExtension, null, false, DateTime.UtcNow);

    [Fact]
    public void TaskTable_ForTheDepartment_ShowsTheNextStepOnEveryTaskWaitingForIt()
    {
        var cut = Render<TaskTable>(p => p
            .Add(x => x.Rows, [Row("DC-2026-0001", "待签收的任务", SupervisionStatus.Issued), Row("DC-2026-0002", "待核验的任务", SupervisionStatus.SubmittedForVerification),
                Row("DC-2026-0003", "被退回的任务", SupervisionStatus.SentBack)])
            .Add(x => x.Viewer, SupervisionViewer.Department));
        var buttons = cut.FindAll("[data-testid=open-task]").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["签收", "查看", "重新整改"], buttons);
        Assert.DoesNotContain("主责单位", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskTable_ForAReader_OffersOnlyToLook_AndShowsOverdueAndEscalation()
    {
        var cut = Render<TaskTable>(p => p
            .Add(x => x.Rows, [Row("DC-2026-0004", "逾期的任务", SupervisionStatus.InProgress, daysOverdue: 6, level: 2, pendingExtension: true)])
            .Add(x => x.ShowDepartment, true)
            .Add(x => x.Viewer, SupervisionViewer.Reader));
        Assert.Equal("查看", cut.Find("[data-testid=open-task]").TextContent.Trim());
        Assert.Contains("逾期6天", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("督办2级", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("延期待批", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("住房和城乡建设局", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void OverdueBoard_ShowsOnlyOverdueTasks_HighestEscalationFirst()
    {
        var cut = Render<OverdueBoard>(p => p.Add(x => x.Rows,
        [
            Row("DC-2026-0001", "刚逾期", SupervisionStatus.Accepted, daysOverdue: 2, level: 1),
            Row("DC-2026-0002", "未逾期", SupervisionStatus.Accepted),
            Row("DC-2026-0003", "逾期最久", SupervisionStatus.InProgress, daysOverdue: 12, level: 3),
        ]));
        var cards = cut.FindAll("[data-testid=overdue-card]");
        Assert.Equal(2, cards.Count);
        Assert.Contains("逾期最久", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("督办3级", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("逾期12天", cards[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void OverdueBoard_WithNothingOverdue_SaysSo() =>
        Assert.Contains("目前没有逾期的督查任务", Render<OverdueBoard>(p => p.Add(x => x.Rows, [Row("DC-2026-0002", "未逾期", SupervisionStatus.Issued)])).Markup,
            StringComparison.Ordinal);
}
