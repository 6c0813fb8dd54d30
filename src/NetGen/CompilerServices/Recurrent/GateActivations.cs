using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

/// <summary>
/// The recurrent cells' gate nonlinearities over a span, vectorized. Sigmoid is <see cref="TensorPrimitives.Sigmoid{T}(ReadOnlySpan{T}, Span{T})"/>,
/// as <see cref="ActivationKernels"/> uses it. Tanh in <see cref="double"/> stays <c>Math.Tanh</c> per element for the
/// reason <see cref="ActivationKernels"/> gives (<c>TensorPrimitives.Tanh</c> is off in the last bits and gives −0 for
/// tiny values); in <see cref="float"/>, where <c>TensorPrimitives.Tanh</c> is worse (tanh(0) = 6e-8), it is computed in
/// double vectors, <c>(1 − e)/(1 + e)</c> with <c>e = exp(−2|x|)</c>, which is within an ulp of float's correctly rounded
/// tanh wherever float can tell (the cancellation in <c>1 − e</c> costs double's digits, not float's), and <c>x</c> itself
/// below 2⁻¹² (where tanh x = x to float's precision).
/// </summary>
internal static class GateActivations
{
    /// <summary><c>y = σ(x)</c>; <paramref name="x"/> and <paramref name="y"/> may be the same span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Sigmoid(x, y);

    /// <summary><c>y = tanh(x)</c>; <paramref name="x"/> and <paramref name="y"/> may be the same span.</summary>
    internal static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            TanhSingle(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
            return;
        }
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = T.Tanh(x[k]);
        }
    }

    /// <summary>Below this magnitude tanh x rounds to x in float: x³/3 is under a quarter of x's ulp.</summary>
    private const double TinySingle = 1.0 / 4096;

    private static void TanhSingle(ReadOnlySpan<float> x, Span<float> y)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref float source = ref MemoryMarshal.GetReference(x);
            ref float target = ref MemoryMarshal.GetReference(y);
            for (; k <= x.Length - Vector<float>.Count; k += Vector<float>.Count)
            {
                Vector<float> v = Vector.LoadUnsafe(ref source, (nuint)k);
                Vector.Widen(v, out Vector<double> low, out Vector<double> high);
                Vector.Narrow(TanhDouble(low), TanhDouble(high)).StoreUnsafe(ref target, (nuint)k);
            }
        }
        for (; k < x.Length; k++)
        {
            y[k] = MathF.Tanh(x[k]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> TanhDouble(Vector<double> x)
    {
        Vector<double> magnitude = Vector.Abs(x);
        Vector<double> e = Vector.Exp(magnitude * -2.0);
        Vector<double> t = (Vector<double>.One - e) / (Vector<double>.One + e);
        // The sign back from x (tanh is odd); x itself where it is tiny, and where it is NaN (t is NaN then too).
        Vector<double> signed = Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero), -t, t);
        return Vector.ConditionalSelect(Vector.LessThan(magnitude, new Vector<double>(TinySingle)), x, signed);
    }
}
