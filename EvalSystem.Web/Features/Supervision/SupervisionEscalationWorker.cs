using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Features.Supervision;

/// <summary>
/// 逾期督办 in the background: once at start and then every <see cref="SupervisionOptions.EscalationCheckMinutes"/>, raises the
/// escalation level of overdue tasks and tells the office. A stored level (not one derived on read) is what the history,
/// the register and the notifications need: an escalation happened on a date, and stays on record after an extension.
/// </summary>
public sealed class SupervisionEscalationWorker(IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, ILogger<SupervisionEscalationWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.EscalationCheckMinutes;
        if (minutes <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var raised = await scope.ServiceProvider.GetRequiredService<SupervisionService>().EscalateOverdueUncheckedAsync(stoppingToken);
                if (raised > 0)
                    log.LogInformation("督办升级 {Count} 项 / escalated {Count} supervision tasks", raised, raised);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a failed check must not stop the host.
                log.LogWarning(ex, "督办检查失败 / the escalation check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
