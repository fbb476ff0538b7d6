using System.Collections.Concurrent;
using System.Threading.Channels;

namespace EvalSystem.Web.Features.Reports;

/// <summary>
/// The hand-over between a request (on a circuit or an HTTP request) and the background worker: job ids in a channel. Whoever
/// wants to know when a job is done (a test, a page) can await <see cref="WhenFinishedAsync"/> or listen to <see cref="Changed"/>.
/// </summary>
public sealed class ReportQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _finished = new();

    public ChannelReader<Guid> Reader => _channel.Reader;

    /// <summary>Raised (on the worker's thread) when a job starts, progresses or ends.</summary>
    public event Action<Guid>? Changed;

    public void Enqueue(Guid jobId)
    {
        _finished.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(jobId))
            throw new InvalidOperationException("The report queue is closed.");
    }

    /// <summary>Completes when the job has completed or failed.</summary>
    public Task WhenFinishedAsync(Guid jobId) =>
        _finished.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    internal void NotifyChanged(Guid jobId) => Changed?.Invoke(jobId);

    internal void NotifyFinished(Guid jobId)
    {
        _finished.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        // Finished signals are kept for late listeners, but not for ever.
        if (_finished.Count > MaxKeptSignals)
        {
            foreach (var (id, signal) in _finished)
            {
                if (signal.Task.IsCompleted && id != jobId)
                    _finished.TryRemove(id, out _);
            }
        }
        NotifyChanged(jobId);
    }

    private const int MaxKeptSignals = 1000;
}
