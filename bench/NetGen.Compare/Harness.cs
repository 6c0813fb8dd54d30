using System.Diagnostics;

namespace NetGen.Compare;

/// <summary>One implementation of a case, as the harness times it.</summary>
public sealed class Contender
{
    /// <summary>"NetGen", "TensorPrimitives" or "TorchSharp".</summary>
    public required string Name { get; init; }

    /// <summary>The threads it computes on.</summary>
    public required int Threads { get; init; }

    /// <summary>Runs before each warm-up chunk, sample and allocation count, untimed (sets thread counts, restores the initial parameters).</summary>
    public Action Prepare { get; init; } = () => { };

    /// <summary>Runs k iterations.</summary>
    public required Action<int> Run { get; init; }

    public string Label => $"{Name} ({Threads} thread{(Threads == 1 ? "" : "s")})";
}

/// <summary>Time per iteration of one contender: the median, min and max over the samples.</summary>
/// <summary>One implementation's timing, with the cores' round trip just before and just after its samples were taken.</summary>
public sealed record Measurement(
    string Name, int Threads, double MedianMicroseconds, double MinMicroseconds, double MaxMicroseconds, int Samples,
    int IterationsPerSample, double AllocatedBytesPerIteration, CoreRoundTrip? CoreRoundTrip = null);

/// <summary>The core-to-core round trip of a cache line (<see cref="CoreLatencyProbe"/>) before and after a block of samples.</summary>
public sealed record CoreRoundTrip(double BeforeNanoseconds, double AfterNanoseconds);

public sealed record HarnessOptions(int WarmupIterations, double WarmupMilliseconds, int Samples, double SampleMilliseconds);

public static class Harness
{
    /// <summary>
    /// Warms every contender up (at least <see cref="HarnessOptions.WarmupIterations"/> iterations and
    /// <see cref="HarnessOptions.WarmupMilliseconds"/>, so that the JIT's tiering has finished), picks k so that a sample lasts
    /// about <see cref="HarnessOptions.SampleMilliseconds"/>, then takes the samples in rounds, one sample of each contender per
    /// round, starting with a different contender each round, so that a slow period of the machine hits all of them.
    /// </summary>
    public static List<Measurement> Measure(IReadOnlyList<Contender> contenders, HarnessOptions options)
    {
        var k = new int[contenders.Count];
        for (int c = 0; c < contenders.Count; c++)
        {
            k[c] = WarmUp(contenders[c], options);
        }

        var times = new List<double>[contenders.Count];
        for (int c = 0; c < contenders.Count; c++)
        {
            times[c] = [];
        }
        for (int round = 0; round < options.Samples; round++)
        {
            for (int i = 0; i < contenders.Count; i++)
            {
                int c = (round + i) % contenders.Count;
                Contender contender = contenders[c];
                contender.Prepare();
                long start = Stopwatch.GetTimestamp();
                contender.Run(k[c]);
                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                times[c].Add(seconds * 1e6 / k[c]);
            }
        }

        var measurements = new List<Measurement>();
        for (int c = 0; c < contenders.Count; c++)
        {
            Contender contender = contenders[c];
            contender.Prepare();
            contender.Run(1);
            long before = GC.GetAllocatedBytesForCurrentThread();
            contender.Run(k[c]);
            double allocated = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / k[c];
            List<double> sorted = [.. times[c].Order()];
            measurements.Add(new Measurement(
                contender.Name, contender.Threads, Median(sorted), sorted[0], sorted[^1], sorted.Count, k[c], allocated));
        }
        return measurements;
    }

    private static int WarmUp(Contender contender, HarnessOptions options)
    {
        int iterations = 0;
        int chunk = 1;
        long start = Stopwatch.GetTimestamp();
        double lastPerIteration = double.NaN;
        while (iterations < options.WarmupIterations || Stopwatch.GetElapsedTime(start).TotalMilliseconds < options.WarmupMilliseconds)
        {
            contender.Prepare();
            long chunkStart = Stopwatch.GetTimestamp();
            contender.Run(chunk);
            double chunkSeconds = Stopwatch.GetElapsedTime(chunkStart).TotalSeconds;
            lastPerIteration = chunkSeconds / chunk;
            iterations += chunk;
            // Chunks of about 20 ms, so that the last one estimates the warmed-up time per iteration.
            chunk = Math.Clamp((int)(0.020 / Math.Max(lastPerIteration, 1e-9)), 1, 100_000);
        }
        return Math.Clamp((int)Math.Round(options.SampleMilliseconds / 1000 / lastPerIteration), 1, 1_000_000);
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
