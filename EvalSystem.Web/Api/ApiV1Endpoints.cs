using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EvalSystem.Domain.Integration;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace EvalSystem.Web.Api;

/// <summary>Who the calling key belongs to and what it may do.</summary>
/// <param name="Name">The client's name, e.g. 一网通办平台.</param>
/// <param name="Scopes">The scopes granted to the key, e.g. cases:write.</param>
public sealed record WhoAmIResponse(string Name, IReadOnlyList<string> Scopes);

/// <summary>
/// The integration API for platform systems (一网通办, 好差评). Every endpoint of the group needs a valid
/// <c>X-Api-Key</c>; a write adds its scope, e.g. <c>group.MapPost("/cases", …).RequireAuthorization(ApiPolicies.CasesWrite)</c>.
/// </summary>
public static class ApiV1Endpoints
{
    public const string DocumentName = "v1";
    public const string Prefix = "/api/v1";

    public static IHostApplicationBuilder AddEvalApi(this IHostApplicationBuilder builder)
    {
        // Chinese names stay readable in the API's JSON instead of \uXXXX escapes.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        builder.Services.AddOpenApi(DocumentName, o =>
        {
            // Only the integration API is described; downloads and account endpoints are for the browser.
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "营商环境督查与考核评估系统 集成接口 / EvalSystem integration API";
                document.Info.Version = DocumentName;
                document.Info.Description = $"供一网通办、好差评等平台系统调用。每个请求都要在请求头 {ApiKeyDefaults.HeaderName} 中携带系统管理员发放的接口密钥。";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyDefaults.HeaderName,
                    Description = "接口密钥（esk_ 开头），在「系统管理 → 接口密钥」中创建。缺少或无效：401；缺少权限：403。",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: it describes the API and holds no data (see docs/operations.md, Integration API).
        app.MapOpenApi().AllowAnonymous();

        var group = app.MapGroup(Prefix)
            .RequireAuthorization(ApiPolicies.Client)
            // A key in a header is not sent by a browser on its own, so there is no cross-site request to forge;
            // form posts to the API need no token either.
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("集成接口");

        group.MapGet("/whoami", WhoAmI)
            .WithName("WhoAmI")
            .WithSummary("当前密钥的客户端名称和权限 / the calling client and its scopes");

        // Checks a key for cases:write without sending data: lets the platform test its key before the first push.
        group.MapGet("/cases/ping", () => TypedResults.NoContent())
            .RequireAuthorization(ApiPolicies.CasesWrite)
            .WithName("CasesPing")
            .WithSummary("检查密钥是否有办件数据写入权限 / checks the key holds cases:write");
        group.MapPost("/cases", ImportCasesAsync)
            .RequireAuthorization(ApiPolicies.CasesWrite)
            .WithName("ImportCases")
            .WithSummary("推送办件数据（按办件编号新增或更新，全部成功或全部不写入）/ push cases: upsert by case number, all or nothing")
            .WithDescription($"请求体为办件数组，每批不超过 {CaseBatch.MaxItems} 条。dryRun=true 时只校验不写入。有任一条不合格时返回 422 并列出每个问题（序号、字段、原因），不写入任何数据。");

        group.MapPost("/ratings", ImportRatingsAsync)
            .RequireAuthorization(ApiPolicies.RatingsWrite)
            .WithName("ImportRatings")
            .WithSummary("推送好差评（按评价编号新增或更新；差评自动生成整改事项）/ push ratings: upsert by rating id; bad reviews open rectification items")
            .WithDescription($"请求体为评价数组，每批不超过 {CaseBatch.MaxItems} 条。dryRun=true 时只校验不写入。有任一条不合格时返回 422，不写入任何数据。");
        return app;
    }

    private static async Task<Results<Ok<BatchResult>, UnprocessableEntity<BatchResult>, ProblemHttpResult>> ImportCasesAsync(
        CaseDto[] items, bool? dryRun, ClaimsPrincipal user, CaseImportService imports, CancellationToken ct)
    {
        if (items.Length > CaseBatch.MaxItems)
            return TooLarge(items.Length);
        var outcome = await imports.ImportCasesAsync(CaseBatch.Cases(items), ClientName(user), ClientRef(user), dryRun == true, ct);
        return outcome.Succeeded ? TypedResults.Ok(BatchResult.Of(outcome)) : TypedResults.UnprocessableEntity(BatchResult.Of(outcome));
    }

    private static async Task<Results<Ok<BatchResult>, UnprocessableEntity<BatchResult>, ProblemHttpResult>> ImportRatingsAsync(
        RatingDto[] items, bool? dryRun, ClaimsPrincipal user, CaseImportService imports, CancellationToken ct)
    {
        if (items.Length > CaseBatch.MaxItems)
            return TooLarge(items.Length);
        var outcome = await imports.ImportRatingsAsync(CaseBatch.Ratings(items), ClientName(user), ClientRef(user), dryRun == true, ct);
        return outcome.Succeeded ? TypedResults.Ok(BatchResult.Of(outcome)) : TypedResults.UnprocessableEntity(BatchResult.Of(outcome));
    }

    private static ProblemHttpResult TooLarge(int count) =>
        TypedResults.Problem($"每批最多 {CaseBatch.MaxItems} 条，本次 {count} 条：请分批推送。", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static string ClientName(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "接口客户端";

    private static Domain.Common.UserRef ClientRef(ClaimsPrincipal user) =>
        new("api:" + (user.FindFirstValue(ApiClaims.ClientId) ?? ""), ClientName(user));

    private static Ok<WhoAmIResponse> WhoAmI(ClaimsPrincipal user) =>
        TypedResults.Ok(new WhoAmIResponse(user.Identity?.Name ?? "",
            [.. user.FindAll(ApiClaims.Scope).Select(c => c.Value).Order(StringComparer.Ordinal)]));
}
