using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Integration;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Integration;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.CaseData;

/// <summary>The platform pushes cases and ratings through <c>/api/v1</c> with its key.</summary>
public sealed class CaseApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<HttpClient> ClientAsync(params string[] scopes)
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var issued = await admin.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("一网通办平台-" + Guid.NewGuid().ToString("N")[..6], scopes);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.Key);
        return client;
    }

    private static object Case(string number, string completedAt = "2026-11-05T10:00:00+08:00", string department = "GSA") => new
    {
        caseNumber = number, itemCode = "X1", itemName = "企业设立登记", departmentCode = department, regionCode = "990107",
        channel = "online", receivedAt = "2026-11-02T09:00:00+08:00", completedAt, promisedWorkingDays = 5, status = "completed",
    };

    [Fact]
    public async Task PushingCases_StoresThem_AndRepeatingTheBatchUpdatesInsteadOfDuplicating()
    {
        var client = await ClientAsync(ApiScopes.CasesWrite);
        object[] batch = [Case("API-001"), Case("API-002", "2026-11-03T01:00:00Z")];

        var first = await client.PostAsJsonAsync("/api/v1/cases", batch);
        var second = await client.PostAsJsonAsync("/api/v1/cases", batch);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("inserted").GetInt32());
        using var again = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal((0, 2), (again.RootElement.GetProperty("inserted").GetInt32(), again.RootElement.GetProperty("updated").GetInt32()));
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var stored = await db.ServiceCases.SingleAsync(c => c.CaseNumber == "API-002");
        Assert.Equal(new DateTime(2026, 11, 3, 9, 0, 0), stored.CompletedAt); // 01:00 UTC is 09:00 in Beijing
        Assert.Contains(await db.DataImports.ToListAsync(), i => i.Channel == DataImportChannel.Api && i.Source.StartsWith("一网通办平台", StringComparison.Ordinal) && i.Inserted == 2);
    }

    [Fact]
    public async Task ABatchWithABadItem_Answers422WithEveryProblem_AndStoresNothing()
    {
        var client = await ClientAsync(ApiScopes.CasesWrite);
        object[] batch = [Case("BAD-API-1"), new { caseNumber = "BAD-API-2", channel = "fax", promisedWorkingDays = -1 }, Case("BAD-API-3", department: "NOPE")];

        var response = await client.PostAsJsonAsync("/api/v1/cases", batch);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (Index: e.GetProperty("index").GetInt32(), Field: e.GetProperty("field").GetString())).ToList();
        Assert.Contains((2, "channel"), errors);
        Assert.Contains((2, "receivedAt"), errors);
        Assert.Contains((2, "promisedWorkingDays"), errors);
        Assert.Contains(errors, e => e.Index == 3);
        using var scope = app.Factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EvalDbContext>().ServiceCases.AnyAsync(c => c.CaseNumber.StartsWith("BAD-API")));
    }

    [Fact]
    public async Task ARatingsKey_CannotPushCases_AndNoKeyIsUnauthorized()
    {
        var ratingsOnly = await ClientAsync(ApiScopes.RatingsWrite);
        Assert.Equal(HttpStatusCode.Forbidden, (await ratingsOnly.PostAsJsonAsync("/api/v1/cases", new[] { Case("SCOPE-1") })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PostAsJsonAsync("/api/v1/ratings", Array.Empty<object>())).StatusCode);

        var ratings = await ratingsOnly.PostAsJsonAsync("/api/v1/ratings", new[]
        {
            new { ratingId = "API-PJ-1", departmentCode = "GSA", regionCode = "990107", channel = "window", ratedAt = "2026-11-02T10:00:00+08:00", level = 1, items = new[] { "办事效率" } },
        });
        Assert.Equal(HttpStatusCode.OK, ratings.StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<EvalDbContext>().RectificationItems.AnyAsync(i => i.RatingId == "API-PJ-1"));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheCaseAndRatingEndpoints()
    {
        var document = await app.NewClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/cases", document);
        Assert.Contains("/api/v1/ratings", document);
        Assert.Contains("caseNumber", document);
    }
}
