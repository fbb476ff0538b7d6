using System.Text;
using Bunit;
using EvalSystem.Domain.Organization;
using EvalSystem.Web.Components.Pages.CaseData;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Features.Periods;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Data;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The 办件与好差评 page with the real import services on a SQLite file of its own.</summary>
public sealed class CaseDataPageTests : MudTestContext
{
    private const string Header = "办件编号,事项编码,事项名称,部门编码,区划代码,办理渠道,受理时间,办结时间,承诺时限,办件状态";

    public CaseDataPageTests() : base(services =>
    {
        services.AddSingleton(_ => new SqliteTestDatabase());
        services.AddSingleton<IDbContextFactory<EvalDbContext>>(sp => new Factory(sp.GetRequiredService<SqliteTestDatabase>()));
        services.AddScoped(sp => sp.GetRequiredService<SqliteTestDatabase>().Actor);
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessGuard>();
        services.AddOptions<CaseDataOptions>();
        services.AddScoped<CaseImportService>();
        services.AddScoped<CaseMeasureService>();
        services.AddScoped<PeriodQueries>();
    }) => SignInAs("office", Roles.Office);

    private sealed class Factory(SqliteTestDatabase db) : IDbContextFactory<EvalDbContext>
    {
        public EvalDbContext CreateDbContext() => db.CreateContext();
    }

    public override async Task InitializeAsync()
    {
        await using var db = Services.GetRequiredService<IDbContextFactory<EvalDbContext>>().CreateDbContext();
        await WorkingCalendarService.EnsureOfficialYearsAsync(db, CancellationToken.None);
        db.Departments.Add(new Department("GSA", "政务服务数据管理局", DepartmentKind.Government));
        db.Regions.Add(new Region("990102", "中心区", RegionLevel.District));
        await db.SaveChangesAsync();
    }

    private static InputFileContent Csv(string name, params string[] lines) =>
        InputFileContent.CreateFromText(string.Join("\n", [Header, .. lines]) + "\n", name, contentType: "text/csv");

    [Fact]
    public async Task AFileWithABadRow_OpensTheErrorList_AndTheHistoryShowsItRefused()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderSignedIn<CaseDataPage>();

        page.FindComponent<InputFile>().UploadFiles(Csv("办件.csv",
            "P-1,X1,企业设立登记,GSA,990102,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结",
            "P-2,X1,企业设立登记,GSA,990102,线上,2026-11-02 09:00,2026-11-05 10:00,五,已办结"));

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("承诺时限", dialogs.Find("[data-testid=import-errors]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("未导入", dialogs.Markup);
        await page.WaitForAssertionAsync(() => Assert.Contains("未导入（1 个问题）", page.Find("[data-testid=import-history]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=import-result]"));
    }

    [Fact]
    public async Task ADryRun_SaysWhatWouldBeStored_AndRecordsNoImport()
    {
        var page = RenderSignedIn<CaseDataPage>();
        (await page.WaitForElementAsync("[data-testid=import-dry-run] input, input[data-testid=import-dry-run]")).Change(true);

        page.FindComponent<InputFile>().UploadFiles(Csv("办件.csv", "P-3,X1,企业设立登记,GSA,990102,窗口,2026-11-02 09:00,2026-11-05 10:00,5,已办结"));

        await page.WaitForAssertionAsync(() => Assert.Contains("校验通过，未写入：共 1 行，将新增 1 条", page.Find("[data-testid=import-result]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("还没有导入记录", page.Find("[data-testid=import-history]").TextContent);
    }

    [Fact]
    public async Task ALeader_SeesTheDataButNoImportControls()
    {
        SignInAs("leader", Roles.Leader);
        var page = RenderSignedIn<CaseDataPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal("true", page.Find("[data-testid=case-data-title]").GetAttribute("data-loaded")));
        Assert.Contains("导入记录", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=import-upload]"));
    }
}
