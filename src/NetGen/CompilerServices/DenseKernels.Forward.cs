using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.CompilerServices;

public static partial class DenseKernels
{
    /// <summary>
    /// <c>z[s, o] = b[o] + Σ_k W[o, k]·x[s, k]</c>, split over threads by units for large layers (<see cref="KernelThreading"/>);
    /// <c>z = W·x</c> when <paramref name="biases"/> is empty (a layer without biases, a skip projection).
    /// </summary>
    /// <exception cref="ArgumentException">A span is shorter than the sizes need, or the biases are neither empty nor one per unit.</exception>
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
        if (Unsafe.IsNullRef(ref b0))
        {
            return; // no biases: the pointer of an empty span
        }
        ReadOnlySpan<T> biases = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b0, unitStart), unitEnd - unitStart);
        for (s = 0; s < batch; s++)
        {
            Span<T> row = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref z0, s * units + unitStart), unitEnd - unitStart);
            Kernels.Add(row, biases, row);
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
}
