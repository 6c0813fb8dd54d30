using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

public static partial class DenseKernels
{
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
}
