using System.Diagnostics;

namespace NetGen.Compare;

/// <summary>Runs a probe's kernel on several threads released together, for the machine's peaks (FMA, L2 bandwidth).</summary>
public static class ProbeThreads
{
    /// <summary>
    /// Starts <paramref name="threads"/> threads, each running <paramref name="prepare"/> (untimed: compiling the kernel,
    /// filling its own buffer) and then, released together, <paramref name="measure"/>; returns the wall time from the
    /// release to the last finish.
    /// </summary>
    public static double Run(int threads, Func<Action> prepare)
    {
        using var barrier = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                Action measure = prepare();
                barrier.SignalAndWait();
                measure();
            });
            workers[t].Start();
        }
        barrier.SignalAndWait();
        long begin = Stopwatch.GetTimestamp();
        foreach (Thread worker in workers)
        {
            worker.Join();
        }
        return Stopwatch.GetElapsedTime(begin).TotalSeconds;
    }
}
