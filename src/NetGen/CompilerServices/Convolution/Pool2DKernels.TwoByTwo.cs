using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

// The 2×2 stride-2 forward rows in 256-bit vectors: each row pair is split into its even and odd columns (one permute per
// load), which gives the four candidates of 8 floats' or 4 doubles' windows side by side; they are then compared or summed
// lane by lane, in the scalar loops' order, so that the results are the scalar loops' bit for bit. A row that is not a
// whole number of vectors ends with a vector overlapping the one before rather than scalar steps, whose comparisons the
// branch predictor misses on real data (LeNet's first pooling, rows of 14 outputs: 417 against 56 us at batch 64, one
// thread, best of 15 runs). Without 256-bit vectors
// (ARM64, or AVX2 turned off) the rows stay scalar.
public static partial class Pool2DKernels
{
    /// <summary>The outputs of a row of 2×2 windows over <paramref name="upper"/> and <paramref name="lower"/>: all of them if the row holds a whole vector (the last one overlapping the one before), none otherwise; returns how many.</summary>
    private static int MaxRowTwoByTwoVectorized<T>(ReadOnlySpan<T> upper, ReadOnlySpan<T> lower, Span<T> row, Span<int> indices, int top, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return 0;
        }
        if (typeof(T) == typeof(float))
        {
            return MaxRowSingle(MemoryMarshal.Cast<T, float>(upper), MemoryMarshal.Cast<T, float>(lower), MemoryMarshal.Cast<T, float>(row), indices, top, width);
        }
        if (typeof(T) == typeof(double))
        {
            return MaxRowDouble(MemoryMarshal.Cast<T, double>(upper), MemoryMarshal.Cast<T, double>(lower), MemoryMarshal.Cast<T, double>(row), indices, top, width);
        }
        return 0;
    }

    /// <summary>The outputs of a row of 2×2 window means: all of them if the row holds a whole vector (the last one overlapping), none otherwise; returns how many.</summary>
    private static int AverageRowTwoByTwoVectorized<T>(ReadOnlySpan<T> upper, ReadOnlySpan<T> lower, Span<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return 0;
        }
        if (typeof(T) == typeof(float))
        {
            return AverageRowSingle(MemoryMarshal.Cast<T, float>(upper), MemoryMarshal.Cast<T, float>(lower), MemoryMarshal.Cast<T, float>(row));
        }
        if (typeof(T) == typeof(double))
        {
            return AverageRowDouble(MemoryMarshal.Cast<T, double>(upper), MemoryMarshal.Cast<T, double>(lower), MemoryMarshal.Cast<T, double>(row));
        }
        return 0;
    }

    private static int MaxRowSingle(ReadOnlySpan<float> upper, ReadOnlySpan<float> lower, Span<float> row, Span<int> indices, int top, int width)
    {
        ref float u = ref MemoryMarshal.GetReference(upper), l = ref MemoryMarshal.GetReference(lower);
        ref float y = ref MemoryMarshal.GetReference(row);
        ref int argmax = ref MemoryMarshal.GetReference(indices);
        Vector256<int> evenColumns = Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14);
        int count = row.Length;
        if (count < 8)
        {
            return 0;
        }
        for (int ow = 0; ; ow += 8)
        {
            // The last vector may overlap the one before: its outputs are computed again, to the same values.
            ow = Math.Min(ow, count - 8);
            nuint column = (nuint)(2 * ow);
            (Vector256<float> u0, Vector256<float> u1) = SplitColumns(Vector256.LoadUnsafe(ref u, column), Vector256.LoadUnsafe(ref u, column + 8));
            (Vector256<float> l0, Vector256<float> l1) = SplitColumns(Vector256.LoadUnsafe(ref l, column), Vector256.LoadUnsafe(ref l, column + 8));
            Vector256<int> first = Vector256.Create(top + 2 * ow) + evenColumns;
            Vector256<float> best = u0;
            Vector256<int> bestIndex = first;
            TakeIfLaterWins(u1, first + Vector256<int>.One, ref best, ref bestIndex);
            TakeIfLaterWins(l0, first + Vector256.Create(width), ref best, ref bestIndex);
            TakeIfLaterWins(l1, first + Vector256.Create(width + 1), ref best, ref bestIndex);
            best.StoreUnsafe(ref y, (nuint)ow);
            bestIndex.StoreUnsafe(ref argmax, (nuint)ow);
            if (ow == count - 8)
            {
                return count;
            }
        }
    }

    private static int MaxRowDouble(ReadOnlySpan<double> upper, ReadOnlySpan<double> lower, Span<double> row, Span<int> indices, int top, int width)
    {
        ref double u = ref MemoryMarshal.GetReference(upper), l = ref MemoryMarshal.GetReference(lower);
        ref double y = ref MemoryMarshal.GetReference(row);
        ref int argmax = ref MemoryMarshal.GetReference(indices);
        Vector256<long> evenColumns = Vector256.Create(0L, 2, 4, 6);
        int count = row.Length;
        if (count < 4)
        {
            return 0;
        }
        for (int ow = 0; ; ow += 4)
        {
            // The last vector may overlap the one before: its outputs are computed again, to the same values.
            ow = Math.Min(ow, count - 4);
            nuint column = (nuint)(2 * ow);
            (Vector256<double> u0, Vector256<double> u1) = SplitColumns(Vector256.LoadUnsafe(ref u, column), Vector256.LoadUnsafe(ref u, column + 4));
            (Vector256<double> l0, Vector256<double> l1) = SplitColumns(Vector256.LoadUnsafe(ref l, column), Vector256.LoadUnsafe(ref l, column + 4));
            Vector256<long> first = Vector256.Create((long)(top + 2 * ow)) + evenColumns;
            Vector256<double> best = u0;
            Vector256<long> bestIndex = first;
            TakeIfLaterWins(u1, first + Vector256<long>.One, ref best, ref bestIndex);
            TakeIfLaterWins(l0, first + Vector256.Create((long)width), ref best, ref bestIndex);
            TakeIfLaterWins(l1, first + Vector256.Create((long)width + 1), ref best, ref bestIndex);
            best.StoreUnsafe(ref y, (nuint)ow);
            Vector256.Narrow(bestIndex, bestIndex).GetLower().StoreUnsafe(ref argmax, (nuint)ow);
            if (ow == count - 4)
            {
                return count;
            }
        }
    }

    private static int AverageRowSingle(ReadOnlySpan<float> upper, ReadOnlySpan<float> lower, Span<float> row)
    {
        ref float u = ref MemoryMarshal.GetReference(upper), l = ref MemoryMarshal.GetReference(lower);
        ref float y = ref MemoryMarshal.GetReference(row);
        int count = row.Length;
        if (count < 8)
        {
            return 0;
        }
        for (int ow = 0; ; ow += 8)
        {
            // The last vector may overlap the one before: its outputs are computed again, to the same values.
            ow = Math.Min(ow, count - 8);
            nuint column = (nuint)(2 * ow);
            (Vector256<float> u0, Vector256<float> u1) = SplitColumns(Vector256.LoadUnsafe(ref u, column), Vector256.LoadUnsafe(ref u, column + 8));
            (Vector256<float> l0, Vector256<float> l1) = SplitColumns(Vector256.LoadUnsafe(ref l, column), Vector256.LoadUnsafe(ref l, column + 8));
            (((u0 + u1) + l0 + l1) * Vector256.Create(0.25f)).StoreUnsafe(ref y, (nuint)ow);
            if (ow == count - 8)
            {
                return count;
            }
        }
    }

    private static int AverageRowDouble(ReadOnlySpan<double> upper, ReadOnlySpan<double> lower, Span<double> row)
    {
        ref double u = ref MemoryMarshal.GetReference(upper), l = ref MemoryMarshal.GetReference(lower);
        ref double y = ref MemoryMarshal.GetReference(row);
        int count = row.Length;
        if (count < 4)
        {
            return 0;
        }
        for (int ow = 0; ; ow += 4)
        {
            // The last vector may overlap the one before: its outputs are computed again, to the same values.
            ow = Math.Min(ow, count - 4);
            nuint column = (nuint)(2 * ow);
            (Vector256<double> u0, Vector256<double> u1) = SplitColumns(Vector256.LoadUnsafe(ref u, column), Vector256.LoadUnsafe(ref u, column + 4));
            (Vector256<double> l0, Vector256<double> l1) = SplitColumns(Vector256.LoadUnsafe(ref l, column), Vector256.LoadUnsafe(ref l, column + 4));
            (((u0 + u1) + l0 + l1) * Vector256.Create(0.25)).StoreUnsafe(ref y, (nuint)ow);
            if (ow == count - 4)
            {
                return count;
            }
        }
    }

    /// <summary>Columns <c>0, 2, …, 14</c> and <c>1, 3, …, 15</c> of two consecutive vectors: each window's left and right values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Even, Vector256<float> Odd) SplitColumns(Vector256<float> first, Vector256<float> second)
    {
        Vector256<float> a = Vector256.Shuffle(first, Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7));
        Vector256<float> b = Vector256.Shuffle(second, Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7));
        return (Vector256.Create(a.GetLower(), b.GetLower()), Vector256.Create(a.GetUpper(), b.GetUpper()));
    }

    /// <summary>Columns <c>0, 2, 4, 6</c> and <c>1, 3, 5, 7</c> of two consecutive vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Even, Vector256<double> Odd) SplitColumns(Vector256<double> first, Vector256<double> second)
    {
        Vector256<double> a = Vector256.Shuffle(first, Vector256.Create(0L, 2, 1, 3));
        Vector256<double> b = Vector256.Shuffle(second, Vector256.Create(0L, 2, 1, 3));
        return (Vector256.Create(a.GetLower(), b.GetLower()), Vector256.Create(a.GetUpper(), b.GetUpper()));
    }

    /// <summary>The scalar rule lane by lane: a later candidate replaces the best so far if it is larger or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TakeIfLaterWins<TValue, TIndex>(Vector256<TValue> candidate, Vector256<TIndex> candidateIndex, ref Vector256<TValue> best, ref Vector256<TIndex> bestIndex)
        where TValue : unmanaged
        where TIndex : unmanaged
    {
        Vector256<TValue> takes = Vector256.GreaterThan(candidate, best) | Vector256.IsNaN(candidate);
        best = Vector256.ConditionalSelect(takes, candidate, best);
        bestIndex = Vector256.ConditionalSelect(takes.As<TValue, TIndex>(), candidateIndex, bestIndex);
    }
}
