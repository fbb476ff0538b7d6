using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Rankings;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Rankings;

[Collection(RankingCollection.Name)]
public sealed class RankingQueriesTests(RankingFixture fixture)
{
    private async Task<RankingPage> PageAsync(string role, RankingRequest request)
    {
        await using var scope = fixture.App.ScopeAs(role == Roles.Office ? "office" : "leader", role);
        return await scope.ServiceProvider.GetRequiredService<RankingQueries>().PageAsync(request);
    }

    private Task<RankingPage> LeaderPageAsync(RankingRequest request) => PageAsync(Roles.Leader, request);

    private async Task<RankingOptions> OptionsAsync(string role, TargetKind kind = TargetKind.Region)
    {
        await using var scope = fixture.App.ScopeAs(role == Roles.Office ? "office" : "leader", role);
        return await scope.ServiceProvider.GetRequiredService<RankingQueries>().OptionsAsync(kind);
    }

    private async Task<Guid> PeriodIdAsync(string name)
    {
        await using var scope = fixture.App.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Periods.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Leader_GetsTheNewestPublishedRun_BestFirst_WithEveryFirstLevelScore()
    {
        var page = await LeaderPageAsync(new RankingRequest());

        var info = page.RunInfo!;
        Assert.Equal(("2026年第二季度", true), (info.PeriodName, info.IsPublished));
        Assert.Equal(12, page.TotalCount);
        Assert.Equal(12, info.RankedCount);
        Assert.Equal(8, info.FirstLevel.Count);
        Assert.Equal(Enumerable.Range(1, 12), page.Items.Select(i => i.Rank).Order());
        Assert.Equal(page.Items.OrderBy(i => i.Rank).Select(i => i.Name), page.Items.Select(i => i.Name));
        Assert.All(page.Items, i => Assert.Equal(8, i.FirstLevelScores.Count));

        await using var scope = fixture.App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var first = page.Items[0];
        var stored = await (from s in db.IndicatorScores
                            join n in db.IndicatorNodes on s.IndicatorNodeId equals n.Id
                            where s.RunId == info.RunId && s.TargetId == first.TargetId && n.Code == info.FirstLevel[0].Code
                            select s.Score).SingleAsync();
        Assert.Equal(stored, first.FirstLevelScores[0]);
        var record = await db.TargetScores.SingleAsync(s => s.RunId == info.RunId && s.TargetId == first.TargetId);
        Assert.Equal((record.Composite, record.Rank, record.RankChange), (first.Composite, first.Rank, first.RankChange));
    }

    [Fact]
    public async Task Row_CarriesThePreviousRankAndTheRankIntervalAsShown()
    {
        var page = await LeaderPageAsync(new RankingRequest());

        Assert.All(page.Items, i => Assert.Equal(i.Rank + i.RankChange, i.PreviousRank));
        Assert.Contains(page.Items, i => i.RankChange is not null);
        var row = page.Items[2];
        Assert.Equal($"第 3 名，区间 {row.IntervalText}", row.RankWithInterval);
        Assert.Equal((int)Math.Round(row.Rank5, MidpointRounding.AwayFromZero), row.IntervalBest);
        Assert.Equal((int)Math.Round(row.Rank95, MidpointRounding.AwayFromZero), row.IntervalWorst);
    }

    [Fact]
    public async Task TopThreeAndBottomThree_AreMarked()
    {
        var page = await LeaderPageAsync(new RankingRequest());

        Assert.Equal([RankStanding.Top, RankStanding.Top, RankStanding.Top], page.Items.Take(3).Select(i => i.Standing));
        Assert.Equal([RankStanding.Bottom, RankStanding.Bottom, RankStanding.Bottom], page.Items.TakeLast(3).Select(i => i.Standing));
        Assert.All(page.Items.Skip(3).SkipLast(3), i => Assert.Equal(RankStanding.Middle, i.Standing));
    }

    [Fact]
    public async Task SortByComposite_AscendingIsTheRankingReversed()
    {
        var byRank = await LeaderPageAsync(new RankingRequest());
        var ascending = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.Composite));
        var descending = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.Composite, Descending: true));

        Assert.Equal(byRank.Items.Select(i => i.TargetId), descending.Items.Select(i => i.TargetId));
        Assert.Equal(byRank.Items.Select(i => i.TargetId).Reverse(), ascending.Items.Select(i => i.TargetId));
        Assert.Equal("石桥县", ascending.Items[0].Name);
    }

    [Fact]
    public async Task SortByName_AndByRankDescending()
    {
        var byName = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.Name));
        var worstFirst = await LeaderPageAsync(new RankingRequest(Descending: true));

        var pinyin = System.Globalization.CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
        Assert.Equal(byName.Items.Select(i => i.Name).Order(Comparer<string>.Create((x, y) => pinyin.Compare(x, y))), byName.Items.Select(i => i.Name));
        Assert.NotEqual(byName.Items.Select(i => i.Name).Order(StringComparer.Ordinal), byName.Items.Select(i => i.Name)); // not code-point order
        Assert.Equal(12, worstFirst.Items[0].Rank);
    }

    [Fact]
    public async Task SortByRankChange_BiggestClimbersFirst()
    {
        var page = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.RankChange, Descending: true));

        var changes = page.Items.Select(i => i.RankChange!.Value).ToList();
        Assert.Equal(changes.OrderDescending(), changes);
        Assert.True(changes[0] > changes[^1], "the demo city has climbers and fallers");
    }

    [Fact]
    public async Task SortByRankChange_TargetsWithoutAPreviousRankComeLastInBothDirections()
    {
        // 2025 Q4 is the first scored quarter: nobody has a previous rank, so the ranking decides.
        var first = await PeriodIdAsync("2025年第四季度");
        var up = await LeaderPageAsync(new RankingRequest(first, SortBy: RankingSort.RankChange));
        var down = await LeaderPageAsync(new RankingRequest(first, SortBy: RankingSort.RankChange, Descending: true));

        Assert.All(up.Items, i => Assert.Null(i.RankChange));
        Assert.Equal(up.Items.OrderBy(i => i.Rank).Select(i => i.TargetId), up.Items.Select(i => i.TargetId));
        Assert.Equal(up.Items.Select(i => i.TargetId), down.Items.Select(i => i.TargetId));
    }

    [Fact]
    public async Task SortByAFirstLevelIndicator_OrdersByThatScore()
    {
        var info = (await LeaderPageAsync(new RankingRequest(PageSize: 1))).RunInfo!;
        var code = info.FirstLevel[1].Code;

        var page = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.FirstLevel, SortIndicator: code, Descending: true));

        var scores = page.Items.Select(i => i.FirstLevelScores[1]!.Value).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var ascending = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.FirstLevel, SortIndicator: code));
        Assert.Equal(scores.Order(), ascending.Items.Select(i => i.FirstLevelScores[1]!.Value));
    }

    [Fact]
    public async Task SortByAnUnknownIndicator_FallsBackToTheRanking()
    {
        var page = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.FirstLevel, SortIndicator: "NO-SUCH"));

        Assert.Equal(Enumerable.Range(1, 12), page.Items.Select(i => i.Rank));
    }

    [Fact]
    public async Task Paging_ReturnsOnlyThePage_AndThePagesAddUpToTheRanking()
    {
        var all = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.Composite, Descending: true));
        var pages = new List<RankingItem>();
        for (var index = 0; index < 3; index++)
        {
            var page = await LeaderPageAsync(new RankingRequest(SortBy: RankingSort.Composite, Descending: true, PageIndex: index, PageSize: 5));
            Assert.Equal(12, page.TotalCount);
            Assert.Equal(index < 2 ? 5 : 2, page.Items.Count);
            pages.AddRange(page.Items);
        }

        Assert.Equal(all.Items.Select(i => i.TargetId), pages.Select(i => i.TargetId));
        var beyond = await LeaderPageAsync(new RankingRequest(PageIndex: 3, PageSize: 5));
        Assert.Empty(beyond.Items);
        Assert.Equal(12, beyond.TotalCount);
    }

    [Fact]
    public async Task Paging_KeepsTheStandingOfTheWholeRanking()
    {
        var last = await LeaderPageAsync(new RankingRequest(PageIndex: 1, PageSize: 6));

        Assert.Equal([7, 8, 9, 10, 11, 12], last.Items.Select(i => i.Rank));
        Assert.Equal(3, last.Items.Count(i => i.Standing == RankStanding.Bottom));
    }

    [Fact]
    public async Task PageSize_OutsideTheLimits_IsRefusedWithASentence()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => LeaderPageAsync(new RankingRequest(PageSize: RankingQueries.MaxPageSize + 1)));
        Assert.Contains("每页行数", ex.Message);
        await Assert.ThrowsAsync<DomainException>(() => LeaderPageAsync(new RankingRequest(PageIndex: -1)));
    }

    [Fact]
    public async Task FilterByParentRegion_KeepsItsDistricts_AndCountsThem()
    {
        var options = await OptionsAsync(Roles.Leader);
        Assert.Equal("上级地区", options.FilterLabel);
        Assert.Equal(["全部地区", "示范市"], options.Filters.Select(f => f.Label));

        var city = options.Filters[1].Key;
        var inCity = await LeaderPageAsync(new RankingRequest().WithFilter(city));
        Assert.Equal(12, inCity.TotalCount);

        await using var scope = fixture.App.Factory.Services.CreateAsyncScope();
        var district = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Regions.Where(r => r.Name == "石桥县").Select(r => r.Id).SingleAsync();
        var underDistrict = await LeaderPageAsync(new RankingRequest(ParentRegionId: district, PageSize: 5));
        Assert.Equal(0, underDistrict.TotalCount);
        Assert.Empty(underDistrict.Items);
        Assert.NotNull(underDistrict.RunInfo);
    }

    [Fact]
    public async Task FilterByDepartmentKind_KeepsThatKind_WithTheirRanksInTheWholeRanking()
    {
        var options = await OptionsAsync(Roles.Leader, TargetKind.Department);
        Assert.Equal(["全部类型", "政府部门", "公共服务企业"], options.Filters.Select(f => f.Label));

        var all = await LeaderPageAsync(new RankingRequest(Kind: TargetKind.Department));
        var utilities = await LeaderPageAsync(new RankingRequest(Kind: TargetKind.Department).WithFilter(nameof(DepartmentKind.PublicUtility)));
        var government = await LeaderPageAsync(new RankingRequest(Kind: TargetKind.Department, DepartmentKind: DepartmentKind.Government, PageSize: 5));

        Assert.Equal(16, all.TotalCount);
        Assert.Equal(["示范供电公司", "示范水务集团"], utilities.Items.Select(i => i.Name));
        Assert.Equal([11, 16], utilities.Items.Select(i => i.Rank));
        Assert.Equal(14, government.TotalCount);
        Assert.Equal(5, government.Items.Count);
        Assert.Equal(["FW", "XL"], all.RunInfo!.FirstLevel.Select(f => f.Code));
    }

    [Fact]
    public async Task Leader_SeesPublishedPeriodsOnly_AndNothingForTheUnpublishedQuarter()
    {
        var options = await OptionsAsync(Roles.Leader);
        Assert.Equal(["2026年第二季度", "2026年第一季度", "2025年第四季度"], options.Periods.Select(p => p.Label));
        Assert.All(options.Periods, p => Assert.True(p.IsPublished));

        var unpublished = await LeaderPageAsync(new RankingRequest(await PeriodIdAsync("2026年第三季度")));
        Assert.Null(unpublished.RunInfo);
        Assert.Empty(unpublished.Items);
    }

    [Fact]
    public async Task Office_AlsoSeesTheNewestUnpublishedRun_ClearlyMarked()
    {
        var options = await OptionsAsync(Roles.Office);
        Assert.Equal("2026年第三季度（第1次计算 · 未发布）", options.Periods[0].Label);
        Assert.False(options.Periods[0].IsPublished);
        Assert.Equal(4, options.Periods.Count);

        var page = await PageAsync(Roles.Office, new RankingRequest());
        Assert.Equal(("2026年第三季度", false), (page.RunInfo!.PeriodName, page.RunInfo.IsPublished));
    }

    [Fact]
    public async Task InAPeriodWithANewerUnpublishedRun_TheOfficeSeesItAndTheLeaderThePublishedOne()
    {
        var office = await PageAsync(Roles.Office, new RankingRequest(Kind: TargetKind.Department));
        var leader = await LeaderPageAsync(new RankingRequest(Kind: TargetKind.Department));

        Assert.Equal((fixture.DepartmentUnpublishedRunId, false), (office.RunInfo!.RunId, office.RunInfo.IsPublished));
        Assert.Equal("示范水务集团", office.Items[0].Name);
        Assert.Equal((fixture.DepartmentPublishedRunId, true), (leader.RunInfo!.RunId, leader.RunInfo.IsPublished));
        Assert.Equal("市场监督管理局", leader.Items[0].Name);
    }

    [Fact]
    public async Task DepartmentUser_SeesPublishedRankingsOnly()
    {
        await using var scope = await fixture.App.ScopeAsAccountAsync("dept-amr");
        var rankings = scope.ServiceProvider.GetRequiredService<RankingQueries>();

        var options = await rankings.OptionsAsync(TargetKind.Region);
        Assert.DoesNotContain(options.Periods, p => p.PeriodName == "2026年第三季度" || !p.IsPublished);
        var latest = await rankings.PageAsync(new RankingRequest());
        Assert.Equal(("2026年第二季度", true), (latest.RunInfo!.PeriodName, latest.RunInfo.IsPublished));
        var unpublished = await rankings.PageAsync(new RankingRequest(await PeriodIdAsync("2026年第三季度")));
        Assert.Null(unpublished.RunInfo);
        var departments = await rankings.PageAsync(new RankingRequest(Kind: TargetKind.Department));
        Assert.Equal(fixture.DepartmentPublishedRunId, departments.RunInfo!.RunId);
    }

    [Fact]
    public async Task Administrator_IsRefusedAndTheRefusalIsAudited()
    {
        await using var scope = fixture.App.ScopeAs("admin", Roles.Admin);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<RankingQueries>().PageAsync(new RankingRequest()));

        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.UserName == "admin" && a.EntityKey == Policies.ViewRankings));
    }
}
