using ClosedXML.Excel;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Indicators;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Indicators;

public sealed class IndicatorSystemServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task EditingANewVersion_NeverChangesAnOldPeriodsScores()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var v1 = await db.IndicatorSystems.SingleAsync(s => s.Version == 1 && s.TargetKind == TargetKind.Region);
        var q2 = await db.Periods.SingleAsync(p => p.Name == "2026年第二季度");
        var run = await db.ScoreRuns.SingleAsync(r => r.PeriodId == q2.Id && r.Status == ScoreRunStatus.Published);
        var before = await db.TargetScores.Where(s => s.RunId == run.Id).OrderBy(s => s.TargetId).Select(s => s.Composite).ToListAsync();
        var systems = office.ServiceProvider.GetRequiredService<IndicatorSystemService>();

        var draftId = await systems.CreateDraftAsync(v1.Id);
        var draft = await db.IndicatorSystems.AsNoTracking().Include(s => s.Nodes).SingleAsync(s => s.Id == draftId);
        var kb = draft.Nodes.Single(n => n.Code == "KB");
        var zw = draft.Nodes.Single(n => n.Code == "ZW");
        await systems.ReweightAsync(draftId, kb.Id, 20);
        await systems.ReweightAsync(draftId, zw.Id, 15);
        await systems.PublishAsync(draftId);

        await using var check = app.ScopeAs("office", Roles.Office);
        var checkDb = check.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(v1.Id, (await checkDb.Periods.SingleAsync(p => p.Id == q2.Id)).IndicatorSystemId);
        Assert.Equal(15m, (await checkDb.IndicatorNodes.SingleAsync(n => n.SystemId == v1.Id && n.Code == "KB")).Weight);
        var after = await checkDb.TargetScores.Where(s => s.RunId == run.Id).OrderBy(s => s.TargetId).Select(s => s.Composite).ToListAsync();
        Assert.Equal(before, after);
        var report = await check.ServiceProvider.GetRequiredService<ScoreRunService>().VerifyAsync(run.Id);
        Assert.True(report.Reproduced, report.FirstDifference);
        var changes = await check.ServiceProvider.GetRequiredService<IndicatorSystemQueries>().DiffAsync(v1.Id, draftId);
        Assert.Equal(["KB", "ZW"], changes.Where(c => c.Kind == ChangeKind.WeightChanged).Select(c => c.Code).Order());
    }

    [Theory]
    [InlineData("leader", Roles.Leader)]
    [InlineData("auditor", Roles.Auditor)]
    [InlineData("dept-amr", Roles.Department)]
    [InlineData("admin", Roles.Admin)]
    public async Task OnlyTheOffice_EditsSystems(string user, string role)
    {
        await using var scope = app.ScopeAs(user, role);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var system = await db.IndicatorSystems.FirstAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<IndicatorSystemService>().CreateDraftAsync(system.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<IndicatorSystemExcel>().ImportAsync(new MemoryStream([1, 2, 3])));
    }

    [Fact]
    public async Task DepartmentUser_SeesOnlyItsOwnIndicatorsAndTheirGroups()
    {
        Guid taxId;
        using (var lookup = app.Factory.Services.CreateScope())
            taxId = await lookup.ServiceProvider.GetRequiredService<EvalDbContext>().Departments.Where(d => d.Code == "TAX").Select(d => d.Id).SingleAsync();
        await using var scope = app.ScopeAs("dept-tax", Roles.Department, taxId);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var system = await db.IndicatorSystems.FirstAsync(s => s.Version == 1 && s.TargetKind == TargetKind.Region);

        var view = await scope.ServiceProvider.GetRequiredService<IndicatorSystemQueries>().GetAsync(system.Id);

        Assert.True(view.IsFiltered);
        Assert.Equal(["NS", "NS-1", "NS-2"], view.Nodes.Select(n => n.Code));
        Assert.Empty(view.Problems);
    }
}

