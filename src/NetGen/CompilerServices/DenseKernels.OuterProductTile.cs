using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

public static partial class DenseKernels
{
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
}
