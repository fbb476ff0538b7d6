using Bunit;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Components.Pages.Review;
using EvalSystem.Web.Components.Pages.Submissions;
using EvalSystem.Web.Features.Submissions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The department's entry form and the office's review dialog, rendered inside a real MudDialogProvider.</summary>
public sealed class SubmissionDialogTests : MudTestContext
{
    private static readonly MyItem Returned = new(Guid.NewGuid(), "2026年第四季度", DateTime.UtcNow.AddDays(10), Guid.NewGuid(), "KB-1", "开办企业环节", "个",
        Guid.NewGuid(), "中心区", Guid.NewGuid(), SubmissionStatus.Returned, 4, "旧说明", 5, "环节数与登记系统不一致");

    private static readonly ReviewItem Submitted = new(Guid.NewGuid(), "2026年第四季度", "市场监督管理局", "KB-1", "开办企业环节", "个", "中心区",
        Value: 9, PreviousValue: 4, PeerMedian: 4.5, Note: "按登记系统统计", Version: 2, SubmittedAtUtc: DateTime.UtcNow, Status: SubmissionStatus.Submitted);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var provider = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await service.ShowAsync<TDialog>("对话框", parameters));
        return (provider, dialog!);
    }

    [Fact]
    public async Task EntryForm_ShowsTheReturnCommentAndLastPeriod_AndRequiresAValue()
    {
        var saved = new List<(double, string?)>();
        var (provider, dialog) = await ShowAsync(new DialogParameters<ValueDialog>
        {
            { x => x.Item, Returned with { Value = null } },
            { x => x.Save, (v, n) => { saved.Add((v, n)); return Task.FromResult<string?>(null); } },
        });

        Assert.Contains("退回意见：环节数与登记系统不一致", provider.Markup);
        Assert.Contains("上期值：5", provider.Markup);
        Assert.Contains("本期值（个）", provider.Markup);
        provider.Find("[data-testid=save-draft]").Click();
        Assert.Contains("请填写本期值", provider.Find("[data-testid=dialog-error]").TextContent);
        Assert.Empty(saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task EntryForm_ARefusedSave_StaysOpenWithTheReason_AndASuccessfulOneCloses()
    {
        var answer = "「开办企业环节」的填报值不能为负数（收到-1）。";
        var saved = new List<(double Value, string? Note)>();
        var (provider, dialog) = await ShowAsync(new DialogParameters<ValueDialog>
        {
            { x => x.Item, Returned },
            { x => x.Save, (v, n) => { saved.Add((v, n)); return Task.FromResult<string?>(v < 0 ? answer : null); } },
        });

        provider.Find("input[data-testid=value], [data-testid=value] input").Change("-1");
        provider.Find("[data-testid=save-draft]").Click();
        await provider.WaitForAssertionAsync(() => Assert.Contains(answer, provider.Find("[data-testid=dialog-error]").TextContent));
        Assert.False(dialog.Result.IsCompleted);

        provider.Find("input[data-testid=value], [data-testid=value] input").Change("3");
        provider.Find("[data-testid=save-draft]").Click();
        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal([(-1d, "旧说明"), (3d, "旧说明")], saved);
    }

    [Fact]
    public async Task ReviewDialog_ShowsValueAgainstLastPeriodAndPeers_AndWarnsWithoutEvidence()
    {
        var (provider, _) = await ShowAsync(new DialogParameters<ReviewDialog>
        {
            { x => x.Item, Submitted },
            { x => x.Approve, () => Task.FromResult<string?>(null) },
            { x => x.Return, _ => Task.FromResult<string?>(null) },
        });

        var summary = provider.Find("[data-testid=review-summary]").TextContent;
        Assert.Contains("4.5", summary);
        Assert.Contains("按登记系统统计", summary);
        Assert.Equal("9", provider.Find("[data-testid=review-value]").TextContent);
        var change = provider.Find("[data-testid=review-change]");
        Assert.Contains("+125%", change.TextContent); // 9 against 4
        Assert.Contains("value-warning", change.ClassName);
        Assert.Contains("未上传佐证材料", provider.Find("[data-testid=review-no-evidence]").TextContent);
    }

    [Fact]
    public async Task ReviewDialog_ReturnWithoutAComment_IsRefusedInPlace_AndWithOneReturnsIt()
    {
        var returned = new List<string>();
        var evidence = new EvidenceItem(Guid.NewGuid(), "登记系统导出.pdf", "application/pdf", 1234, new string('a', 64), 2, "dept-amr", DateTime.UtcNow, false);
        var (provider, dialog) = await ShowAsync(new DialogParameters<ReviewDialog>
        {
            { x => x.Item, Submitted },
            { x => x.Evidence, [evidence] },
            { x => x.Approve, () => Task.FromResult<string?>("不应调用") },
            { x => x.Return, c => { returned.Add(c); return Task.FromResult<string?>(null); } },
        });
        Assert.Contains($"/files/evidence/{evidence.Id}?inline=true", provider.Find("[data-testid=review-evidence]").InnerHtml);

        provider.Find("[data-testid=review-return]").Click();
        Assert.Contains("退回必须填写审核意见", provider.Find("[data-testid=review-error]").TextContent);
        Assert.Empty(returned);

        provider.Find("textarea[data-testid=review-comment], [data-testid=review-comment] textarea").Change("  请核实环节数  ");
        provider.Find("[data-testid=review-return]").Click();
        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ReviewDialog.Returned, result!.Data);
        Assert.Equal(["请核实环节数"], returned);
    }

    [Fact]
    public async Task ReviewDialog_ARefusedApproval_StaysOpenWithTheReason()
    {
        var (provider, dialog) = await ShowAsync(new DialogParameters<ReviewDialog>
        {
            { x => x.Item, Submitted },
            { x => x.Approve, () => Task.FromResult<string?>("这条填报已被同事退回，不能再审核通过。") },
            { x => x.Return, _ => Task.FromResult<string?>(null) },
        });

        provider.Find("[data-testid=review-approve]").Click();

        await provider.WaitForAssertionAsync(() => Assert.Contains("已被同事退回", provider.Find("[data-testid=review-error]").TextContent));
        Assert.False(dialog.Result.IsCompleted);
    }
}
