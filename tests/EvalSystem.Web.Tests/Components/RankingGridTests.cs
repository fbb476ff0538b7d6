using Bunit;
using EvalSystem.Domain.Organization;
using EvalSystem.Web.Components.Pages.Rankings;
using EvalSystem.Web.Features.Rankings;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The ranking table against a spy: every state change asks for exactly one page, and only that page.</summary>
public sealed class RankingGridTests : MudTestContext
{
    private const int Total = 45;
    private readonly List<RankingRequest> _requests = [];
    private static readonly RankingRunInfo Info = new(Guid.NewGuid(), Guid.NewGuid(), "2026年第二季度", TargetKind.Region, 1, true, DateTime.UtcNow, Total, 1000, 0.25,
        [new("KB", "开办企业"), new("ZW", "政务服务")]);

    /// <summary>A fake ranking of 45 targets that records every request.</summary>
    private Task<RankingPage> LoadAsync(RankingRequest request, CancellationToken ct)
    {
        _requests.Add(request);
        var items = Enumerable.Range(request.PageIndex * request.PageSize + 1, Math.Max(0, Math.Min(request.PageSize, Total - request.PageIndex * request.PageSize)))
            .Select(rank => new RankingItem(Guid.NewGuid(), $"99{rank:D4}", $"地区{rank}", rank, rank % 3 - 1, 90 - rank, 0.5, Math.Max(1, rank - 1), rank + 1,
                rank <= 3 ? RankStanding.Top : rank > Total - 3 ? RankStanding.Bottom : RankStanding.Middle, [80.0 - rank, null]))
            .ToList();
        return Task.FromResult(new RankingPage(items, Total, Info));
    }

    private async Task<IRenderedComponent<RankingGrid>> RenderGridAsync(RankingRequest scope)
    {
        Render<MudPopoverProvider>();
        var grid = Render<RankingGrid>(p => p.Add(g => g.Scope, scope).Add(g => g.LoadPage, LoadAsync));
        await grid.WaitForAssertionAsync(() => Assert.Equal(20, grid.FindAll("[data-testid=ranking-name]").Count));
        return grid;
    }

    private Task SettleAsync(IRenderedComponent<RankingGrid> grid, int expectedRequests) =>
        grid.WaitForAssertionAsync(() => Assert.Equal(expectedRequests, _requests.Count));

    private static MudTable<RankingItem> Table(IRenderedComponent<RankingGrid> grid) => grid.FindComponent<MudTable<RankingItem>>().Instance;

    [Fact]
    public async Task FirstRender_AsksForTheFirstPage_RankedBestFirst_Once()
    {
        var scope = new RankingRequest(Guid.NewGuid(), TargetKind.Region);

        var grid = await RenderGridAsync(scope);

        Assert.Single(_requests);
        Assert.Equal(scope with { PageSize = 20 }, _requests[0]);
        Assert.Equal("地区1", grid.FindAll("[data-testid=ranking-name]")[0].TextContent);
        Assert.Contains("开办企业", grid.Markup);
    }

    [Fact]
    public async Task SortingByAColumn_AsksOnce_BestFirst_AndAgainWhenToggled()
    {
        var grid = await RenderGridAsync(new RankingRequest());

        grid.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Contains("综合得分")).Click();
        await SettleAsync(grid, 2);
        Assert.Equal((RankingSort.Composite, true, 0), (_requests[1].SortBy, _requests[1].Descending, _requests[1].PageIndex));

