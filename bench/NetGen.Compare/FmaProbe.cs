using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Compare;

/// <summary>The probe's result: GFLOP/s of one thread alone and of <see cref="Threads"/> threads together.</summary>
public sealed record PeakResult(
    string Vector, int Lanes, int Chains, int Threads, double MedianGflops, double BestGflops, int Repetitions);

/// <summary>
/// The machine's FP32 FMA peak, measured: twelve independent accumulator chains of <c>FusedMultiplyAdd</c> in a tight
/// loop (enough to cover the FMA latency times the number of FMA pipes), no memory traffic. <c>a = a·m + c</c> with
/// m just under 1 keeps every value normal (no denormals, no overflow).
/// </summary>
public static class FmaProbe
{
    public const int Chains = 12;

    public static PeakResult Measure(bool use512, int threads, double secondsPerRepetition = 0.25, int repetitions = 7)
    {
        int lanes = use512 ? Vector512<float>.Count : Vector256<float>.Count;
        double flopsPerIteration = 2.0 * lanes * Chains;
        // Calibrate the iterations of one repetition on one thread.
        long iterations = 1_000_000;
        double seconds = RunOnThreads(use512, 1, iterations);
        seconds = RunOnThreads(use512, 1, iterations);
        iterations = Math.Max(1_000_000, (long)(iterations * secondsPerRepetition / seconds));

        var gflops = new List<double>();
        for (int r = 0; r < repetitions; r++)
        {
            double wall = RunOnThreads(use512, threads, iterations);
            gflops.Add(threads * iterations * flopsPerIteration / wall / 1e9);
        }
        gflops.Sort();
        return new PeakResult(use512 ? "Vector512" : "Vector256", lanes, Chains, threads, Harness.Median(gflops), gflops[^1], repetitions);
    }

    /// <summary>Runs the kernel on <paramref name="threads"/> threads at once; returns the wall time from release to the last finish.</summary>
    private static double RunOnThreads(bool use512, int threads, long iterations)
    {
        if (threads == 1)
        {
            long start = Stopwatch.GetTimestamp();
            Sink(use512 ? Kernel512(iterations) : Kernel256(iterations));
            return Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return ProbeThreads.Run(threads, () =>
        {
            Sink(use512 ? Kernel512(1000) : Kernel256(1000)); // compiled before the release
            return () => Sink(use512 ? Kernel512(iterations) : Kernel256(iterations));
        });
    }

    private static float s_sink;

    private static void Sink(float value) => s_sink += value;

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Kernel512(long iterations)
    {
        Vector512<float> m = Vector512.Create(0.9999999f);
        Vector512<float> c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(1.00f), a1 = Vector512.Create(1.01f), a2 = Vector512.Create(1.02f);
        Vector512<float> a3 = Vector512.Create(1.03f), a4 = Vector512.Create(1.04f), a5 = Vector512.Create(1.05f);
        Vector512<float> a6 = Vector512.Create(1.06f), a7 = Vector512.Create(1.07f), a8 = Vector512.Create(1.08f);
        Vector512<float> a9 = Vector512.Create(1.09f), a10 = Vector512.Create(1.10f), a11 = Vector512.Create(1.11f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
        }
        return Vector512.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Kernel256(long iterations)
    {
        Vector256<float> m = Vector256.Create(0.9999999f);
        Vector256<float> c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(1.00f), a1 = Vector256.Create(1.01f), a2 = Vector256.Create(1.02f);
        Vector256<float> a3 = Vector256.Create(1.03f), a4 = Vector256.Create(1.04f), a5 = Vector256.Create(1.05f);
        Vector256<float> a6 = Vector256.Create(1.06f), a7 = Vector256.Create(1.07f), a8 = Vector256.Create(1.08f);
        Vector256<float> a9 = Vector256.Create(1.09f), a10 = Vector256.Create(1.10f), a11 = Vector256.Create(1.11f);
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c);
            a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c);
            a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c);
            a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c);
            a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c);
            a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c);
            a11 = Vector256.FusedMultiplyAdd(a11, m, c);
        }
        return Vector256.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)));
    }
}
