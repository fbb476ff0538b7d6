using System.Text;
using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Ratings;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.CaseData;

public sealed class RectificationServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> BadReviewAsync(string ratingId)
    {
        await using (var office = await app.ScopeAsAccountAsync("office"))
        {
            var file = new MemoryStream(Encoding.UTF8.GetBytes("评价编号,办件编号,部门编码,区划代码,评价渠道,评价时间,评价等级,评价项,评价内容\n" +
                $"{ratingId},,GSA,990108,窗口,2026-11-02 10:00,非常不满意,服务态度,态度生硬\n"));
            var outcome = await office.ServiceProvider.GetRequiredService<CaseImportService>().ImportRatingsAsync(file, "差评.csv", dryRun: false);
            Assert.True(outcome.Succeeded, string.Join("；", outcome.Errors.Select(e => e.Message)));
        }
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().RectificationItems.Where(i => i.RatingId == ratingId).Select(i => i.Id).SingleAsync();
    }

    [Fact]
    public async Task TheResponsibleDepartment_CallsBack_Rectifies_AndCloses()
    {
        var id = await BadReviewAsync("RF-001");
        await using var gsa = await app.ScopeAsAccountAsync("dept-gsa");
        var service = gsa.ServiceProvider.GetRequiredService<RectificationService>();
        var listed = Assert.Single(await service.ListAsync(), i => i.Id == id);
        Assert.Equal(("态度生硬", RectificationStatus.Open), (listed.Comment, listed.Status));

        var early = await Assert.ThrowsAsync<DomainException>(() => service.CloseAsync(id));
        Assert.Contains("已整改", early.Message);
        await service.CallBackAsync(id, "已电话联系评价人，致歉并说明改进措施");
        await service.RectifyAsync(id, "窗口人员服务规范培训");
        await service.CloseAsync(id);

        var closed = (await service.ListAsync()).Single(i => i.Id == id);
        Assert.Equal(RectificationStatus.Closed, closed.Status);
        Assert.Equal("窗口人员服务规范培训", closed.RectificationDescription);
        Assert.DoesNotContain(await service.ListAsync(openOnly: true), i => i.Id == id);
    }

    [Fact]
    public async Task AnotherDepartment_NeitherSeesNorHandlesIt_AndTheAttemptIsAudited()
    {
        var id = await BadReviewAsync("RF-002");
        await using var amr = await app.ScopeAsAccountAsync("dept-amr");
        var service = amr.ServiceProvider.GetRequiredService<RectificationService>();

        Assert.DoesNotContain(await service.ListAsync(), i => i.Id == id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CallBackAsync(id, "冒充回访"));

        var db = amr.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == id.ToString()));
        Assert.Equal(RectificationStatus.Open, (await db.RectificationItems.SingleAsync(i => i.Id == id)).Status);

        await using var leader = await app.ScopeAsAccountAsync("leader");
        Assert.Contains(await leader.ServiceProvider.GetRequiredService<RectificationService>().ListAsync(), i => i.Id == id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => leader.ServiceProvider.GetRequiredService<RectificationService>().CloseAsync(id));
    }
}
