using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>What one pass over a span measures: the sum of squares and of magnitudes, the largest magnitude, and how many magnitudes are below a threshold.</summary>
internal readonly record struct MagnitudeStatistics(double SumOfSquares, double SumOfMagnitudes, double MaxMagnitude, long CountBelow)
{
    /// <summary>
    /// Measures <paramref name="values"/> in one vectorized pass (one read of memory instead of one per statistic, as separate
    /// TensorPrimitives calls would need). Sums accumulate in <typeparamref name="T"/> per vector lane. NaN and infinities
    /// propagate into <see cref="SumOfMagnitudes"/>; a NaN is never counted below the threshold.
    /// </summary>
    public static MagnitudeStatistics Measure<T>(ReadOnlySpan<T> values, T threshold) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T squares = T.Zero, magnitudes = T.Zero, max = T.Zero;
        long below = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<T>.Count)
        {
            // 512 bits where the hardware has them (Vector<T> stays 256 bits wide): half the iterations, each one a
            // dependent add per statistic, which is what bounds this loop.
            Vector512<T> squareSums = Vector512<T>.Zero, magnitudeSums = Vector512<T>.Zero, maxima = Vector512<T>.Zero, counts = Vector512<T>.Zero;
            Vector512<T> limit = Vector512.Create(threshold);
            // A lane's count stays exact in T up to 2^24 (float); flush it well before.
            const int flushEvery = 1 << 20;
            int sinceFlush = 0;
            ref T first = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                Vector512<T> vector = Vector512.LoadUnsafe(ref first, (nuint)i);
                Vector512<T> magnitude = Vector512.Abs(vector);
                squareSums += vector * vector;
                magnitudeSums += magnitude;
                maxima = Vector512.Max(maxima, magnitude);
                counts += Vector512.ConditionalSelect(Vector512.LessThan(magnitude, limit), Vector512<T>.One, Vector512<T>.Zero);
                if (++sinceFlush == flushEvery)
                {
                    below += long.CreateTruncating(Vector512.Sum(counts));
                    counts = Vector512<T>.Zero;
                    sinceFlush = 0;
                }
            }
            squares = Vector512.Sum(squareSums);
            magnitudes = Vector512.Sum(magnitudeSums);
            below += long.CreateTruncating(Vector512.Sum(counts));
            for (int lane = 0; lane < Vector512<T>.Count; lane++)
            {
                max = T.Max(max, maxima[lane]);
            }
        }
        else if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            ReadOnlySpan<Vector<T>> vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            Vector<T> squareSums = Vector<T>.Zero, magnitudeSums = Vector<T>.Zero, maxima = Vector<T>.Zero, counts = Vector<T>.Zero;
            Vector<T> limit = new(threshold);
            // A lane's count stays exact in T up to 2^24 (float); flush it well before.
            const int flushEvery = 1 << 20;
            int sinceFlush = 0;
            foreach (Vector<T> vector in vectors)
            {
                Vector<T> magnitude = Vector.Abs(vector);
                squareSums += vector * vector;
                magnitudeSums += magnitude;
                maxima = Vector.Max(maxima, magnitude);
                counts += Vector.ConditionalSelect(Vector.LessThan(magnitude, limit), Vector<T>.One, Vector<T>.Zero);
                if (++sinceFlush == flushEvery)
                {
                    below += long.CreateTruncating(Vector.Sum(counts));
                    counts = Vector<T>.Zero;
                    sinceFlush = 0;
                }
            }
            squares = Vector.Sum(squareSums);
            magnitudes = Vector.Sum(magnitudeSums);
            below += long.CreateTruncating(Vector.Sum(counts));
            for (int lane = 0; lane < Vector<T>.Count; lane++)
            {
                max = T.Max(max, maxima[lane]);
            }
            i = vectors.Length * Vector<T>.Count;
        }
        for (; i < values.Length; i++)
        {
            T magnitude = T.Abs(values[i]);
            squares += values[i] * values[i];
            magnitudes += magnitude;
            max = T.Max(max, magnitude);
            if (magnitude < threshold)
            {
                below++;
            }
        }
        return new MagnitudeStatistics(double.CreateTruncating(squares), double.CreateTruncating(magnitudes), double.CreateTruncating(max), below);
    }

    /// <summary>Whether every value was finite (no NaN, no infinity): the sum of magnitudes is then finite, barring an overflow that is itself a blow-up.</summary>
    public bool AllFinite => double.IsFinite(SumOfMagnitudes);
}
