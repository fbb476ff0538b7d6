using EvalSystem.Domain.Common;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Features.Scoring;

/// <summary>计算得分 / 发布 / 复核: the evaluation office's use cases around score runs.</summary>
public sealed class ScoreRunService(ScoreRunner runner, AccessGuard access)
{
    public async Task<ScoreRun> ComputeAsync(Guid periodId, IProgress<ScoreRunProgress>? progress = null, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ManagePeriods, ct);
        // CPU-bound for large cities: keep it off the circuit's synchronisation context.
        return await Task.Run(() => runner.ComputeAsync(periodId, user.ToUserRef(), progress, ct), ct);
    }

    /// <summary>Publishes the newest run; submissions still waiting for review require <paramref name="overrideReason"/>.</summary>
    public async Task PublishAsync(Guid runId, string? overrideReason = null, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ManagePeriods, ct);
        await runner.PublishAsync(runId, user.ToUserRef(), ct, overrideReason);
    }

    /// <summary>Anyone who may read periods may check that a stored run reproduces from its stored inputs.</summary>
    public async Task<ReproductionReport> VerifyAsync(Guid runId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewPeriods, ct);
        return await runner.VerifyAsync(runId, ct);
    }
}
