using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Reports;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Reports;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Reports;

/// <summary>报表保留期限 (90 days by default) on a real file store: old files go, their jobs stay as 已清理, recent files stay.</summary>
public sealed class ReportRetentionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly UserRef Auditor = new("seed-auditor", "auditor");

    /// <summary>A job completed <paramref name="daysAgo"/> days ago with a stored file written then.</summary>
    private async Task<Guid> CompletedAsync(int daysAgo)
    {
        var at = DateTime.UtcNow.AddDays(-daysAgo);
        var job = new ReportJob("ranking-bulletin", "排名通报", "{}", "测试", Auditor, null, at);
        job.Start(at);
        var store = app.Factory.Services.GetRequiredService<ReportFileStore>();
        var stored = await store.SaveAsync(job.Id, (s, ct) => s.WriteAsync("report"u8.ToArray(), ct).AsTask(), CancellationToken.None);
        File.SetLastWriteTimeUtc(Path.Combine(store.FolderPath, job.Id.ToString("N") + ".xlsx"), at);
        job.Complete("排名通报.xlsx", stored.SizeBytes, stored.Sha256, at);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        db.ReportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private string FileOf(Guid jobId) =>
        Path.Combine(app.Factory.Services.GetRequiredService<ReportFileStore>().FolderPath, jobId.ToString("N") + ".xlsx");

    private async Task<ReportJob> JobAsync(Guid jobId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().ReportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    private async Task PurgeAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReportRetention>().PurgeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FilesPastTheRetentionPeriod_AreRemoved_AndTheirJobsStayAsCleaned()
    {
        var old = await CompletedAsync(daysAgo: 120);
        var recent = await CompletedAsync(daysAgo: 10);

        await PurgeAsync();

        var expired = await JobAsync(old);
        Assert.Equal(ReportJobStatus.Expired, expired.Status);
        Assert.NotNull(expired.ExpiredAtUtc);
        Assert.Equal(64, expired.Sha256!.Length); // the record of what was delivered stays
        Assert.False(File.Exists(FileOf(old)));
        Assert.Equal(ReportJobStatus.Completed, (await JobAsync(recent)).Status);
        Assert.True(File.Exists(FileOf(recent)));

        await using var scope = await app.ScopeAsAccountAsync("auditor");
        var ex = await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<ReportCenterService>().OpenAsync(old));
        Assert.Contains("超过保留期限（90天）被清理，请重新生成", ex.Message);
        var row = (await scope.ServiceProvider.GetRequiredService<ReportCenterService>().HistoryAsync()).Single(r => r.Id == old);
        Assert.Equal("已清理", row.StatusText);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReportJob) && a.EntityKey == old.ToString()
            && a.Action == AuditActions.Update && a.UserName == "system"));
    }

    [Fact]
    public async Task LeftoverFiles_AreRemoved_ButNotAFileBeingWrittenNow()
    {
        var store = app.Factory.Services.GetRequiredService<ReportFileStore>();
        var orphan = Path.Combine(store.FolderPath, Guid.NewGuid().ToString("N") + ".xlsx");
        var staleTemp = Path.Combine(store.FolderPath, ".writing-" + Guid.NewGuid().ToString("N"));
        var freshTemp = Path.Combine(store.FolderPath, ".writing-" + Guid.NewGuid().ToString("N"));
        foreach (var path in new[] { orphan, staleTemp, freshTemp })
            await File.WriteAllTextAsync(path, "x");
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddDays(-100));
        File.SetLastWriteTimeUtc(staleTemp, DateTime.UtcNow.AddDays(-2));

        await PurgeAsync();

        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(staleTemp));
        Assert.True(File.Exists(freshTemp));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3651)]
    public void ARetentionOutsideItsRange_StopsStartUpWithAMessage(int days)
    {
        var ex = Assert.Throws<StartupException>(() => new ReportFileStore(new ReportOptions { RetentionDays = days }, Path.GetTempPath()));
        Assert.Contains("Reports:RetentionDays 必须在 0 到 3650 之间", ex.Message);
    }
}
