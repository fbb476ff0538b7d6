using EvalSystem.Domain.Reports;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports;

/// <summary>What one retention pass removed.</summary>
public sealed record RetentionOutcome(int ExpiredJobs, int LeftoverFiles);

/// <summary>
/// 报表保留期限: removes the files of reports completed more than <see cref="ReportOptions.RetentionDays"/> days ago and marks their
/// jobs 已清理; the job rows stay (who asked, when, the parameters, size and SHA-256). Also removes files no completed job
/// points at — a half-written file of a stopped server after a day, a file whose job was expired or deleted after the
/// retention period. Background work, no user: the audit trail records the job changes as "system".
/// </summary>
public sealed class ReportRetention(IDbContextFactory<EvalDbContext> dbFactory, ReportFileStore store, ReportOptions options, TimeProvider clock)
{
    /// <summary>Jobs expired per save, so a first pass over years of history stays a series of small writes.</summary>
    private const int Batch = 500;

    public async Task<RetentionOutcome> PurgeAsync(CancellationToken ct)
    {
        if (options.RetentionDays == 0)
            return new(0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.RetentionDays);
        var expired = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var jobs = await db.ReportJobs.Where(j => j.Status == ReportJobStatus.Completed && j.FinishedAtUtc < cutoff)
                .OrderBy(j => j.FinishedAtUtc).Take(Batch).ToListAsync(ct);
            if (jobs.Count == 0)
                break;
            foreach (var job in jobs)
                job.Expire(now);
            // Recorded first: a file that cannot be removed now is a leftover the next pass removes.
            await db.SaveChangesAsync(ct);
            foreach (var job in jobs)
                TryDelete(() => store.Delete(job.Id));
            expired += jobs.Count;
        }

        return new(expired, await RemoveLeftoversAsync(now, cutoff, ct));
    }

    private async Task<int> RemoveLeftoversAsync(DateTime now, DateTime cutoff, CancellationToken ct)
    {
        var removed = 0;
        var temporary = store.FilesOlderThan(now.AddDays(-1)).Where(f => f.JobId is null).ToList();
        var old = store.FilesOlderThan(cutoff).Where(f => f.JobId is not null).ToList();
        foreach (var (_, path) in temporary)
            removed += TryDelete(() => Remove(path)) ? 1 : 0;
        if (old.Count == 0)
            return removed;

        var ids = old.Select(f => f.JobId!.Value).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kept = (await db.ReportJobs.AsNoTracking().Where(j => ids.Contains(j.Id) && j.Status == ReportJobStatus.Completed)
            .Select(j => j.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (id, path) in old.Where(f => !kept.Contains(f.JobId!.Value)))
            removed += TryDelete(() => Remove(path)) ? 1 : 0;
        return removed;
    }

    private static bool Remove(string path)
    {
        File.Delete(path);
        return true;
    }

    private static bool TryDelete(Func<bool> delete)
    {
        try
        {
            return delete();
        }
        catch (IOException)
        {
            return false; // in use (a download is reading it): the next pass tries again
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>Runs <see cref="ReportRetention"/> at start-up and then every hour.</summary>
public sealed class ReportRetentionWorker(IServiceScopeFactory scopes, ILogger<ReportRetentionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ReportRetention>().PurgeAsync(stoppingToken);
                if (outcome.ExpiredJobs + outcome.LeftoverFiles > 0)
                    log.LogInformation("报表清理：{Jobs} 个过期报表，{Files} 个遗留文件 / removed {Jobs} expired reports and {Files} leftover files",
                        outcome.ExpiredJobs, outcome.LeftoverFiles, outcome.ExpiredJobs, outcome.LeftoverFiles);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a failed clean-up must not stop the host.
                log.LogWarning(ex, "报表清理失败 / the report retention pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
