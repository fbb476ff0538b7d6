using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Rankings;

/// <summary>
/// 排名: the full ranking of a period for regions or departments, one page at a time. Everyone who reads rankings sees
/// the published runs; the evaluation office also sees each period's newest unpublished run, marked as such.
/// </summary>
public sealed class RankingQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access)
{
    public const int MaxPageSize = 500;

    /// <summary>The periods with a ranking the user may see (newest first) and the filter choices for the kind.</summary>
    public async Task<RankingOptions> OptionsAsync(TargetKind kind, CancellationToken ct = default)
    {
        var seesUnpublished = await SeesUnpublishedAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = (await RankingReader.VisibleRunsAsync(db, kind, null, seesUnpublished, ct))
            .Select(r => new RankingPeriodOption(r.PeriodId, r.PeriodName, r.RunId, r.Number, r.Status == ScoreRunStatus.Published))
            .ToList();
        if (kind == TargetKind.Department)
        {
            return new RankingOptions(kind, periods, "部门类型",
            [
                new(RankingFilterOption.All, "全部类型"),
                new(nameof(DepartmentKind.Government), DepartmentKindName(DepartmentKind.Government)),
                new(nameof(DepartmentKind.PublicUtility), DepartmentKindName(DepartmentKind.PublicUtility)),
            ]);
        }

        var parents = await (from t in db.Targets.AsNoTracking()
                             join r in db.Regions.AsNoTracking() on t.RegionId equals (Guid?)r.Id
                             join p in db.Regions.AsNoTracking() on r.ParentId equals (Guid?)p.Id
                             where t.Kind == TargetKind.Region
                             select new { p.Id, p.Code, p.Name })
            .Distinct()
            .ToListAsync(ct);
        return new RankingOptions(kind, periods, "上级地区",
            [new(RankingFilterOption.All, "全部地区"), .. parents.OrderBy(p => p.Code).Select(p => new RankingFilterOption(p.Id.ToString(), p.Name))]);
    }

    /// <summary>
    /// One page of the ranking, sorted, filtered and paged by the database. A period without a run the user may see
    /// (e.g. scored but not yet published, for anyone but the office) gives an empty page without <see cref="RankingPage.RunInfo"/>.
    /// </summary>
    public async Task<RankingPage> PageAsync(RankingRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PageSize is < 1 or > MaxPageSize || request.PageIndex < 0 || request.PageIndex > int.MaxValue / request.PageSize)
            throw new DomainException($"每页行数必须在1到{MaxPageSize}之间，页码不能为负数。");
        var seesUnpublished = await SeesUnpublishedAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = (await RankingReader.VisibleRunsAsync(db, request.Kind, request.PeriodId, seesUnpublished, ct)).FirstOrDefault();
        return run is null ? RankingPage.Empty : await RankingReader.ReadAsync(db, run, request, ct);
    }

    public static string DepartmentKindName(DepartmentKind kind) => kind switch
    {
        DepartmentKind.Government => "政府部门",
        DepartmentKind.PublicUtility => "公共服务企业",
        _ => kind.ToString(),
    };

    public static string KindName(TargetKind kind) => kind == TargetKind.Department ? "部门" : "地区";

    /// <summary>
    /// Unpublished runs are for the office, as on the dashboard. Both checks are spelled out: whoever does not read every
    /// period (a department user) never sees an unpublished run, whatever else it may be granted later.
    /// </summary>
    private async Task<bool> SeesUnpublishedAsync(CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.ViewRankings, ct);
        return await access.AllowsAsync(user, Policies.ManagePeriods) && await access.AllowsAsync(user, Policies.ViewPeriods);
    }
}
