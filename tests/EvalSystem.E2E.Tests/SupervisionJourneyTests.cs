using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Supervision;
using EvalSystem.E2E.Tests.Pages;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>Its own app: the journey issues and closes supervision tasks.</summary>
public sealed class SupervisionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Hurd = "住房和城乡建设局";
    private const string Laggard = "石桥县「办理建筑许可时间」";

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private async Task<(BrowserSession Session, SupervisionPage Page)> SignInAsync(string user)
    {
        var session = await browser.NewSessionAsync();
        await new LoginPage(session.Page).SignInAsync(user);
        await session.Page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(session.Page);
        await shell.WaitUntilLoadedAsync();
        await shell.OpenMenuAsync("督查督办");
        return (session, new SupervisionPage(session.Page));
    }

    /// <summary>A tax-bureau task six days past its deadline, stored as if issued weeks ago: it fills the overdue board.</summary>
    private async Task StoreOverdueTaskAsync()
    {
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var tax = await db.Departments.Where(d => d.Code == "TAX").Select(d => d.Id).SingleAsync();
        var deadline = Today.AddDays(-6);
        var task = new SupervisionTask(new SupervisionNumber(2026, 9001),
            new SupervisionTaskDraft("纳税时间压减未达序时进度", "二季度纳税时间高于预警值，要求压减至160小时以内。", SupervisionSource.Manual, tax, deadline),
            new UserRef("seed", "评估办"), new DateTimeOffset(deadline.AddDays(-20).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        db.SupervisionTasks.Add(task);
        await db.SaveChangesAsync();
    }

    private async Task<int> HurdTasksDueThisQuarterAsync()
    {
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Name == "2026年第四季度");
        var hurd = await db.Departments.Where(d => d.Code == "HURD").Select(d => d.Id).SingleAsync();
        return await db.SupervisionTasks.CountAsync(t => t.DepartmentId == hurd && t.Deadline >= period.StartDate && t.Deadline <= period.EndDate);
    }

    [Fact]
    public async Task Office_GeneratesFromAPublishedRun_DepartmentAcceptsAndReportsWithAFile_OfficeCloses_AndTheRateUpdates()
    {
        await StoreOverdueTaskAsync();

        var (office, page) = await SignInAsync("office");
        await page.GenerateAsync("JZ-1");
        await Assertions.Expect(office.Page.Locator("[data-testid=preview-list]")).ToContainTextAsync(Laggard);
        await Assertions.Expect(office.Page.Locator("[data-testid=preview-list]")).ToContainTextAsync(Hurd);
        await office.ScreenshotAsync("supervision-generate-preview");
        await page.ConfirmGenerateAsync();
        await office.Page.Locator("button", new PageLocatorOptions { HasTextString = "检查逾期督办" }).ClickAsync();
        var card = page.Board.Locator("[data-testid=overdue-card]").Filter(new() { HasTextString = "纳税时间压减" });
        await Assertions.Expect(card).ToContainTextAsync("督办2级");
        await Assertions.Expect(card).ToContainTextAsync("逾期6天");
        await office.ScreenshotAsync("supervision-office-board");
        await page.ShowTabAsync("汇总与按期完成率");
        await Assertions.Expect(page.RateOf(Hurd)).ToHaveTextAsync("0.0%");
        office.AssertNoBrowserErrors();
        await office.DisposeAsync();

        var (dept, deptPage) = await SignInAsync("dept-hurd");
        await Assertions.Expect(deptPage.Row(Laggard)).ToContainTextAsync("已下发");
        await Assertions.Expect(deptPage.Row("纳税时间压减")).ToHaveCountAsync(0); // another department's task
        await dept.ScreenshotAsync("supervision-department-list");
        await deptPage.OpenAsync(Laggard);
        await dept.Page.Locator("[data-testid=accept]").ClickAsync();
        await Assertions.Expect(deptPage.Detail.Locator("[data-testid=history]")).ToContainTextAsync("签收");
        await deptPage.ReportProgressAsync("已精简施工许可审批环节，并联审批上线。", new FilePayload
        {
            Name = "并联审批上线通知.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray(),
        });
        await dept.ScreenshotAsync("supervision-department-detail");
        await deptPage.StepAsync("submit", "整改完成，请核验。");
        await Assertions.Expect(deptPage.Detail.Locator("[data-testid=status]")).ToContainTextAsync("待核验");
        await deptPage.CloseDetailAsync();
        dept.AssertNoBrowserErrors();
        await dept.DisposeAsync();

        (office, page) = await SignInAsync("office");
        await page.ShowTabAsync("全部任务");
        await Assertions.Expect(page.Row(Laggard).Locator("[data-testid=open-task]")).ToHaveTextAsync("核验");
        await page.OpenAsync(Laggard);
        await Assertions.Expect(page.Detail.Locator("[data-testid=progress-file]")).ToContainTextAsync("并联审批上线通知.pdf");
        await page.StepAsync("verify-close", "现场核验通过。");
        await Assertions.Expect(page.Detail.Locator("[data-testid=status]")).ToContainTextAsync("已销号（按期）");
        await page.CloseDetailAsync();
        await page.ShowTabAsync("汇总与按期完成率");
        var due = await HurdTasksDueThisQuarterAsync();
        await Assertions.Expect(page.RateOf(Hurd)).ToHaveTextAsync($"{100.0 / due:0.0}%");
        await office.ScreenshotAsync("supervision-summary");
        office.AssertNoBrowserErrors();
        await office.DisposeAsync();

        // The computed indicator follows: 石桥县's DB-1 in the open quarter is its one task, closed on time.
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var value = await (from v in db.IndicatorValues
                           join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                           join t in db.Targets on v.TargetId equals t.Id
                           join p in db.Periods on v.PeriodId equals p.Id
                           where n.Code == "DB-1" && n.Kind == NodeKind.Indicator && t.Name == "石桥县" && p.Name == "2026年第四季度"
                           select v.Value).SingleAsync();
        Assert.Equal(100.0, value, precision: 9);
    }
}
