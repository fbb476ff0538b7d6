using System.Runtime.CompilerServices;

namespace EvalSystem.Web.Tests;

/// <summary>
/// The component tests run in parallel with SQLite-backed integration tests on small CI machines (two cores).
/// With the default minimum of one worker per core, a burst of blocking database work can starve the thread pool
/// so that bUnit's dispatcher never gets to check a wait condition before its timeout. Starting with more workers
/// removes that source of flakiness without lengthening any timeout.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinimumThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Math.Max(16, Environment.ProcessorCount * 4)), completionPorts);
    }
}