        grid.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Contains("综合得分")).Click();
        await SettleAsync(grid, 3);
        Assert.Equal((RankingSort.Composite, false), (_requests[2].SortBy, _requests[2].Descending));

        grid.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Contains("政务服务")).Click();
        await SettleAsync(grid, 4);
        Assert.Equal((RankingSort.FirstLevel, "ZW", true), (_requests[3].SortBy, _requests[3].SortIndicator, _requests[3].Descending));
    }

    [Fact]
    public async Task ChangingThePage_AsksForThatPageOnce()
    {
        var grid = await RenderGridAsync(new RankingRequest());

        await grid.InvokeAsync(() => Table(grid).NavigateTo(Page.Next));
        await SettleAsync(grid, 2);
        Assert.Equal((1, 20), (_requests[1].PageIndex, _requests[1].PageSize));
        await grid.WaitForAssertionAsync(() => Assert.Equal("地区21", grid.FindAll("[data-testid=ranking-name]")[0].TextContent));

        await grid.InvokeAsync(() => Table(grid).SetRowsPerPage(50));
        await SettleAsync(grid, 3);
        Assert.Equal((0, 50), (_requests[2].PageIndex, _requests[2].PageSize));
    }

    [Fact]
    public async Task ChangingTheScope_AsksOnceFromTheFirstPage_KeepingTheSort()
    {
        var grid = await RenderGridAsync(new RankingRequest(Guid.NewGuid()));
        grid.FindAll(".mud-table-sort-label").Single(l => l.TextContent.Contains("名称")).Click();
        await SettleAsync(grid, 2);
        await grid.InvokeAsync(() => Table(grid).NavigateTo(Page.Last));
        await SettleAsync(grid, 3);

        var period = Guid.NewGuid();
        grid.Render(p => p.Add(g => g.Scope, new RankingRequest(period, TargetKind.Region)));
        await SettleAsync(grid, 4);
        Assert.Equal((period, 0, RankingSort.Name), (_requests[3].PeriodId, _requests[3].PageIndex, _requests[3].SortBy));

        grid.Render(p => p.Add(g => g.Scope, new RankingRequest(period, TargetKind.Region).WithFilter(Guid.NewGuid().ToString())));
        await SettleAsync(grid, 5);
        Assert.NotNull(_requests[4].ParentRegionId);
    }

    [Fact]
    public async Task RenderingAgainWithTheSameScope_AsksForNothing()
    {
        var period = Guid.NewGuid();
        var grid = await RenderGridAsync(new RankingRequest(period));

        // The page passes a new delegate and an equal scope on every render of its own.
        grid.Render(p => p.Add(g => g.Scope, new RankingRequest(period)).Add(g => g.LoadPage, (r, ct) => LoadAsync(r, ct)).Add(g => g.Title, "新标题"));

        await grid.WaitForAssertionAsync(() => Assert.Contains("新标题", grid.Markup));
        Assert.Single(_requests);
    }

    [Fact]
    public async Task Rows_ShowRankChangeArrows_TheIntervalCompactly_AndTheTopAndBottom()
    {
        var grid = await RenderGridAsync(new RankingRequest());

        var rows = grid.FindAll("tbody tr");
        Assert.Contains("ranking-top", rows[0].ClassName);
        Assert.DoesNotContain("ranking-top", rows[3].ClassName ?? "");
        var changes = grid.FindAll("[data-testid=ranking-change]");
        Assert.Contains("▲1", changes[1].TextContent); // rank 2: change +1
        Assert.NotNull(changes[1].QuerySelector(".value-advanced"));
        Assert.Contains("▼1", changes[2].TextContent); // rank 3: change −1
        Assert.NotNull(changes[2].QuerySelector(".value-warning"));
        var interval = grid.FindAll("[data-testid=ranking-interval]")[2];
        Assert.Equal("第 3 名，区间 2–4", interval.GetAttribute("title"));
        Assert.EndsWith("2–4", interval.TextContent.Trim());
    }

    [Fact]
    public async Task TheLastPage_MarksTheBottomThree()
    {
        var grid = await RenderGridAsync(new RankingRequest());

        await grid.InvokeAsync(() => Table(grid).NavigateTo(Page.Last));
        await grid.WaitForAssertionAsync(() => Assert.Equal("地区41", grid.FindAll("[data-testid=ranking-name]")[0].TextContent));

        var rows = grid.FindAll("tbody tr");
        Assert.Equal(3, rows.Count(r => (r.ClassName ?? "").Contains("ranking-bottom")));
    }
}
