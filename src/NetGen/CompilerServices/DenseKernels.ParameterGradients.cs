using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

public static partial class DenseKernels
{
    /// <summary>
    /// <c>∂W[o, k] = Σ_s dz[s, o]·x[s, k]</c> and <c>∂b[o] = Σ_s dz[s, o]</c>, or <c>+=</c> when <paramref name="accumulate"/>;
    /// split over threads by units for large layers. Overwriting spares reading the old gradients, and clearing them first.
    /// An empty <paramref name="biasGradients"/> is a layer without biases: only ∂W is computed.
    /// </summary>
    /// <exception cref="ArgumentException">A span is shorter than the sizes need, or the bias gradients are neither empty nor one per unit.</exception>
    public static unsafe void ParameterGradients<T>(
        ReadOnlySpan<T> dz, ReadOnlySpan<T> x, Span<T> weightGradients, Span<T> biasGradients, int batch, int inputs, int units, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(x.Length, batch * inputs, weightGradients.Length, units * inputs, dz.Length, batch * units);
        CheckBiases(biasGradients.Length, units, nameof(biasGradients));
        fixed (T* pdz = dz, px = x, pg = weightGradients, pb = biasGradients)
        {
            var job = new DenseJob(DenseOperation.ParameterGradients, (nint)pdz, (nint)px, (nint)pg, (nint)pb, accumulate, batch, inputs, units);
            KernelThreading.Run<T>(job, splitLength: units);
        }
    }

