using System.Text;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Ratings;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.CaseData;

/// <summary>
/// Its own app: the tests import into the collecting quarter (2026年第四季度) of the demo city, which already holds the
/// seeded cases and ratings of the quarter so far; computed values are checked against what was there before the import.
/// </summary>
public sealed class CaseImportServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Header = "办件编号,事项编码,事项名称,部门编码,区划代码,办理渠道,受理时间,办结时间,承诺时限,办件状态";

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n"));

    private async Task<double?> ValueAsync(string indicatorCode, string targetName)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        return await (from v in db.IndicatorValues
                      join p in db.Periods on v.PeriodId equals p.Id
                      join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                      join t in db.Targets on v.TargetId equals t.Id
                      where p.Name == "2026年第四季度" && n.Code == indicatorCode && t.Name == targetName
                      select (double?)v.Value).SingleOrDefaultAsync();
    }

    /// <summary>The value computed now for the collecting quarter, and how many records it rests on.</summary>
    private static async Task<(double Value, int Basis)> ComputedAsync(AsyncServiceScope office, string indicatorCode, string targetName)
    {
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var periodId = await db.Periods.Where(p => p.Name == "2026年第四季度").Select(p => p.Id).SingleAsync();
        var value = (await office.ServiceProvider.GetRequiredService<CaseMeasureService>().PreviewAsync(periodId))
            .Single(v => v.IndicatorCode == indicatorCode && v.TargetName == targetName);
        return (value.Value ?? 0, value.Basis);
    }

    [Fact]
    public async Task ImportingCases_StoresThem_RecordsTheImport_AndFillsTheApprovalTimeIndicator()
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var imports = office.ServiceProvider.GetRequiredService<CaseImportService>();
        var (before, basis) = await ComputedAsync(office, "ZW-2", "中心区");

        // Mon 2 Nov 2026 → Thu 5 Nov: 3 working days; Mon 2 Nov → Mon 9 Nov: 5 working days: 8 more days over 2 more cases.
        var outcome = await imports.ImportCasesAsync(Csv(
            "ZX-001,X1,企业设立登记,GSA,990102,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结",
            "ZX-002,X2,食品经营许可,GSA,990102,窗口,2026-11-02 10:00,2026-11-09 16:00,4,已办结"), "十一月办件.csv", dryRun: false);

        Assert.True(outcome.Succeeded, string.Join("；", outcome.Errors.Select(e => e.Message)));
        Assert.Equal((2, 2, 0), (outcome.Rows, outcome.Inserted, outcome.Updated));
        Assert.Contains(outcome.Notes, n => n.Contains("2026年第四季度"));
        Assert.Equal((before * basis + 8) / (basis + 2), (await ValueAsync("ZW-2", "中心区"))!.Value, precision: 9);
        var history = await imports.HistoryAsync();
        Assert.Contains(history, h => h.Source == "十一月办件.csv" && h.Succeeded && h.Inserted == 2 && h.ByName == "office");
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var stored = await db.ServiceCases.SingleAsync(c => c.CaseNumber == "ZX-002");
        Assert.Equal((ServiceChannel.Window, CaseStatus.Completed, 4), (stored.Channel, stored.Status, stored.PromisedWorkingDays));
        Assert.Equal(ValueOrigin.CaseData, await (from v in db.IndicatorValues
                                                  join p in db.Periods on v.PeriodId equals p.Id
                                                  join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                                                  join t in db.Targets on v.TargetId equals t.Id
                                                  where p.Name == "2026年第四季度" && n.Code == "ZW-2" && t.Name == "中心区"
                                                  select v.Origin).SingleAsync());
    }

    [Fact]
    public async Task ReimportingACase_UpdatesIt_NeverDuplicates()
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var imports = office.ServiceProvider.GetRequiredService<CaseImportService>();
        var (before, basis) = await ComputedAsync(office, "ZW-2", "东城区");
        await imports.ImportCasesAsync(Csv("DC-001,X1,企业设立登记,GSA,990103,线上,2026-11-02 09:00,,5,办理中"), "a.csv", dryRun: false);

        var again = await imports.ImportCasesAsync(Csv(
            "DC-001,X1,企业设立登记,GSA,990103,线上,2026-11-02 09:00,2026-11-04 09:00,5,已办结",
            "DC-002,X1,企业设立登记,GSA,990103,线上,2026-11-03 09:00,2026-11-04 09:00,5,已办结"), "b.csv", dryRun: false);

        Assert.Equal((2, 1, 1), (again.Rows, again.Inserted, again.Updated));
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(1, await db.ServiceCases.CountAsync(c => c.CaseNumber == "DC-001"));
        Assert.Equal(CaseStatus.Completed, (await db.ServiceCases.SingleAsync(c => c.CaseNumber == "DC-001")).Status);
        // The case in progress did not count; once completed it did: 2 and 1 working days.
        Assert.Equal((before * basis + 3) / (basis + 2), (await ValueAsync("ZW-2", "东城区"))!.Value, precision: 9);
    }

    [Fact]
    public async Task ACaseRepeatedInOneFile_TheLaterRowWins_StagesAreStored_AndAReimportKeepsTheCasesIdentity()
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var imports = office.ServiceProvider.GetRequiredService<CaseImportService>();
        static MemoryStream File() => new(Encoding.UTF8.GetBytes(string.Join("\n",
            Header + ",是否开办企业,开办环节",
            "RP-001,SX-0100,企业设立登记,AMR,990107,线上,2026-11-02 09:00,,3,办理中,是,设立登记@2026-11-02 09:00~",
            "RP-002,X1,食品经营许可,GSA,990107,窗口,2026-11-02 10:00,2026-11-03 10:00,5,已办结,否,",
            "RP-001,SX-0100,企业设立登记,AMR,990107,线上,2026-11-02 09:00,2026-11-04 16:00,3,已办结,是,设立登记@2026-11-02 09:00~2026-11-03 11:00;公章刻制@2026-11-03 11:00~2026-11-04 16:00") + "\n"));

        var outcome = await imports.ImportCasesAsync(File(), "重复办件.csv", dryRun: false);

        Assert.True(outcome.Succeeded, string.Join("；", outcome.Errors.Select(e => e.Message)));
        Assert.Equal((3, 2, 1), (outcome.Rows, outcome.Inserted, outcome.Updated));
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var stored = await db.ServiceCases.AsNoTracking().SingleAsync(c => c.CaseNumber == "RP-001");
        Assert.Equal((CaseStatus.Completed, new DateTime(2026, 11, 4, 16, 0, 0)), (stored.Status, stored.CompletedAt));
        Assert.Equal(["设立登记", "公章刻制"], stored.StartupStages.Select(s => s.Name));
        Assert.Empty((await db.ServiceCases.AsNoTracking().SingleAsync(c => c.CaseNumber == "RP-002")).StartupStages);

        var again = await imports.ImportCasesAsync(File(), "重复办件.csv", dryRun: false);

        Assert.Equal((3, 0, 3), (again.Rows, again.Inserted, again.Updated));
        Assert.Equal(stored.Id, (await db.ServiceCases.AsNoTracking().SingleAsync(c => c.CaseNumber == "RP-001")).Id);
    }

    [Fact]
    public async Task AFileWithBadRows_ListsEveryProblem_AndStoresNothing()
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var imports = office.ServiceProvider.GetRequiredService<CaseImportService>();
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var before = await db.ServiceCases.CountAsync();

        var outcome = await imports.ImportCasesAsync(Csv(
            "BAD-001,X1,企业设立登记,GSA,990104,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结",
            "BAD-002,X1,企业设立登记,XXX,990104,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结",
            "BAD-003,X1,企业设立登记,GSA,123456,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结",
            "BAD-004,X1,企业设立登记,GSA,990104,线上,2026-11-06 09:00,2026-11-05 10:00,5,已办结",
            "BAD-005,X1,企业设立登记,GSA,990104,线上,2026-02-30 09:00,2026-11-05 10:00,5,已办结"), "有错误的办件.csv", dryRun: false);

        Assert.False(outcome.Succeeded);
        Assert.Equal(5, outcome.Rows);
        Assert.Contains(outcome.Errors, e => e.Row == 3 && e.Column == "部门编码" && e.Message.Contains("XXX"));
        Assert.Contains(outcome.Errors, e => e.Row == 4 && e.Column == "区划代码" && e.Message.Contains("123456"));
        Assert.Contains(outcome.Errors, e => e.Row == 5);
        Assert.Contains(outcome.Errors, e => e.Row == 6 && e.Column == "受理时间");
        Assert.DoesNotContain(outcome.Errors, e => e.Row == 2);
        Assert.Equal(before, await db.ServiceCases.CountAsync());
        Assert.Contains(await imports.HistoryAsync(), h => h.Source == "有错误的办件.csv" && !h.Succeeded && h.ErrorCount == outcome.ErrorCount && h.FirstError!.Contains("第3行"));
    }

    [Fact]
    public async Task ADryRun_CountsWhatWouldChange_AndStoresNothing()
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var imports = office.ServiceProvider.GetRequiredService<CaseImportService>();
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var imported = await db.DataImports.CountAsync();

        var outcome = await imports.ImportCasesAsync(Csv("DRY-001,X1,企业设立登记,GSA,990105,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结"), "dry.csv", dryRun: true);

        Assert.True(outcome.Succeeded);
        Assert.Equal((1, 1, true), (outcome.Inserted, outcome.Rows, outcome.DryRun));
        Assert.False(await db.ServiceCases.AnyAsync(c => c.CaseNumber == "DRY-001"));
        Assert.Equal(imported, await db.DataImports.CountAsync());
    }

    [Fact]
    public async Task ADepartmentUser_CannotImport_AndTheRefusalIsAudited()
    {
        await using var dept = await app.ScopeAsAccountAsync("dept-gsa");
        var imports = dept.ServiceProvider.GetRequiredService<CaseImportService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => imports.ImportCasesAsync(Csv(), "x.csv", dryRun: false));
        var db = dept.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "AccessDenied" && a.EntityKey == Policies.ImportCaseData));
    }

    [Fact]
    public async Task ImportingRatings_OpensOneRectificationItemPerBadReview_AndFillsSatisfaction()
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var imports = office.ServiceProvider.GetRequiredService<CaseImportService>();
        var (before, basis) = await ComputedAsync(office, "ZW-4", "北山区");
        const string header = "评价编号,办件编号,部门编码,区划代码,评价渠道,评价时间,评价等级,评价项,评价内容";
        MemoryStream File() => new(Encoding.UTF8.GetBytes(string.Join("\n",
            header,
            "PJ-001,,GSA,990106,线上,2026-11-02 10:00,非常满意,办事效率,",
            "PJ-002,,GSA,990106,窗口,2026-11-02 11:00,满意,服务态度,",
            "PJ-003,,GSA,990106,窗口,2026-11-02 12:00,基本满意,,",
            "PJ-004,,GSA,990106,窗口,2026-11-06 16:00,非常不满意,办事效率;服务态度,排队两小时") + "\n"));

        var outcome = await imports.ImportRatingsAsync(File(), "好差评.csv", dryRun: false);
        var again = await imports.ImportRatingsAsync(File(), "好差评.csv", dryRun: false);

        Assert.True(outcome.Succeeded, string.Join("；", outcome.Errors.Select(e => e.Message)));
        Assert.Equal((0, 4), (again.Inserted, again.Updated));
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var item = await db.RectificationItems.SingleAsync(i => i.RatingId == "PJ-004");
        // Rated Fri 6 Nov 2026: five working days later is Fri 13 Nov.
        Assert.Equal((new DateOnly(2026, 11, 13), RectificationStatus.Open), (item.Deadline, item.Status));
        Assert.Equal(1, await db.RectificationItems.CountAsync(i => i.RatingId == "PJ-004"));
        // 3 of the 4 new ratings are at level 3–5.
        Assert.Equal(100 * (before * basis / 100 + 3) / (basis + 4), (await ValueAsync("ZW-4", "北山区"))!.Value, precision: 9);
    }
}
