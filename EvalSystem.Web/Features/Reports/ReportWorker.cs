using EvalSystem.Domain.Common;
using EvalSystem.Domain.Reports;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports;

/// <summary>
/// Generates queued reports in the background, never on a circuit: reads job ids from <see cref="ReportQueue"/> and runs at most
/// <see cref="ReportOptions.MaxConcurrentGenerations"/> generations at once (a semaphore; the rest stay 排队中). Each generation has
/// its own scope and database context. On start-up, jobs left running by a stopped server are marked failed and queued jobs
/// are queued again.
/// </summary>
public sealed class ReportWorker(
    IServiceScopeFactory scopes,
    ReportQueue queue,
    ReportCatalog catalog,
    ReportFileStore store,
    ReportOptions options,
    TimeProvider clock,
    ILogger<ReportWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentGenerations, options.MaxConcurrentGenerations);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        var running = new List<Task>();
        try
        {
            await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await _slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await GenerateAsync(jobId, stoppingToken);
                    }
                    finally
                    {
                        _slots.Release();
                        queue.NotifyFinished(jobId);
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; running generations see the same token.
        }

        await Task.WhenAll(running);
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EvalDbContext>>().CreateDbContextAsync(ct);
            var unfinished = await db.ReportJobs.Where(j => j.Status == ReportJobStatus.Queued || j.Status == ReportJobStatus.Running)
                .OrderBy(j => j.RequestedAtUtc).ToListAsync(ct);
            foreach (var job in unfinished.Where(j => j.Status == ReportJobStatus.Running))
                job.Fail("服务器在生成期间重启，任务已中断，请重新生成。", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            foreach (var job in unfinished.Where(j => j.Status == ReportJobStatus.Queued))
                queue.Enqueue(job.Id);
        }
#pragma warning disable CA1031 // A database that is not there yet must not stop the host; new requests still work.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not recover unfinished report jobs.");
        }
    }

    private async Task GenerateAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<EvalDbContext>>();
        ReportJob? job;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            job = await db.ReportJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null || job.Status != ReportJobStatus.Queued)
                return;
            job.Start(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        queue.NotifyChanged(jobId);

        string? failure;
        try
        {
            var kind = catalog.Find(job.Kind) ?? throw new DomainException($"报表类型「{job.Kind}」已不再提供。");
            await using var data = await factory.CreateDbContextAsync(ct);
            data.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            // The cover sheets say who generated the file as people know them (评估办 王主任), not by login name.
            var requester = (await UserDisplayNames.ForAsync(data, [job.RequestedByName], ct))(job.RequestedByName);
            var context = new ReportContext(data, ReportParameters.FromJson(job.ParametersJson), clock.GetUtcNow(), requester,
                new JobProgress(this, factory, jobId));
            var fileName = "";
            var stored = await store.SaveAsync(jobId, async (stream, token) => fileName = await kind.Generate(context, stream, token), ct);
            await UpdateAsync(factory, jobId, j => j.Complete(fileName, stored.SizeBytes, stored.Sha256, clock.GetUtcNow().UtcDateTime), ct);
            return;
        }
        catch (DomainException ex)
        {
            failure = ex.Message;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            failure = "服务器正在停止，任务已中断，请重新生成。";
        }
#pragma warning disable CA1031 // A failed generation is reported on the job; the worker goes on with the next.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Report job {JobId} ({Kind}) failed.", jobId, job.Kind);
            failure = "生成失败：服务器内部错误。请稍后重新生成；如仍失败，请联系系统管理员。";
        }

        await UpdateAsync(factory, jobId, j => j.Fail(failure, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
    }

    private static async Task UpdateAsync(IDbContextFactory<EvalDbContext> factory, Guid jobId, Action<ReportJob> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.ReportJobs.SingleAsync(j => j.Id == jobId, ct);
        change(job);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stores a generator's progress on the job (a few steps per report, each one small write).</summary>
    private sealed class JobProgress(ReportWorker worker, IDbContextFactory<EvalDbContext> factory, Guid jobId) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value)
        {
            using var db = factory.CreateDbContext();
            var job = db.ReportJobs.Single(j => j.Id == jobId);
            if (job.Status != ReportJobStatus.Running)
                return;
            job.Report(value.Percent, value.Message);
            db.SaveChanges();
            worker.NotifyProgress(jobId);
        }
    }

    private void NotifyProgress(Guid jobId) => queue.NotifyChanged(jobId);

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
