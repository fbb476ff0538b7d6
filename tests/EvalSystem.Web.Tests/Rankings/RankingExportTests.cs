using System.Net;
using ClosedXML.Excel;
using EvalSystem.Domain.Organization;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Excel;
using EvalSystem.Web.Features.Rankings;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Rankings;

[Collection(RankingCollection.Name)]
public sealed class RankingExportTests(RankingFixture fixture)
{
    // The ranking sheet's table header is on row 4; the first target follows.
    private const int FirstRow = 5;

    private static XLWorkbook Open(byte[] content) => UploadedWorkbook.OpenCells(content);

    private async Task<RankingPage> LeaderPageAsync(RankingRequest request)
    {
        await using var scope = fixture.App.ScopeAs("leader", Roles.Leader);
        return await scope.ServiceProvider.GetRequiredService<RankingQueries>().PageAsync(request);
    }

    [Fact]
    public async Task Export_IsTheRankingBulletin_InRankOrder_WithIntervalsAndFirstLevelScores()
    {
        var ranking = await LeaderPageAsync(new RankingRequest());
        await using var scope = fixture.App.ScopeAs("leader", Roles.Leader);

        var workbook = await scope.ServiceProvider.GetRequiredService<RankingExport>().ExportAsync(ranking.RunInfo!.RunId);

        Assert.Equal("2026年第二季度地区排名（第1次计算）.xlsx", workbook.FileName);
        using var book = Open(workbook.Content);
        var sheet = book.Worksheet(RankingBulletinWorkbook.RegionSheet);
        for (var i = 0; i < ranking.Items.Count; i++)
        {
            var item = ranking.Items[i];
            Assert.Equal(item.Rank, sheet.Cell(FirstRow + i, 1).GetValue<int>());
            Assert.Equal(item.Name, sheet.Cell(FirstRow + i, 3).GetString());
            Assert.Equal(item.IntervalText, sheet.Cell(FirstRow + i, 7).GetString());
        }
        Assert.Equal(ranking.Items[0].FirstLevelScores[0]!.Value, sheet.Cell(FirstRow, 8).GetDouble(), precision: 9);
        Assert.Equal(ranking.RunInfo.FirstLevel[0].Name, sheet.Cell(FirstRow - 1, 8).GetString());
        Assert.True(book.Worksheets.Contains("计算方法"));
    }

    [Fact]
    public async Task Export_WithAFilter_ListsOnlyThoseTargets()
    {
        await using var scope = fixture.App.ScopeAs("office", Roles.Office);
        var workbook = await scope.ServiceProvider.GetRequiredService<RankingExport>()
            .ExportAsync(fixture.DepartmentPublishedRunId, TargetKind.Department, nameof(DepartmentKind.PublicUtility));

        using var book = Open(workbook.Content);
        var sheet = book.Worksheet(RankingBulletinWorkbook.DepartmentSheet);
        Assert.Equal("示范供电公司", sheet.Cell(FirstRow, 3).GetString());
        Assert.Equal("示范水务集团", sheet.Cell(FirstRow + 1, 3).GetString());
        Assert.True(sheet.Cell(FirstRow + 2, 3).IsEmpty());
    }

    [Fact]
    public async Task Endpoint_GivesLeadersTheWorkbook_AsAnAttachmentThatIsNeverSniffed()
    {
        var runId = (await LeaderPageAsync(new RankingRequest())).RunInfo!.RunId;
        var client = await AppFixture.SignedInAsync(fixture.App, "leader");

        var response = await client.GetAsync($"/files/rankings/{runId}.xlsx?kind=Region");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("2026年第二季度地区排名（第1次计算）.xlsx", response.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task Endpoint_GivesADepartmentUserAPublishedRun()
    {
        var client = await AppFixture.SignedInAsync(fixture.App, "dept-amr");

        var response = await client.GetAsync($"/files/rankings/{fixture.DepartmentPublishedRunId}.xlsx?kind=department");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Endpoint_RefusesADepartmentUserAnUnpublishedRun()
    {
        var client = await AppFixture.SignedInAsync(fixture.App, "dept-amr");

        var response = await client.GetAsync($"/files/rankings/{fixture.DepartmentUnpublishedRunId}.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("尚未发布", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Endpoint_LetsReadersOfEveryPeriodExportAnUnpublishedRun()
    {
        var client = await AppFixture.SignedInAsync(fixture.App, "auditor");

        var response = await client.GetAsync($"/files/rankings/{fixture.DepartmentUnpublishedRunId}.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("未发布", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Endpoint_AnswersAWrongKindOrAnUnknownRunWithASentence()
    {
        var client = await AppFixture.SignedInAsync(fixture.App, "leader");

        var wrongKind = await client.GetAsync($"/files/rankings/{fixture.DepartmentPublishedRunId}.xlsx?kind=Region");
        var badKind = await client.GetAsync($"/files/rankings/{fixture.DepartmentPublishedRunId}.xlsx?kind=7");
        var unknown = await client.GetAsync($"/files/rankings/{Guid.NewGuid()}.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, wrongKind.StatusCode);
        Assert.Contains("没有地区排名", await wrongKind.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Endpoint_SendsAnAdministratorToTheDeniedPage()
    {
        var client = await AppFixture.SignedInAsync(fixture.App, "admin");

        var response = await client.GetAsync($"/files/rankings/{fixture.DepartmentPublishedRunId}.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
    }
}