/// <summary>Its own app: the round trip creates a draft, which the editing tests must not meet.</summary>
public sealed class IndicatorExcelTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ExcelExport_ThenImport_CreatesTheNextDraftWithTheSameTree()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var excel = office.ServiceProvider.GetRequiredService<IndicatorSystemExcel>();
        var published = await db.IndicatorSystems.Include(s => s.Nodes).Where(s => s.Status == SystemStatus.Published).OrderByDescending(s => s.Version).FirstAsync();

        var (fileName, content) = await excel.ExportAsync(published.Id);
        var outcome = await excel.ImportAsync(new MemoryStream(content));

        Assert.EndsWith(".xlsx", fileName);
        Assert.Empty(outcome.Errors);
        var imported = await db.IndicatorSystems.AsNoTracking().Include(s => s.Nodes).SingleAsync(s => s.Id == outcome.SystemId);
        Assert.Equal((published.LineageId, published.Version + 1, SystemStatus.Draft), (imported.LineageId, imported.Version, imported.Status));
        Assert.Empty(IndicatorSystemDiff.Compare(published, imported));
    }

    [Fact]
    public async Task ExcelImport_WithAnUnknownDepartment_ListsTheRowAndStoresNothing()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var excel = office.ServiceProvider.GetRequiredService<IndicatorSystemExcel>();
        var published = await db.IndicatorSystems.Where(s => s.Status == SystemStatus.Published).OrderBy(s => s.Version).FirstAsync();
        var (_, content) = await excel.ExportAsync(published.Id);
        using var workbook = new XLWorkbook(new MemoryStream(content));
        var sheet = workbook.Worksheet("指标体系");
        var cell = sheet.CellsUsed().First(c => c.GetString() == "AMR");
        cell.Value = "NOPE";
        using var edited = new MemoryStream();
        workbook.SaveAs(edited);
        var systemsBefore = await db.IndicatorSystems.CountAsync();

        var outcome = await excel.ImportAsync(new MemoryStream(edited.ToArray()));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((cell.Address.RowNumber, "主责单位"), (error.Row, error.Column));
        Assert.Contains("NOPE", error.Message);
        Assert.Null(outcome.SystemId);
        Assert.Equal(systemsBefore, await db.IndicatorSystems.CountAsync());
    }

    [Fact]
    public async Task ExcelImport_OfANonExcelFile_IsRefusedWithOneSentence()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var outcome = await office.ServiceProvider.GetRequiredService<IndicatorSystemExcel>().ImportAsync(new MemoryStream("%PDF-1.7 not a workbook"u8.ToArray()));
        var error = Assert.Single(outcome.Errors);
        Assert.Contains("xlsx", error.Message);
    }
}

/// <summary>Its own app: it leaves an invalid draft behind.</summary>
public sealed class IndicatorDraftValidationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Publishing_WithWeightsNotSummingTo100_IsRefusedNamingTheGroup()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var systems = office.ServiceProvider.GetRequiredService<IndicatorSystemService>();
        var latest = await db.IndicatorSystems.OrderByDescending(s => s.Version).FirstAsync();
        var draftId = latest.Status == SystemStatus.Draft ? latest.Id : await systems.CreateDraftAsync(latest.Id);
        var node = await db.IndicatorNodes.SingleAsync(n => n.SystemId == draftId && n.Code == "KB-1");

        await systems.ReweightAsync(draftId, node.Id, 25);
        var view = await office.ServiceProvider.GetRequiredService<IndicatorSystemQueries>().GetAsync(draftId);
        var ex = await Assert.ThrowsAsync<DomainException>(() => systems.PublishAsync(draftId));

        Assert.Contains(view.Problems, p => p.Contains("开办企业") && p.Contains("95"));
        Assert.Contains("开办企业", ex.Message);
        Assert.Equal(SystemStatus.Draft, (await db.IndicatorSystems.AsNoTracking().SingleAsync(s => s.Id == draftId)).Status);
    }
}
