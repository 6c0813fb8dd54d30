using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The vector loops generated networks call with literal lengths, by reference and without bounds checks: the generated
/// code validates its arguments first. They are inlined into the generated layer methods, where the length becomes a constant.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UnsafeKernels
{
    /// <summary>Returns <c>Σ x[i]·y[i]</c> over <paramref name="length"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Dot<T>(ref T x, ref T y, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<T>.Count)
        {
            // Vector<T> stays 256 bits wide on AVX-512 hardware unless configured otherwise: use the full width explicitly.
            Vector512<T> acc0 = Vector512<T>.Zero, acc1 = Vector512<T>.Zero;
            for (; i <= length - 2 * Vector512<T>.Count; i += 2 * Vector512<T>.Count)
            {
                acc0 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i), acc0);
                acc1 = Simd512<T>.MultiplyAdd(
                    Vector512.LoadUnsafe(ref x, (nuint)(i + Vector512<T>.Count)), Vector512.LoadUnsafe(ref y, (nuint)(i + Vector512<T>.Count)), acc1);
            }
            for (; i <= length - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                acc0 = Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i), acc0);
            }
            sum = Vector512.Sum(acc0 + acc1);
        }
        else if (Vector.IsHardwareAccelerated && length >= Vector<T>.Count)
        {
            // Two accumulators hide the latency of the fused multiply-add.
            Vector<T> acc0 = Vector<T>.Zero, acc1 = Vector<T>.Zero;
            for (; i <= length - 2 * Vector<T>.Count; i += 2 * Vector<T>.Count)
            {
                acc0 = FusedMultiplyAdd(Vector.LoadUnsafe(ref x, (nuint)i), Vector.LoadUnsafe(ref y, (nuint)i), acc0);
                acc1 = FusedMultiplyAdd(
                    Vector.LoadUnsafe(ref x, (nuint)(i + Vector<T>.Count)), Vector.LoadUnsafe(ref y, (nuint)(i + Vector<T>.Count)), acc1);
            }
            for (; i <= length - Vector<T>.Count; i += Vector<T>.Count)
            {
                acc0 = FusedMultiplyAdd(Vector.LoadUnsafe(ref x, (nuint)i), Vector.LoadUnsafe(ref y, (nuint)i), acc0);
            }
            sum = Vector.Sum(acc0 + acc1);
        }
        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        }
        return sum;
    }

    /// <summary>Adds <c>scale·source[i]</c> to <c>destination[i]</c> over <paramref name="length"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd<T>(ref T destination, ref T source, T scale, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<T>.Count)
        {
            Vector512<T> scale512 = Vector512.Create(scale);
            for (; i <= length - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                Simd512<T>.MultiplyAdd(Vector512.LoadUnsafe(ref source, (nuint)i), scale512, Vector512.LoadUnsafe(ref destination, (nuint)i))
                    .StoreUnsafe(ref destination, (nuint)i);
            }
        }
        else if (Vector.IsHardwareAccelerated && length >= Vector<T>.Count)
        {
            var scaleVector = new Vector<T>(scale);
            for (; i <= length - Vector<T>.Count; i += Vector<T>.Count)
            {
                FusedMultiplyAdd(Vector.LoadUnsafe(ref source, (nuint)i), scaleVector, Vector.LoadUnsafe(ref destination, (nuint)i))
                    .StoreUnsafe(ref destination, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            Unsafe.Add(ref destination, i) += scale * Unsafe.Add(ref source, i);
        }
    }

    /// <summary><c>a·b + c</c> in one rounding; the type test is resolved by the JIT, which keeps only one branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> FusedMultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Vector<float> result = Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>());
            return result.As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            Vector<double> result = Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>());
            return result.As<double, T>();
        }
        return a * b + c;
    }
}
