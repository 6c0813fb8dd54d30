using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.CompilerServices;

/// <summary>
/// The matrix products of a dense layer over a batch, register-blocked: tiles of samples × units (or units × inputs)
/// accumulate in vector registers, so each weight or input vector loaded feeds several fused multiply-adds. The kernels
/// are written once over <see cref="ISimd{TVector, T}"/> (type arguments <c>TVector</c>, the vector type, and <c>V</c>, its
/// operations) and run with the widest vectors the processor has: 512 bits with
/// AVX-512, 256 with AVX2, 128 otherwise (the tests run all three). For layers narrower than one vector, or without
/// vector hardware, they fall back to one dot product (or one multiply-add) at a time. Data are row-major: inputs
/// [batch, inputs], weights [units, inputs], outputs [batch, units].
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DenseKernels
{
    /// <summary><c>z[s, o] = b[o] + Σ_k W[o, k]·x[s, k]</c>, split over threads by units for large layers (<see cref="KernelThreading"/>).</summary>
    public static unsafe void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> z, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(x.Length, batch * inputs, weights.Length, units * inputs, z.Length, batch * units);
        CheckBiases(biases.Length, units, nameof(biases));
        fixed (T* px = x, pw = weights, pb = biases, pz = z)
        {
            var job = new DenseJob(DenseOperation.Forward, (nint)px, (nint)pw, (nint)pb, (nint)pz, false, batch, inputs, units);
            KernelThreading.Run<T>(job, splitLength: units);
        }
    }

    /// <summary>
    /// <c>∂W[o, k] = Σ_s dz[s, o]·x[s, k]</c> and <c>∂b[o] = Σ_s dz[s, o]</c>, or <c>+=</c> when <paramref name="accumulate"/>;
    /// split over threads by units for large layers. Overwriting spares reading the old gradients, and clearing them first.
    /// </summary>
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

    /// <summary>
    /// The parameter gradients of <see cref="ParameterGradients"/> applied at once: computed a few weight rows at a time into
    /// a buffer that stays in the cache, each piece handed to <paramref name="optimizer"/> as soon as it is complete, so that W
    /// and b are updated in one pass and their gradients are never written to memory. Split over threads by units, as the
    /// forward product is, so that each thread updates the weight rows it read in the forward pass. The results are those of
    /// <see cref="ParameterGradients"/> followed by the optimizer's update of the same gradients, to the bit.
    /// </summary>
    /// <param name="dz">The gradient of the loss with respect to the layer's pre-activations, [batch, units].</param>
    /// <param name="x">The layer's inputs, [batch, inputs].</param>
    /// <param name="weights">The weights, [units, inputs], updated in place.</param>
    /// <param name="biases">The biases, updated in place.</param>
    /// <param name="batch">The number of samples.</param>
    /// <param name="inputs">The number of inputs of the layer.</param>
    /// <param name="units">The number of units of the layer.</param>
    /// <param name="optimizer">The optimizer, its step begun (<see cref="IElementwiseOptimizer{T}.BeginStep"/>).</param>
    /// <param name="weightOffset">Where the weights start among the optimizer's parameters.</param>
    /// <param name="biasOffset">Where the biases start among the optimizer's parameters.</param>
    public static unsafe void UpdateParameters<T>(
        ReadOnlySpan<T> dz, ReadOnlySpan<T> x, Span<T> weights, Span<T> biases, int batch, int inputs, int units,
        IElementwiseOptimizer<T> optimizer, int weightOffset, int biasOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        CheckLengths(x.Length, batch * inputs, weights.Length, units * inputs, dz.Length, batch * units);
        CheckBiases(biases.Length, units, nameof(biases));
        fixed (T* pdz = dz, px = x, pw = weights, pb = biases)
        {
            var job = new DenseJob(DenseOperation.UpdateParameters, (nint)pdz, (nint)px, (nint)pw, (nint)pb, false, batch, inputs, units,
                optimizer, weightOffset, biasOffset);
            KernelThreading.Run<T>(job, splitLength: units);
        }
    }

    /// <summary>
    /// <c>dx[s, k] += Σ_o dz[s, o]·W[o, k]</c>: the gradient flowing to the layer's input, added to what is there. Split over
    /// threads by units for large layers, as the forward product and the update are, so that each thread reads only the
    /// weight rows it owns (a fused step has just written them in its cache): each thread sums its units into a buffer of its
    /// own, and the buffers are added to dx in a fixed order.
    /// </summary>
    public static unsafe void AccumulateInputGradients<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> weights, Span<T> dx, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(dx.Length, batch * inputs, weights.Length, units * inputs, dz.Length, batch * units);
        fixed (T* pdz = dz, pw = weights, pdx = dx)
        {
            var job = new DenseJob(DenseOperation.InputGradients, (nint)pdz, (nint)pw, (nint)pdx, 0, true, batch, inputs, units);
            KernelThreading.Run<T>(job, splitLength: units);
        }
    }

    /// <summary>
    /// Runs the units <c>[start, end)</c> of a job on the calling thread. An input gradient over part of the units goes to
    /// <paramref name="partialSums"/> (batch × inputs values, overwritten), which the caller adds to dx.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a choice the JIT resolves: nothing of it is left
    internal static void Execute<T>(in DenseJob job, int start, int end, nint partialSums = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Execute<T, Vector512<T>, Simd512<T>>(job, start, end, partialSums);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Execute<T, Vector256<T>, Simd256<T>>(job, start, end, partialSums);
        }
        else
        {
            Execute<T, Vector128<T>, Simd128<T>>(job, start, end, partialSums);
        }
    }

    /// <summary><see cref="Execute{T}"/> with vectors of one width, <typeparamref name="V"/>.</summary>
    private static unsafe void Execute<T, TVector, V>(in DenseJob job, int start, int end, nint partialSums)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct where V : struct, ISimd<TVector, T>
    {
        switch (job.Operation)
        {
            case DenseOperation.Forward:
                ForwardRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref Unsafe.AsRef<T>((void*)job.C),
                    ref Unsafe.AsRef<T>((void*)job.D), job.Batch, job.Inputs, job.Units, start, end);
                break;
            case DenseOperation.ParameterGradients:
                ParameterGradientsRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref Unsafe.AsRef<T>((void*)job.C),
                    ref Unsafe.AsRef<T>((void*)job.D), job.Batch, job.Inputs, job.Units, start, end, accumulate: job.Accumulate);
                break;
            case DenseOperation.UpdateParameters:
                UpdateParametersRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref Unsafe.AsRef<T>((void*)job.C),
                    ref Unsafe.AsRef<T>((void*)job.D), job.Batch, job.Inputs, job.Units, start, end,
                    (IElementwiseOptimizer<T>)job.Optimizer!, job.WeightOffset, job.BiasOffset);
                break;
            default:
                ref T target = ref Unsafe.AsRef<T>((void*)(partialSums == 0 ? job.C : partialSums));
                if (partialSums != 0)
                {
                    MemoryMarshal.CreateSpan(ref target, job.Batch * job.Inputs).Clear();
                }
                InputGradientsRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref target,
                    job.Batch, job.Inputs, job.Units, start, end);
                break;
        }
    }

    /// <summary>How many bytes of inputs the forward product keeps in L1 at a time: with four weight rows beside them, within 48 KB.</summary>
    private const int ForwardBlockBytes = 28 * 1024;

    /// <summary>How many bytes of inputs the forward product keeps in L2 when they do not fit in L1: half of a 1 MB L2.</summary>
    private const int ForwardL2BlockBytes = 512 * 1024;

    // Compiled fully optimized at once: with tiering, dynamic PGO made the generated layers' calls much slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardRange<T, TVector, V>(ref T x0, ref T w0, ref T b0, ref T z0, int batch, int inputs, int units, int unitStart, int unitEnd)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int s = 0;
        if (V.IsAccelerated && inputs >= V.Count)
        {
            int tiledSamples = batch - batch % 4;
            // A block of samples whose inputs fit in L1 beside four weight rows, then every tile of four units: each weight
            // row is read from L2 once per block and each input once per call. (Units outer rereads the whole batch's inputs
            // from L2 for every four units; samples outer with tiles of four, the weights for every four samples.)
            // When fewer than eight samples fit, a block would reread the weights too often: units outer, over blocks of
            // samples whose inputs fit in L2, so that the inputs reread for every four units come from L2, not from L3.
            int sampleBytes = inputs * Unsafe.SizeOf<T>();
            int sampleBlock = ForwardBlockBytes / sampleBytes / 4 * 4;
            if (sampleBlock < 8)
            {
                sampleBlock = Math.Max(4, ForwardL2BlockBytes / sampleBytes / 4 * 4);
            }
            int tiledUnitEnd = unitStart + (unitEnd - unitStart) / 4 * 4;
            for (int blockStart = 0; blockStart < tiledSamples; blockStart += sampleBlock)
            {
                int blockEnd = Math.Min(blockStart + sampleBlock, tiledSamples);
                for (int u = unitStart; u < tiledUnitEnd; u += 4)
                {
                    ref T w = ref Unsafe.Add(ref w0, u * inputs);
                    for (s = blockStart; s < blockEnd; s += 4)
                    {
                        ref T x = ref Unsafe.Add(ref x0, s * inputs);
                        ref T z = ref Unsafe.Add(ref z0, s * units + u);
                        if (Unsafe.SizeOf<TVector>() >= 64)
                        {
                            ForwardTile4x4<T, TVector, V>(ref x, ref w, inputs, ref z, units);
                        }
                        else
                        {
                            ForwardTile2x4<T, TVector, V>(ref x, ref w, inputs, ref z, units);
                            ForwardTile2x4<T, TVector, V>(ref Unsafe.Add(ref x, 2 * inputs), ref w, inputs, ref Unsafe.Add(ref z, 2 * units), units);
                        }
                    }
                }
            }
            int o = tiledUnitEnd;
            for (; o < unitEnd; o++)
            {
                for (s = 0; s < tiledSamples; s++)
                {
                    Unsafe.Add(ref z0, s * units + o) = UnsafeKernels.Dot(ref Unsafe.Add(ref w0, o * inputs), ref Unsafe.Add(ref x0, s * inputs), inputs);
                }
            }
            s = tiledSamples;
        }
        if (s < batch)
        {
            ForwardSamplesByRows<T, TVector, V>(ref x0, ref w0, ref z0, s, batch, inputs, units, unitStart, unitEnd);
        }
        ReadOnlySpan<T> biases = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b0, unitStart), unitEnd - unitStart);
        for (s = 0; s < batch; s++)
        {
            Span<T> row = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref z0, s * units + unitStart), unitEnd - unitStart);
            Kernels.Add(row, biases, row);
        }
    }

    // Compiled fully optimized at once: with tiering, dynamic PGO made the generated layers' calls much slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParameterGradientsRange<T, TVector, V>(
        ref T dz0, ref T x0, ref T g0, ref T bg0, int batch, int inputs, int units, int unitStart, int unitEnd, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        BiasGradients(ref dz0, batch, units, unitStart, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref bg0, unitStart), unitEnd - unitStart), accumulate);
        for (int o = unitStart; o < unitEnd;)
        {
            int rows = WeightGradientRowsAt<T, TVector, V>(o, unitEnd, inputs, batch);
            WeightGradientRows<T, TVector, V>(ref dz0, ref x0, batch, inputs, units, o, rows, 0, inputs, ref Unsafe.Add(ref g0, o * inputs), inputs, accumulate);
            o += rows;
        }
    }

    /// <summary>The widest piece of a weight row whose gradient <see cref="UpdateParametersRange"/> computes at once: a multiple of the vector width, so that every element is computed as in a whole row.</summary>
    private const int UpdatePieceWidth = 512;

    // Compiled fully optimized at once: with tiering, dynamic PGO made the generated layers' calls much slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void UpdateParametersRange<T, TVector, V>(
        ref T dz0, ref T x0, ref T w0, ref T b0, int batch, int inputs, int units, int unitStart, int unitEnd,
        IElementwiseOptimizer<T> optimizer, int weightOffset, int biasOffset)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        // Eight rows of gradient pieces: 16 KB of floats or 32 KB of doubles, which stay in the L1 cache.
        int width = Math.Min(inputs, UpdatePieceWidth);
        Span<T> gradient = CacheLineAligned(stackalloc T[8 * width + 64 / Unsafe.SizeOf<T>()], 8 * width);
        for (int o = unitStart; o < unitEnd; o += gradient.Length)
        {
            int count = Math.Min(gradient.Length, unitEnd - o);
            BiasGradients(ref dz0, batch, units, o, gradient[..count], accumulate: false);
            optimizer.Update(biasOffset + o, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref b0, o), count), gradient[..count]);
        }
        if (batch == 1)
        {
            // One sample: the weight gradient is dz ⊗ x, which the optimizer can apply as it computes it. x is read once per
            // row, aligned as in the forward product (784-256-256-10, one thread: batch-1 step 19.6 -> 17.9 µs).
            Span<T> scratch = inputs * Unsafe.SizeOf<T>() <= AlignedSampleBytes
                ? CacheLineAligned(stackalloc T[inputs + 64 / Unsafe.SizeOf<T>()], inputs)
                : default;
            scoped ref T x = ref OnCacheLine(ref x0, inputs, scratch);
            optimizer.UpdateOuterProduct(weightOffset + unitStart * inputs,
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref w0, unitStart * inputs), (unitEnd - unitStart) * inputs),
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref dz0, unitStart), unitEnd - unitStart), MemoryMarshal.CreateReadOnlySpan(ref x, inputs));
            return;
        }
        for (int o = unitStart; o < unitEnd;)
        {
            int rows = WeightGradientRowsAt<T, TVector, V>(o, unitEnd, inputs, batch);
            for (int k = 0; k < inputs; k += width)
            {
                int pieceWidth = Math.Min(width, inputs - k);
                WeightGradientRows<T, TVector, V>(ref dz0, ref x0, batch, inputs, units, o, rows, k, pieceWidth, ref MemoryMarshal.GetReference(gradient), pieceWidth, accumulate: false);
                if (pieceWidth == inputs)
                {
                    // Whole rows: the rows' weights are contiguous, one update covers them.
                    optimizer.Update(weightOffset + o * inputs, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref w0, o * inputs), rows * inputs), gradient[..(rows * inputs)]);
                    continue;
                }
                for (int r = 0; r < rows; r++)
                {
                    int at = (o + r) * inputs + k;
                    optimizer.Update(weightOffset + at, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref w0, at), pieceWidth), gradient.Slice(r * pieceWidth, pieceWidth));
                }
            }
            o += rows;
        }
    }

    /// <summary>
    /// <paramref name="x"/>, or, when its <paramref name="length"/> values do not start on a 64-byte boundary (a caller's array)
    /// and <paramref name="scratch"/> (from <see cref="CacheLineAligned"/>) can hold them, their copy there: the one-sample
    /// kernels load each input vector once per unit, and a load that straddles two cache lines costs two.
    /// </summary>
    private static unsafe ref T OnCacheLine<T>(ref T x, int length, Span<T> scratch) where T : unmanaged
    {
        if (scratch.Length < length || (nuint)Unsafe.AsPointer(ref x) % 64 == 0)
        {
            return ref x;
        }
        MemoryMarshal.CreateReadOnlySpan(ref x, length).CopyTo(scratch);
        return ref MemoryMarshal.GetReference(scratch);
    }

    /// <summary>The <paramref name="length"/> values of <paramref name="buffer"/> that start on a 64-byte boundary (the buffer holds 64 bytes more).</summary>
    private static unsafe Span<T> CacheLineAligned<T>(Span<T> buffer, int length) where T : unmanaged
    {
        long misalignment = (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer)) % 64;
        return buffer.Slice(misalignment == 0 ? 0 : (int)(64 - misalignment) / sizeof(T), length);
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
            UnsafeKernels.MultiplyAdd(ref target, ref Unsafe.Add(ref x0, s * inputs + k), Unsafe.Add(ref dz0, s * units + o), width);
        }
    }

    // Compiled fully optimized at once: with tiering, dynamic PGO made the generated layers' calls much slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InputGradientsRange<T, TVector, V>(ref T dz0, ref T w0, ref T dx0, int batch, int inputs, int units, int unitStart, int unitEnd)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int count = unitEnd - unitStart;
        ref T w = ref Unsafe.Add(ref w0, unitStart * inputs);
        int s = 0;
        if (V.IsAccelerated && inputs >= V.Count)
        {
            for (; s + 4 <= batch; s += 4)
            {
                // c(r, j) = dz[s + j, unitStart + r]: along units r by one, along samples j by a row of dz.
                OuterProductTile4<T, TVector, V>(ref Unsafe.Add(ref dz0, s * units + unitStart), rowStep: 1, targetStep: units, ref w, inputs, count, inputs,
                    ref Unsafe.Add(ref dx0, s * inputs), inputs, accumulate: true);
            }
        }
        for (; s < batch; s++)
        {
            if (V.IsAccelerated && inputs >= V.Count)
            {
                AccumulateWeightedRows<T, TVector, V>(ref Unsafe.Add(ref dz0, s * units + unitStart), ref w, count, inputs, ref Unsafe.Add(ref dx0, s * inputs));
                continue;
            }
            for (int o = 0; o < count; o++)
            {
                UnsafeKernels.MultiplyAdd(ref Unsafe.Add(ref dx0, s * inputs), ref Unsafe.Add(ref w, o * inputs), Unsafe.Add(ref dz0, s * units + unitStart + o), inputs);
            }
        }
    }

    /// <summary>Four samples × four units: sixteen dot products over the inputs, sharing every vector load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardTile4x4<T, TVector, V>(ref T x, ref T w, int inputs, ref T z, int zStride) where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        TVector a00 = default, a01 = default, a02 = default, a03 = default;
        TVector a10 = default, a11 = default, a12 = default, a13 = default;
        TVector a20 = default, a21 = default, a22 = default, a23 = default;
        TVector a30 = default, a31 = default, a32 = default, a33 = default;
        ref T x1 = ref Unsafe.Add(ref x, inputs), x2 = ref Unsafe.Add(ref x, 2 * inputs), x3 = ref Unsafe.Add(ref x, 3 * inputs);
        ref T w1 = ref Unsafe.Add(ref w, inputs), w2 = ref Unsafe.Add(ref w, 2 * inputs), w3 = ref Unsafe.Add(ref w, 3 * inputs);
        int k = 0;
        for (; k <= inputs - V.Count; k += V.Count)
        {
            nuint i = (nuint)k;
            TVector v0 = V.Load(ref w, i), v1 = V.Load(ref w1, i);
            TVector v2 = V.Load(ref w2, i), v3 = V.Load(ref w3, i);
            TVector u = V.Load(ref x, i);
            a00 = V.MultiplyAdd(u, v0, a00); a01 = V.MultiplyAdd(u, v1, a01); a02 = V.MultiplyAdd(u, v2, a02); a03 = V.MultiplyAdd(u, v3, a03);
            u = V.Load(ref x1, i);
            a10 = V.MultiplyAdd(u, v0, a10); a11 = V.MultiplyAdd(u, v1, a11); a12 = V.MultiplyAdd(u, v2, a12); a13 = V.MultiplyAdd(u, v3, a13);
            u = V.Load(ref x2, i);
            a20 = V.MultiplyAdd(u, v0, a20); a21 = V.MultiplyAdd(u, v1, a21); a22 = V.MultiplyAdd(u, v2, a22); a23 = V.MultiplyAdd(u, v3, a23);
            u = V.Load(ref x3, i);
            a30 = V.MultiplyAdd(u, v0, a30); a31 = V.MultiplyAdd(u, v1, a31); a32 = V.MultiplyAdd(u, v2, a32); a33 = V.MultiplyAdd(u, v3, a33);
        }
        Store<T, TVector, V>(ref z, 0, a00, a01, a02, a03, ref x, ref w, ref w1, ref w2, ref w3, k, inputs);
        Store<T, TVector, V>(ref Unsafe.Add(ref z, zStride), 0, a10, a11, a12, a13, ref x1, ref w, ref w1, ref w2, ref w3, k, inputs);
        Store<T, TVector, V>(ref Unsafe.Add(ref z, 2 * zStride), 0, a20, a21, a22, a23, ref x2, ref w, ref w1, ref w2, ref w3, k, inputs);
        Store<T, TVector, V>(ref Unsafe.Add(ref z, 3 * zStride), 0, a30, a31, a32, a33, ref x3, ref w, ref w1, ref w2, ref w3, k, inputs);
    }

    /// <summary>
    /// Two samples × four units, for vectors narrower than 512 bits: with AVX2's sixteen registers, the sixteen accumulators
    /// of <see cref="ForwardTile4x4"/> and its five operands do not fit; eight and five do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardTile2x4<T, TVector, V>(ref T x, ref T w, int inputs, ref T z, int zStride)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        TVector a00 = default, a01 = default, a02 = default, a03 = default;
        TVector a10 = default, a11 = default, a12 = default, a13 = default;
        ref T x1 = ref Unsafe.Add(ref x, inputs);
        ref T w1 = ref Unsafe.Add(ref w, inputs), w2 = ref Unsafe.Add(ref w, 2 * inputs), w3 = ref Unsafe.Add(ref w, 3 * inputs);
        int k = 0;
        for (; k <= inputs - V.Count; k += V.Count)
        {
            nuint i = (nuint)k;
            TVector v0 = V.Load(ref w, i), v1 = V.Load(ref w1, i), v2 = V.Load(ref w2, i), v3 = V.Load(ref w3, i);
            TVector u = V.Load(ref x, i);
            a00 = V.MultiplyAdd(u, v0, a00); a01 = V.MultiplyAdd(u, v1, a01); a02 = V.MultiplyAdd(u, v2, a02); a03 = V.MultiplyAdd(u, v3, a03);
            u = V.Load(ref x1, i);
            a10 = V.MultiplyAdd(u, v0, a10); a11 = V.MultiplyAdd(u, v1, a11); a12 = V.MultiplyAdd(u, v2, a12); a13 = V.MultiplyAdd(u, v3, a13);
        }
        Store<T, TVector, V>(ref z, 0, a00, a01, a02, a03, ref x, ref w, ref w1, ref w2, ref w3, k, inputs);
        Store<T, TVector, V>(ref Unsafe.Add(ref z, zStride), 0, a10, a11, a12, a13, ref x1, ref w, ref w1, ref w2, ref w3, k, inputs);
    }

    /// <summary>The largest input row the one-sample kernels copy to the stack to align it (<see cref="OnCacheLine"/>): 16 KB.</summary>
    private const int AlignedSampleBytes = 16 * 1024;

    /// <summary>
    /// The samples <c>[s, batch)</c>, each unit's weight row read on its own (<see cref="ForwardRow"/>). A sample whose inputs
    /// do not start on a 64-byte boundary (a caller's array) is copied to one that does first: each input vector is loaded
    /// once per unit, and a load that straddles two cache lines costs two (784-128-10 inference: 2.9 µs without the copy, 2.5 µs
    /// with it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit] // the scratch row is written before it is read: clearing it cost every call
    private static unsafe void ForwardSamplesByRows<T, TVector, V>(
        ref T x0, ref T w0, ref T z0, int s, int batch, int inputs, int units, int unitStart, int unitEnd)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        bool wide = V.IsAccelerated && inputs >= 8 * V.Count;
        Span<T> scratch = wide && inputs * sizeof(T) <= AlignedSampleBytes
            ? CacheLineAligned(stackalloc T[inputs + 64 / sizeof(T)], inputs)
            : default;
        for (; s < batch; s++)
        {
            scoped ref T sample = ref OnCacheLine(ref Unsafe.Add(ref x0, s * inputs), inputs, scratch);
            for (int o = unitStart; o < unitEnd; o++)
            {
                ref T row = ref Unsafe.Add(ref w0, o * inputs);
                Unsafe.Add(ref z0, s * units + o) = wide ? ForwardRow<T, TVector, V>(ref sample, ref row, inputs) : UnsafeKernels.Dot(ref row, ref sample, inputs);
            }
        }
    }

    /// <summary>
    /// One sample × one unit, for the samples left over from tiles of four (a batch of one: inference, online learning).
    /// Bound by reading the weights from L2: the rows are read one after the other, one sequential stream (interleaving
    /// rows, to load each input vector once, ran 1.3 times slower), eight vectors at a time so that eight accumulators
    /// hide the FMA latency (four left the stream waiting: 2.7 µs against 2.2 µs for 784 × 128 here).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ForwardRow<T, TVector, V>(ref T x, ref T row, int inputs) where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int n = V.Count;
        TVector a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        ref T xk = ref x, wk = ref row;
        int k = 0;
        for (; k <= inputs - 8 * n; k += 8 * n)
        {
            a0 = V.MultiplyAdd(V.Load(ref xk, 0), V.Load(ref wk, 0), a0);
            a1 = V.MultiplyAdd(V.Load(ref xk, (nuint)n), V.Load(ref wk, (nuint)n), a1);
            a2 = V.MultiplyAdd(V.Load(ref xk, (nuint)(2 * n)), V.Load(ref wk, (nuint)(2 * n)), a2);
            a3 = V.MultiplyAdd(V.Load(ref xk, (nuint)(3 * n)), V.Load(ref wk, (nuint)(3 * n)), a3);
            a4 = V.MultiplyAdd(V.Load(ref xk, (nuint)(4 * n)), V.Load(ref wk, (nuint)(4 * n)), a4);
            a5 = V.MultiplyAdd(V.Load(ref xk, (nuint)(5 * n)), V.Load(ref wk, (nuint)(5 * n)), a5);
            a6 = V.MultiplyAdd(V.Load(ref xk, (nuint)(6 * n)), V.Load(ref wk, (nuint)(6 * n)), a6);
            a7 = V.MultiplyAdd(V.Load(ref xk, (nuint)(7 * n)), V.Load(ref wk, (nuint)(7 * n)), a7);
            xk = ref Unsafe.Add(ref xk, 8 * n);
            wk = ref Unsafe.Add(ref wk, 8 * n);
        }
        for (; k <= inputs - n; k += n)
        {
            a0 = V.MultiplyAdd(V.Load(ref xk, 0), V.Load(ref wk, 0), a0);
            xk = ref Unsafe.Add(ref xk, n);
            wk = ref Unsafe.Add(ref wk, n);
        }
        T sum = V.Sum(V.Add(V.Add(V.Add(a0, a1), V.Add(a2, a3)), V.Add(V.Add(a4, a5), V.Add(a6, a7))));
        for (; k < inputs; k++)
        {
            sum += Unsafe.Add(ref x, k) * Unsafe.Add(ref row, k);
        }
        return sum;
    }

    /// <summary>Reduces one sample's four accumulators, adds the inputs past the last whole vector, and stores four outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T, TVector, V>(
        ref T z, int offset, TVector a0, TVector a1, TVector a2, TVector a3,
        ref T x, ref T w0, ref T w1, ref T w2, ref T w3, int k, int inputs) where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
        for (int j = k; j < inputs; j++)
        {
            T xj = Unsafe.Add(ref x, j);
            s0 += xj * Unsafe.Add(ref w0, j);
            s1 += xj * Unsafe.Add(ref w1, j);
            s2 += xj * Unsafe.Add(ref w2, j);
            s3 += xj * Unsafe.Add(ref w3, j);
        }
        if (typeof(TVector) == typeof(Vector512<float>) && Avx.IsSupported)
        {
            Vector128<float> sums = Sum4(
                Unsafe.As<TVector, Vector512<float>>(ref a0), Unsafe.As<TVector, Vector512<float>>(ref a1),
                Unsafe.As<TVector, Vector512<float>>(ref a2), Unsafe.As<TVector, Vector512<float>>(ref a3));
            if (k < inputs)
            {
                sums += Vector128.Create(float.CreateTruncating(s0), float.CreateTruncating(s1), float.CreateTruncating(s2), float.CreateTruncating(s3));
            }
            sums.StoreUnsafe(ref Unsafe.As<T, float>(ref Unsafe.Add(ref z, offset)));
            return;
        }
        Unsafe.Add(ref z, offset) = V.Sum(a0) + s0;
        Unsafe.Add(ref z, offset + 1) = V.Sum(a1) + s1;
        Unsafe.Add(ref z, offset + 2) = V.Sum(a2) + s2;
        Unsafe.Add(ref z, offset + 3) = V.Sum(a3) + s3;
    }

    /// <summary>
    /// The sums of four vectors' lanes, as one vector: halves folded onto each other twice, then three horizontal adds, about
    /// half the instructions of four separate sums (the reduction is a large share of a short dot product's work).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Sum4(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3)
    {
        Vector256<float> h0 = a0.GetLower() + a0.GetUpper(), h1 = a1.GetLower() + a1.GetUpper();
        Vector256<float> h2 = a2.GetLower() + a2.GetUpper(), h3 = a3.GetLower() + a3.GetUpper();
        // Pairs of 256-bit vectors folded at once: lanes 0-3 of (h0 | h1) and lanes 4-7 of (h0 | h1), added.
        Vector256<float> q01 = Avx.Permute2x128(h0, h1, 0x20) + Avx.Permute2x128(h0, h1, 0x31);
        Vector256<float> q23 = Avx.Permute2x128(h2, h3, 0x20) + Avx.Permute2x128(h2, h3, 0x31);
        // q01 = [h0 folded | h1 folded], q23 likewise: two horizontal adds leave [Σa0, Σa1 | Σa2, Σa3] in pairs.
        Vector256<float> pairs = Avx.HorizontalAdd(q01, q23);       // [a0 a0 a2 a2 | a1 a1 a3 a3] partial sums
        Vector256<float> sums = Avx.HorizontalAdd(pairs, pairs);    // [a0 a2 a0 a2 | a1 a3 a1 a3]
        return Sse.UnpackLow(sums.GetLower(), sums.GetUpper());     // [a0 a1 a2 a3]
    }

    /// <summary>
    /// <c>target[j, k] += Σ_r c(r, j)·rows[r, k]</c> (or <c>=</c> unless <paramref name="accumulate"/>) for four target rows j
    /// (<paramref name="targetStride"/> apart) and <paramref name="length"/> columns k, over <paramref name="count"/> rows r
    /// (<paramref name="rowStride"/> apart), with
    /// <c>c(r, j)</c> at <c>c + r·rowStep + j·targetStep</c>: the shape both backward products share. For the weight gradient
    /// the targets are four units' gradient rows and the rows the inputs; for the input gradient, four samples' gradient
    /// rows and the weights.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OuterProductTile4<T, TVector, V>(
        ref T c, int rowStep, int targetStep, ref T rows, int rowStride, int count, int length, ref T target, int targetStride, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int rStep = rowStep, jStep = targetStep;
        ref T t1 = ref Unsafe.Add(ref target, targetStride), t2 = ref Unsafe.Add(ref target, 2 * targetStride), t3 = ref Unsafe.Add(ref target, 3 * targetStride);
        int k = 0;
        // Three vectors of each target row at a time: twelve independent accumulators keep both FMA units busy past the
        // FMA latency (four would wait on it, eight just cover it), and each broadcast coefficient feeds three FMAs.
        for (; k <= length - 3 * V.Count; k += 3 * V.Count)
        {
            nuint i = (nuint)k, i2 = (nuint)(k + V.Count), i3 = (nuint)(k + 2 * V.Count);
            TVector a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
            TVector d0 = default, d1 = default, d2 = default, d3 = default;
            if (accumulate)
            {
                a0 = V.Load(ref target, i); a1 = V.Load(ref t1, i);
                a2 = V.Load(ref t2, i); a3 = V.Load(ref t3, i);
                b0 = V.Load(ref target, i2); b1 = V.Load(ref t1, i2);
                b2 = V.Load(ref t2, i2); b3 = V.Load(ref t3, i2);
                d0 = V.Load(ref target, i3); d1 = V.Load(ref t1, i3);
                d2 = V.Load(ref t2, i3); d3 = V.Load(ref t3, i3);
            }
            ref T cr = ref c;
            ref T row = ref rows;
            for (int r = 0; r < count; r++)
            {
                TVector u = V.Load(ref row, i), v = V.Load(ref row, i2), w = V.Load(ref row, i3);
                TVector c0 = V.Broadcast(cr), c1 = V.Broadcast(Unsafe.Add(ref cr, jStep));
                a0 = V.MultiplyAdd(u, c0, a0); b0 = V.MultiplyAdd(v, c0, b0); d0 = V.MultiplyAdd(w, c0, d0);
                a1 = V.MultiplyAdd(u, c1, a1); b1 = V.MultiplyAdd(v, c1, b1); d1 = V.MultiplyAdd(w, c1, d1);
                TVector c2 = V.Broadcast(Unsafe.Add(ref cr, 2 * jStep)), c3 = V.Broadcast(Unsafe.Add(ref cr, 3 * jStep));
                a2 = V.MultiplyAdd(u, c2, a2); b2 = V.MultiplyAdd(v, c2, b2); d2 = V.MultiplyAdd(w, c2, d2);
                a3 = V.MultiplyAdd(u, c3, a3); b3 = V.MultiplyAdd(v, c3, b3); d3 = V.MultiplyAdd(w, c3, d3);
                cr = ref Unsafe.Add(ref cr, rStep);
                row = ref Unsafe.Add(ref row, rowStride);
            }
            V.Store(a0, ref target, i); V.Store(b0, ref target, i2); V.Store(d0, ref target, i3);
            V.Store(a1, ref t1, i); V.Store(b1, ref t1, i2); V.Store(d1, ref t1, i3);
            V.Store(a2, ref t2, i); V.Store(b2, ref t2, i2); V.Store(d2, ref t2, i3);
            V.Store(a3, ref t3, i); V.Store(b3, ref t3, i2); V.Store(d3, ref t3, i3);
        }
        // The last one or two whole vectors one at a time.
        for (; k <= length - V.Count; k += V.Count)
        {
            nuint i = (nuint)k;
            TVector a0 = default, a1 = default, a2 = default, a3 = default;
            if (accumulate)
            {
                a0 = V.Load(ref target, i); a1 = V.Load(ref t1, i);
                a2 = V.Load(ref t2, i); a3 = V.Load(ref t3, i);
            }
            ref T cr = ref c;
            ref T row = ref rows;
            for (int r = 0; r < count; r++)
            {
                TVector u = V.Load(ref row, i);
                a0 = V.MultiplyAdd(u, V.Broadcast(cr), a0);
                a1 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, jStep)), a1);
                a2 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 2 * jStep)), a2);
                a3 = V.MultiplyAdd(u, V.Broadcast(Unsafe.Add(ref cr, 3 * jStep)), a3);
                cr = ref Unsafe.Add(ref cr, rStep);
                row = ref Unsafe.Add(ref row, rowStride);
            }
            V.Store(a0, ref target, i);
            V.Store(a1, ref t1, i);
            V.Store(a2, ref t2, i);
            V.Store(a3, ref t3, i);
        }
        for (; k < length; k++)
        {
            if (!accumulate)
            {
                Unsafe.Add(ref target, k) = Unsafe.Add(ref t1, k) = Unsafe.Add(ref t2, k) = Unsafe.Add(ref t3, k) = T.Zero;
            }
            for (int r = 0; r < count; r++)
            {
                T value = Unsafe.Add(ref rows, r * rowStride + k);
                ref T cr = ref Unsafe.Add(ref c, r * rStep);
                Unsafe.Add(ref target, k) += cr * value;
                Unsafe.Add(ref t1, k) += Unsafe.Add(ref cr, jStep) * value;
                Unsafe.Add(ref t2, k) += Unsafe.Add(ref cr, 2 * jStep) * value;
                Unsafe.Add(ref t3, k) += Unsafe.Add(ref cr, 3 * jStep) * value;
            }
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

    /// <summary>
    /// <c>target[k] += Σ_r c[r]·rows[r, k]</c>: one sample's input gradient (a batch of one). Sixteen target vectors at a time
    /// stay in registers while each row's piece of them streams past, so a row of up to 256 floats is read as one sequential
    /// stream (256 × 256: 1.3 µs, against 2.8 µs for one target vector at a time over every row, a 64-byte piece of each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateWeightedRows<T, TVector, V>(ref T c, ref T rows, int count, int length, ref T target) where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int n = V.Count;
        int k = 0;
        for (; k <= length - 16 * n; k += 16 * n)
        {
            ref T t = ref Unsafe.Add(ref target, k);
            TVector a0 = V.Load(ref t, (nuint)(0 * n)), a1 = V.Load(ref t, (nuint)(1 * n)), a2 = V.Load(ref t, (nuint)(2 * n)), a3 = V.Load(ref t, (nuint)(3 * n));
            TVector a4 = V.Load(ref t, (nuint)(4 * n)), a5 = V.Load(ref t, (nuint)(5 * n)), a6 = V.Load(ref t, (nuint)(6 * n)), a7 = V.Load(ref t, (nuint)(7 * n));
            TVector a8 = V.Load(ref t, (nuint)(8 * n)), a9 = V.Load(ref t, (nuint)(9 * n)), a10 = V.Load(ref t, (nuint)(10 * n)), a11 = V.Load(ref t, (nuint)(11 * n));
            TVector a12 = V.Load(ref t, (nuint)(12 * n)), a13 = V.Load(ref t, (nuint)(13 * n)), a14 = V.Load(ref t, (nuint)(14 * n)), a15 = V.Load(ref t, (nuint)(15 * n));
            ref T row = ref Unsafe.Add(ref rows, k);
            for (int r = 0; r < count; r++, row = ref Unsafe.Add(ref row, length))
            {
                var factor = V.Broadcast(Unsafe.Add(ref c, r));
                a0 = V.MultiplyAdd(V.Load(ref row, (nuint)(0 * n)), factor, a0);
                a1 = V.MultiplyAdd(V.Load(ref row, (nuint)(1 * n)), factor, a1);
                a2 = V.MultiplyAdd(V.Load(ref row, (nuint)(2 * n)), factor, a2);
                a3 = V.MultiplyAdd(V.Load(ref row, (nuint)(3 * n)), factor, a3);
                a4 = V.MultiplyAdd(V.Load(ref row, (nuint)(4 * n)), factor, a4);
                a5 = V.MultiplyAdd(V.Load(ref row, (nuint)(5 * n)), factor, a5);
                a6 = V.MultiplyAdd(V.Load(ref row, (nuint)(6 * n)), factor, a6);
                a7 = V.MultiplyAdd(V.Load(ref row, (nuint)(7 * n)), factor, a7);
                a8 = V.MultiplyAdd(V.Load(ref row, (nuint)(8 * n)), factor, a8);
                a9 = V.MultiplyAdd(V.Load(ref row, (nuint)(9 * n)), factor, a9);
                a10 = V.MultiplyAdd(V.Load(ref row, (nuint)(10 * n)), factor, a10);
                a11 = V.MultiplyAdd(V.Load(ref row, (nuint)(11 * n)), factor, a11);
                a12 = V.MultiplyAdd(V.Load(ref row, (nuint)(12 * n)), factor, a12);
                a13 = V.MultiplyAdd(V.Load(ref row, (nuint)(13 * n)), factor, a13);
                a14 = V.MultiplyAdd(V.Load(ref row, (nuint)(14 * n)), factor, a14);
                a15 = V.MultiplyAdd(V.Load(ref row, (nuint)(15 * n)), factor, a15);
            }
            V.Store(a0, ref t, (nuint)(0 * n)); V.Store(a1, ref t, (nuint)(1 * n)); V.Store(a2, ref t, (nuint)(2 * n)); V.Store(a3, ref t, (nuint)(3 * n));
            V.Store(a4, ref t, (nuint)(4 * n)); V.Store(a5, ref t, (nuint)(5 * n)); V.Store(a6, ref t, (nuint)(6 * n)); V.Store(a7, ref t, (nuint)(7 * n));
            V.Store(a8, ref t, (nuint)(8 * n)); V.Store(a9, ref t, (nuint)(9 * n)); V.Store(a10, ref t, (nuint)(10 * n)); V.Store(a11, ref t, (nuint)(11 * n));
            V.Store(a12, ref t, (nuint)(12 * n)); V.Store(a13, ref t, (nuint)(13 * n)); V.Store(a14, ref t, (nuint)(14 * n)); V.Store(a15, ref t, (nuint)(15 * n));
        }
        // The vectors left over, one at a time over every row, with four partial sums to hide the FMA latency.
        for (; k <= length - n; k += n)
        {
            nuint i = (nuint)k;
            TVector p0 = V.Load(ref target, i), p1 = default, p2 = default, p3 = default;
            int r = 0;
            for (; r + 4 <= count; r += 4)
            {
                p0 = V.MultiplyAdd(V.Load(ref Unsafe.Add(ref rows, r * length), i), V.Broadcast(Unsafe.Add(ref c, r)), p0);
                p1 = V.MultiplyAdd(V.Load(ref Unsafe.Add(ref rows, (r + 1) * length), i), V.Broadcast(Unsafe.Add(ref c, r + 1)), p1);
                p2 = V.MultiplyAdd(V.Load(ref Unsafe.Add(ref rows, (r + 2) * length), i), V.Broadcast(Unsafe.Add(ref c, r + 2)), p2);
                p3 = V.MultiplyAdd(V.Load(ref Unsafe.Add(ref rows, (r + 3) * length), i), V.Broadcast(Unsafe.Add(ref c, r + 3)), p3);
            }
            for (; r < count; r++)
            {
                p0 = V.MultiplyAdd(V.Load(ref Unsafe.Add(ref rows, r * length), i), V.Broadcast(Unsafe.Add(ref c, r)), p0);
            }
            V.Store(V.Add(V.Add(p0, p1), V.Add(p2, p3)), ref target, i);
        }
        for (; k < length; k++)
        {
            T sum = Unsafe.Add(ref target, k);
            for (int r = 0; r < count; r++)
            {
                sum += Unsafe.Add(ref c, r) * Unsafe.Add(ref rows, r * length + k);
            }
            Unsafe.Add(ref target, k) = sum;
        }
    }

    private static void CheckBiases(int length, int expected, string name)
    {
        if (length < expected)
        {
            throw new ArgumentException($"The biases are too short for the layer: {length} (needs {expected}).", name);
        }
    }

    private static void CheckLengths(int xLength, int xExpected, int wLength, int wExpected, int zLength, int zExpected)
    {
        if (xLength < xExpected || wLength < wExpected || zLength < zExpected)
        {
            throw new ArgumentException(
                $"The spans are too short for the layer: inputs {xLength} (needs {xExpected}), weights {wLength} (needs {wExpected}), outputs {zLength} (needs {zExpected}).");
        }
    }
}
