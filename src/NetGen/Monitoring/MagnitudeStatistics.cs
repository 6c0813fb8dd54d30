using System;
using System.Numerics;
using System.Runtime.InteropServices;

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
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
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