    // Compiled fully optimized at once: with tiering, dynamic PGO made the generated layers' calls much slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParameterGradientsRange<T, TVector, V>(
        ref T dz0, ref T x0, ref T g0, ref T bg0, int batch, int inputs, int units, int unitStart, int unitEnd, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        if (!Unsafe.IsNullRef(ref bg0)) // null: no biases (the pointer of an empty span)
        {
            BiasGradients(ref dz0, batch, units, unitStart, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref bg0, unitStart), unitEnd - unitStart), accumulate);
        }
        for (int o = unitStart; o < unitEnd;)
        {
            int rows = WeightGradientRowsAt<T, TVector, V>(o, unitEnd, inputs, batch);
            WeightGradientRows<T, TVector, V>(ref dz0, ref x0, batch, inputs, units, o, rows, 0, inputs, ref Unsafe.Add(ref g0, o * inputs), inputs, accumulate);
            o += rows;
        }
    }

    /// <summary><c>∂b[o + j] = Σ_s dz[s, o + j]</c> (or <c>+=</c>) for the units of <paramref name="target"/>.</summary>
    private static void BiasGradients<T>(ref T dz0, int batch, int units, int o, Span<T> target, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!accumulate)
        {
            target.Clear();
        }
        for (int s = 0; s < batch; s++)
        {
            Kernels.Add(target, MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref dz0, s * units + o), target.Length), target);
        }
    }

    /// <summary>How many weight rows, from unit <paramref name="o"/>, the next <see cref="WeightGradientRows"/> call takes: a tile of eight (for batches of eight or more) or four, or one.</summary>
    private static int WeightGradientRowsAt<T, TVector, V>(int o, int unitEnd, int inputs, int batch) where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T> =>
        !V.IsAccelerated || inputs < V.Count ? 1
        : o + 8 <= unitEnd && batch >= 8 ? 8 // eight rows pay off when the inputs are reread for many samples
        : o + 4 <= unitEnd ? 4 : 1;

    /// <summary>
    /// <c>∂W[o + j, k..k + width] = Σ_s dz[s, o + j]·x[s, k..k + width]</c> (or <c>+=</c>) for <paramref name="rows"/> (eight, four or
    /// one) units, into rows <paramref name="targetStride"/> apart from <paramref name="target"/>.
    /// </summary>
    private static void WeightGradientRows<T, TVector, V>(
        ref T dz0, ref T x0, int batch, int inputs, int units, int o, int rows, int k, int width, ref T target, int targetStride, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        if (rows == 8)
        {
            OuterProductTile8<T, TVector, V>(ref Unsafe.Add(ref dz0, o), rowStep: units, ref Unsafe.Add(ref x0, k), inputs, batch, width, ref target, targetStride, accumulate);
            return;
        }
        if (rows == 4)
        {
            // c(r, j) = dz[r, o + j]: along samples r by a row of dz, along units j by one.
            OuterProductTile4<T, TVector, V>(ref Unsafe.Add(ref dz0, o), rowStep: units, targetStep: 1, ref Unsafe.Add(ref x0, k), inputs, batch, width, ref target, targetStride, accumulate);
            return;
        }
        if (!accumulate)
        {
            MemoryMarshal.CreateSpan(ref target, width).Clear();
        }
        for (int s = 0; s < batch; s++)
        {
            AddScaledRow<T, TVector, V>(ref target, ref Unsafe.Add(ref x0, s * inputs + k), Unsafe.Add(ref dz0, s * units + o), width);
        }
    }

    /// <summary>
    /// <c>target[k] += scale·row[k]</c>: whole vectors of <typeparamref name="V"/>'s width with a fused multiply-add, the rest
    /// unfused, as the tiles compute them. Whether a column is fused then depends only on where it stands from the start of
    /// the row in vectors of one width, the same in a whole row as in the fused update's pieces (which start at multiples of
    /// every width): <see cref="UnsafeKernels.MultiplyAdd"/> picked its width by length, so a short tail piece took a
    /// 256-bit vector where the whole row took scalars, and the two steps differed in the last bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaledRow<T, TVector, V>(ref T target, ref T row, T scale, int length)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int k = 0;
        if (V.IsAccelerated)
        {
            TVector factor = V.Broadcast(scale);
            for (; k <= length - V.Count; k += V.Count)
            {
                V.Store(V.MultiplyAdd(V.Load(ref row, (nuint)k), factor, V.Load(ref target, (nuint)k)), ref target, (nuint)k);
            }
        }
        for (; k < length; k++)
        {
            Unsafe.Add(ref target, k) += scale * Unsafe.Add(ref row, k);
        }
    }

    /// <summary>
    /// The weight-gradient shape of <see cref="OuterProductTile4"/> for eight target rows (eight consecutive units,
    /// <c>c(r, j) = c[r·rowStep + j]</c>), two vectors wide: each input vector loaded feeds eight FMAs, halving how often the
    /// inputs are read from L2. The same arithmetic per element as <see cref="OuterProductTile4"/>, so the results are too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OuterProductTile8<T, TVector, V>(
        ref T c, int rowStep, ref T rows, int rowStride, int count, int length, ref T target, int targetStride, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int k = 0;
        for (; k <= length - V.Count; k += V.Count)
        {
            // One vector of eight rows at a time (sixteen with the next vector when there is one): eight or sixteen accumulators.
            // Sixteen accumulators need AVX-512's 32 registers; with AVX2's sixteen, eight.
            bool two = Unsafe.SizeOf<TVector>() >= 64 && k <= length - 2 * V.Count;
            nuint i = (nuint)k, i2 = (nuint)(k + V.Count);
            TVector a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            TVector b0 = default, b1 = default, b2 = default, b3 = default, b4 = default, b5 = default, b6 = default, b7 = default;
            if (accumulate)
            {
                a0 = V.Load(ref target, i); a1 = V.Load(ref Unsafe.Add(ref target, targetStride), i);
                a2 = V.Load(ref Unsafe.Add(ref target, 2 * targetStride), i); a3 = V.Load(ref Unsafe.Add(ref target, 3 * targetStride), i);
                a4 = V.Load(ref Unsafe.Add(ref target, 4 * targetStride), i); a5 = V.Load(ref Unsafe.Add(ref target, 5 * targetStride), i);
                a6 = V.Load(ref Unsafe.Add(ref target, 6 * targetStride), i); a7 = V.Load(ref Unsafe.Add(ref target, 7 * targetStride), i);
                if (two)
                {
                    b0 = V.Load(ref target, i2); b1 = V.Load(ref Unsafe.Add(ref target, targetStride), i2);
                    b2 = V.Load(ref Unsafe.Add(ref target, 2 * targetStride), i2); b3 = V.Load(ref Unsafe.Add(ref target, 3 * targetStride), i2);
                    b4 = V.Load(ref Unsafe.Add(ref target, 4 * targetStride), i2); b5 = V.Load(ref Unsafe.Add(ref target, 5 * targetStride), i2);
                    b6 = V.Load(ref Unsafe.Add(ref target, 6 * targetStride), i2); b7 = V.Load(ref Unsafe.Add(ref target, 7 * targetStride), i2);
                }
            }
            ref T cr = ref c;
            ref T row = ref rows;
            if (two)
            {
                for (int r = 0; r < count; r++)
                {
                    TVector u = V.Load(ref row, i), v = V.Load(ref row, i2);
                    TVector c0 = V.Broadcast(cr), c1 = V.Broadcast(Unsafe.Add(ref cr, 1));
                    a0 = V.MultiplyAdd(u, c0, a0); b0 = V.MultiplyAdd(v, c0, b0); a1 = V.MultiplyAdd(u, c1, a1); b1 = V.MultiplyAdd(v, c1, b1);
                    c0 = V.Broadcast(Unsafe.Add(ref cr, 2)); c1 = V.Broadcast(Unsafe.Add(ref cr, 3));
                    a2 = V.MultiplyAdd(u, c0, a2); b2 = V.MultiplyAdd(v, c0, b2); a3 = V.MultiplyAdd(u, c1, a3); b3 = V.MultiplyAdd(v, c1, b3);
                    c0 = V.Broadcast(Unsafe.Add(ref cr, 4)); c1 = V.Broadcast(Unsafe.Add(ref cr, 5));
                    a4 = V.MultiplyAdd(u, c0, a4); b4 = V.MultiplyAdd(v, c0, b4); a5 = V.MultiplyAdd(u, c1, a5); b5 = V.MultiplyAdd(v, c1, b5);
                    c0 = V.Broadcast(Unsafe.Add(ref cr, 6)); c1 = V.Broadcast(Unsafe.Add(ref cr, 7));
                    a6 = V.MultiplyAdd(u, c0, a6); b6 = V.MultiplyAdd(v, c0, b6); a7 = V.MultiplyAdd(u, c1, a7); b7 = V.MultiplyAdd(v, c1, b7);
                    cr = ref Unsafe.Add(ref cr, rowStep);
                    row = ref Unsafe.Add(ref row, rowStride);
                }
            }
            else
            {
                for (int r = 0; r < count; r++)
                {
                    TVector u = V.Load(ref row, i);
                    a0 = V.MultiplyAdd(u, V.Broadcast(cr), a0); a1 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 1)), a1);
                    a2 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 2)), a2); a3 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 3)), a3);
                    a4 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 4)), a4); a5 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 5)), a5);
                    a6 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 6)), a6); a7 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 7)), a7);
                    cr = ref Unsafe.Add(ref cr, rowStep);
                    row = ref Unsafe.Add(ref row, rowStride);
                }
            }
            V.Store(a0, ref target, i); V.Store(a1, ref Unsafe.Add(ref target, targetStride), i);
            V.Store(a2, ref Unsafe.Add(ref target, 2 * targetStride), i); V.Store(a3, ref Unsafe.Add(ref target, 3 * targetStride), i);
            V.Store(a4, ref Unsafe.Add(ref target, 4 * targetStride), i); V.Store(a5, ref Unsafe.Add(ref target, 5 * targetStride), i);
            V.Store(a6, ref Unsafe.Add(ref target, 6 * targetStride), i); V.Store(a7, ref Unsafe.Add(ref target, 7 * targetStride), i);
            if (two)
            {
                V.Store(b0, ref target, i2); V.Store(b1, ref Unsafe.Add(ref target, targetStride), i2);
                V.Store(b2, ref Unsafe.Add(ref target, 2 * targetStride), i2); V.Store(b3, ref Unsafe.Add(ref target, 3 * targetStride), i2);
                V.Store(b4, ref Unsafe.Add(ref target, 4 * targetStride), i2); V.Store(b5, ref Unsafe.Add(ref target, 5 * targetStride), i2);
                V.Store(b6, ref Unsafe.Add(ref target, 6 * targetStride), i2); V.Store(b7, ref Unsafe.Add(ref target, 7 * targetStride), i2);
                k += V.Count;
            }
        }
        // The columns past the last whole vector, as OuterProductTile4 computes them.
        for (int j = 0; j < 8 && k < length; j += 4)
        {
            OuterProductTile4<T, TVector, V>(ref Unsafe.Add(ref c, j), rowStep, targetStep: 1, ref Unsafe.Add(ref rows, k), rowStride, count, length - k,
                ref Unsafe.Add(ref target, j * targetStride + k), targetStride, accumulate);
        }
    }
}
