using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Compare;

/// <summary>The probe's result: GB/s read from a buffer of <see cref="BufferBytes"/> per thread, <see cref="Threads"/> threads together.</summary>
public sealed record BandwidthResult(int Threads, int BufferBytes, int L1DataBytes, double MedianGBs, double BestGBs, int Repetitions);

/// <summary>
/// The machine's L2 read bandwidth, measured: each thread sums its own 256 KB buffer (the size of the LSTM's recurrent
/// weights: more than L1 holds, well within L2) over and over with 512-bit loads into eight accumulators. It bounds how
/// fast a one-sample recurrent step can be, which must read its recurrent weights from L2 at every step.
/// </summary>
public static class CacheBandwidthProbe
{
    public const int BufferBytes = 256 * 1024;

    public static BandwidthResult Measure(int threads, double secondsPerRepetition = 0.25, int repetitions = 7)
    {
        long passes = 1000;
        double seconds = RunOnThreads(1, passes);
        seconds = RunOnThreads(1, passes);
        passes = Math.Max(1000, (long)(passes * secondsPerRepetition / seconds));
        var rates = new List<double>();
        for (int r = 0; r < repetitions; r++)
        {
            double wall = RunOnThreads(threads, passes);
            rates.Add((double)threads * passes * BufferBytes / wall / 1e9);
        }
        rates.Sort();
        return new BandwidthResult(threads, BufferBytes, L1DataBytes(), Harness.Median(rates), rates[^1], repetitions);
    }

    /// <summary>The first core's L1 data cache (Linux's sysfs), or 32 KB where it cannot be read.</summary>
    private static int L1DataBytes()
    {
        try
        {
            string size = File.ReadAllText("/sys/devices/system/cpu/cpu0/cache/index0/size").Trim();
            return size.EndsWith('K') ? int.Parse(size[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1024 : int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32 * 1024;
        }
    }

    private static double RunOnThreads(int threads, long passes) => ProbeThreads.Run(threads, () =>
    {
        float[] buffer = new float[BufferBytes / sizeof(float)];
        buffer.AsSpan().Fill(1e-3f);
        Sink(Kernel(buffer, 10)); // compiled, and the buffer in this core's cache, before the release
        return () => Sink(Kernel(buffer, passes));
    });

    private static float s_sink;

    private static void Sink(float value) => s_sink += value;

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Kernel(float[] buffer, long passes)
    {
        ref float start = ref MemoryMarshal.GetArrayDataReference(buffer);
        int step = Vector512<float>.Count;
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (long p = 0; p < passes; p++)
        {
            for (int i = 0; i + 8 * step <= buffer.Length; i += 8 * step)
            {
                a0 += Vector512.LoadUnsafe(ref start, (nuint)i);
                a1 += Vector512.LoadUnsafe(ref start, (nuint)(i + step));
                a2 += Vector512.LoadUnsafe(ref start, (nuint)(i + 2 * step));
                a3 += Vector512.LoadUnsafe(ref start, (nuint)(i + 3 * step));
                a4 += Vector512.LoadUnsafe(ref start, (nuint)(i + 4 * step));
                a5 += Vector512.LoadUnsafe(ref start, (nuint)(i + 5 * step));
                a6 += Vector512.LoadUnsafe(ref start, (nuint)(i + 6 * step));
                a7 += Vector512.LoadUnsafe(ref start, (nuint)(i + 7 * step));
            }
        }
        return Vector512.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
    }
}
