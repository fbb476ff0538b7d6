using System.Net;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Http;

public sealed class FileEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<string> ExportUrlAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().IndicatorSystems.Select(s => s.Id).FirstAsync();
        return $"/files/indicator-systems/{id}.xlsx";
    }

    [Fact]
    public async Task Leader_DownloadsTheIndicatorSystemAsXlsx()
    {
        var client = await AppFixture.SignedInAsync(app, "leader");
        var response = await client.GetAsync(await ExportUrlAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // xlsx is a zip: "PK"
    }

    [Fact]
    public async Task DepartmentUser_CannotDownloadTheWholeSystem()
    {
        var client = await AppFixture.SignedInAsync(app, "dept-amr");
        var response = await client.GetAsync(await ExportUrlAsync());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AnonymousVisitor_CannotDownload()
    {
        var response = await app.NewClient().GetAsync(await ExportUrlAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }
}
