using System.Collections.Concurrent;
using EvalSystem.Domain.Reports;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Reports;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Reports;

/// <summary>
/// A report kind whose generations wait until the test lets each one go: shows how many run at once without any clock.
/// </summary>
public sealed class GatedReports
{
    public const string Key = "test-gate";
    private readonly ConcurrentQueue<TaskCompletionSource> _gates = new();
    private int _running;
    private int _most;

    public SemaphoreSlim Started { get; } = new(0);

    public int MostAtOnce => Volatile.Read(ref _most);

    public ReportKind Kind => new(Key, "测试报表", "测试用", ReportInputs.None, [Roles.Auditor], GenerateAsync);

    /// <summary>Lets the oldest waiting generation finish.</summary>
    public void ReleaseOne()
    {
        Assert.True(_gates.TryDequeue(out var gate), "a generation should be waiting");
        gate.SetResult();
    }

    private async Task<string> GenerateAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var now = Interlocked.Increment(ref _running);
        int most;
        while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gates.Enqueue(gate);
        Started.Release();
        await gate.Task.WaitAsync(ct);
        Interlocked.Decrement(ref _running);
        await output.WriteAsync("gated"u8.ToArray(), ct);
        return "测试.xlsx";
    }
}

public sealed class GatedReportFixture : IAsyncLifetime
{
    public GatedReports Gate { get; } = new();

    public AppFixture App { get; }

    public GatedReportFixture() => App = new AppFixture(services => services.AddSingleton(Gate.Kind));

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

public sealed class ReportQueueTests(GatedReportFixture fixture) : IClassFixture<GatedReportFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private async Task<ReportJobStatus> StatusAsync(Guid jobId)
    {
        await using var scope = fixture.App.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().ReportJobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync();
    }

    [Fact]
    public async Task AtMostTwoReportsAreGeneratedAtOnce_TheThirdWaitsQueued()
    {
        var gate = fixture.Gate;
        var queue = fixture.App.Factory.Services.GetRequiredService<ReportQueue>();
        await using var scope = await fixture.App.ScopeAsAccountAsync("auditor");
        var service = scope.ServiceProvider.GetRequiredService<ReportCenterService>();

        var jobs = new List<Guid>();
        for (var i = 0; i < 3; i++)
            jobs.Add(await service.RequestAsync(GatedReports.Key, new ReportParameters()));
        Assert.True(await gate.Started.WaitAsync(Patience));
        Assert.True(await gate.Started.WaitAsync(Patience));

        // Both slots are held by waiting generations: the third job cannot have started.
        Assert.Equal(ReportJobStatus.Running, await StatusAsync(jobs[0]));
        Assert.Equal(ReportJobStatus.Running, await StatusAsync(jobs[1]));
        Assert.Equal(ReportJobStatus.Queued, await StatusAsync(jobs[2]));
        Assert.Equal(0, gate.Started.CurrentCount);

        gate.ReleaseOne();
        Assert.True(await gate.Started.WaitAsync(Patience));
        Assert.Equal(ReportJobStatus.Running, await StatusAsync(jobs[2]));
        gate.ReleaseOne();
        gate.ReleaseOne();
        await Task.WhenAll(jobs.Select(queue.WhenFinishedAsync)).WaitAsync(Patience);

        Assert.Equal(2, gate.MostAtOnce);
        foreach (var job in jobs)
            Assert.Equal(ReportJobStatus.Completed, await StatusAsync(job));
        var history = await service.HistoryAsync();
        Assert.All(history.Where(h => jobs.Contains(h.Id)), h => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("gated"u8.ToArray())), h.Sha256));
    }
}
