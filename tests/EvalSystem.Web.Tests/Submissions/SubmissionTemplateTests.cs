using ClosedXML.Excel;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Submissions;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Submissions;

public sealed class SubmissionTemplateTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static byte[] Fill(byte[] template, Action<IXLWorksheet> fill)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        fill(workbook.Worksheet("填报"));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static IXLRow RowOf(IXLWorksheet sheet, string code, string target) =>
        sheet.RowsUsed().First(r => r.Cell(1).GetString() == code && r.Cell(4).GetString() == target);

    [Fact]
    public async Task FilledTemplate_BecomesDrafts()
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, "中心区");
        await using var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr);
        var templates = dept.ServiceProvider.GetRequiredService<SubmissionTemplateService>();
        var (fileName, content) = await templates.DownloadAsync(ids.Period);

        var filled = Fill(content, sheet =>
        {
            RowOf(sheet, "KB-1", "中心区").Cell(6).Value = 3;
            RowOf(sheet, "KB-3", "石桥县").Cell(6).Value = 2.5;
            RowOf(sheet, "KB-3", "石桥县").Cell(7).Value = "按统计年鉴口径";
        });
        var (saved, errors) = await templates.UploadAsync(ids.Period, new MemoryStream(filled));

        Assert.Contains("2026年第四季度", fileName);
        Assert.Empty(errors);
        Assert.Equal(2, saved);
        var db = dept.ServiceProvider.GetRequiredService<EvalDbContext>();
        var drafts = await db.Submissions.Where(s => s.PeriodId == ids.Period && s.Status == SubmissionStatus.Draft).ToListAsync();
        Assert.Contains(drafts, s => s.Value == 2.5 && s.Note == "按统计年鉴口径");
    }

    [Fact]
    public async Task TemplateWithABadValue_ListsTheCellAndStoresNothing()
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, "中心区");
        await using var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr);
        var templates = dept.ServiceProvider.GetRequiredService<SubmissionTemplateService>();
        var (_, content) = await templates.DownloadAsync(ids.Period);
        var db = dept.ServiceProvider.GetRequiredService<EvalDbContext>();
        var before = await db.Submissions.CountAsync();

        var filled = Fill(content, sheet =>
        {
            RowOf(sheet, "KB-1", "东城区").Cell(6).Value = 4;
            RowOf(sheet, "KB-1", "西城区").Cell(6).Value = -2;
        });
        var (saved, errors) = await templates.UploadAsync(ids.Period, new MemoryStream(filled));

        var error = Assert.Single(errors);
        Assert.Equal("本期值", error.Column);
        Assert.Contains("负数", error.Message);
        Assert.Equal(0, saved);
        Assert.Equal(before, await db.Submissions.CountAsync());
    }

    [Fact]
    public async Task AnotherDepartmentsTemplate_IsRefused()
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, "中心区");
        byte[] amrTemplate;
        await using (var amr = app.ScopeAs("dept-amr", Roles.Department, ids.Amr))
            (_, amrTemplate) = await amr.ServiceProvider.GetRequiredService<SubmissionTemplateService>().DownloadAsync(ids.Period);

        await using var tax = app.ScopeAs("dept-tax", Roles.Department, ids.Tax);
        var (saved, errors) = await tax.ServiceProvider.GetRequiredService<SubmissionTemplateService>().UploadAsync(ids.Period, new MemoryStream(amrTemplate));

        Assert.Equal(0, saved);
        Assert.Contains(errors, e => e.Message.Contains("市场监督管理局"));
    }

    [Fact]
    public async Task TemplateDownloadedBeforeAColleaguesSave_DoesNotOverwriteIt()
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, "南湖区");
        await using var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr);
        var templates = dept.ServiceProvider.GetRequiredService<SubmissionTemplateService>();
        var (_, stale) = await templates.DownloadAsync(ids.Period);

        // A colleague enters a value for the same row after the template was downloaded.
        await using (var colleague = app.ScopeAs("dept-amr-2", Roles.Department, ids.Amr))
            await colleague.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 6, "同事填报");

        var filled = Fill(stale, sheet => RowOf(sheet, "KB-1", "南湖区").Cell(6).Value = 9);
        var (saved, errors) = await templates.UploadAsync(ids.Period, new MemoryStream(filled));

        Assert.Equal(0, saved);
        var error = Assert.Single(errors);
        Assert.Contains("dept-amr-2", error.Message);
        Assert.Contains("重新下载模板", error.Message);
        var db = dept.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(6, (await db.Submissions.SingleAsync(s => s.PeriodId == ids.Period && s.IndicatorNodeId == ids.KB1 && s.TargetId == ids.Target)).Value);

        // A fresh template carries the colleague's version: the same change now goes through.
        var (_, fresh) = await templates.DownloadAsync(ids.Period);
        (saved, errors) = await templates.UploadAsync(ids.Period, new MemoryStream(Fill(fresh, sheet => RowOf(sheet, "KB-1", "南湖区").Cell(6).Value = 9)));
        Assert.Empty(errors);
        Assert.Equal(1, saved);
    }
}
