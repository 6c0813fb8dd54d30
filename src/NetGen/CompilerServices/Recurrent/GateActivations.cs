using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The recurrent cells' gate nonlinearities over a span, vectorized. Sigmoid is <see cref="TensorPrimitives.Sigmoid{T}(ReadOnlySpan{T}, Span{T})"/>,
/// as <see cref="ActivationKernels"/> uses it. Tanh in <see cref="double"/> stays <c>Math.Tanh</c> per element for the
/// reason <see cref="ActivationKernels"/> gives (<c>TensorPrimitives.Tanh</c> is off in the last bits and gives −0 for
/// tiny values); in <see cref="float"/>, where <c>TensorPrimitives.Tanh</c> is worse (tanh(0) = 6e-8), it is
/// <c>±(1 − 2/(1 + e^{2|x|}))</c> from 0.55 on and its Taylor polynomial below, within 2 ulps of the correctly rounded value
/// (<c>GateActivationsTests</c>), at about the cost of a sigmoid.
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

    /// <summary>Below this magnitude float's tanh is a polynomial: above it, <c>1 − 2/(1 + e^{2|x|})</c> is at least 0.5 and loses nothing.</summary>
    private const float PolynomialBound = 0.55f;

    /// <summary>Below this magnitude tanh x rounds to x in float: x³/3 is under a quarter of x's ulp.</summary>
    private const float Tiny = 1f / 4096;

    // tanh x = x + x³·P(x²) below the bound: the Taylor series to x¹⁷ (the next term is under 6e-9 of tanh x there).
    private const float C3 = -0.333333333333333333f, C5 = 0.133333333333333333f, C7 = -0.0539682539682539683f, C9 = 0.0218694885361552028f;
    private const float C11 = -0.00886323552990219657f, C13 = 0.00359212803657248102f, C15 = -0.00145583438705131827f, C17 = 0.000590027440945586f;

    private static void TanhSingle(ReadOnlySpan<float> x, Span<float> y)
    {
        int k = 0;
        ref float source = ref MemoryMarshal.GetReference(x);
        ref float target = ref MemoryMarshal.GetReference(y);
        if (Vector512.IsHardwareAccelerated) // Vector<T> stays 256 bits wide on AVX-512 machines
        {
            for (; k <= x.Length - Vector512<float>.Count; k += Vector512<float>.Count)
            {
                TanhSingle(Vector512.LoadUnsafe(ref source, (nuint)k)).StoreUnsafe(ref target, (nuint)k);
            }
        }
        if (Vector.IsHardwareAccelerated)
        {
            for (; k <= x.Length - Vector<float>.Count; k += Vector<float>.Count)
            {
                TanhSingle(Vector.LoadUnsafe(ref source, (nuint)k)).StoreUnsafe(ref target, (nuint)k);
            }
        }
        for (; k < x.Length; k++)
        {
            y[k] = MathF.Tanh(x[k]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> TanhSingle(Vector<float> x)
    {
        Vector<float> magnitude = Vector.Abs(x);
        // 2/(1 + ∞) = 0 past exp's overflow: tanh = ±1; NaN stays NaN (and fails the comparison below).
        Vector<float> large = Vector<float>.One - new Vector<float>(2f) / (Vector<float>.One + Vector.Exp(magnitude + magnitude));
        Vector<float> square = x * x;
        Vector<float> p = new Vector<float>(C17) * square + new Vector<float>(C15);
        p = p * square + new Vector<float>(C13);
        p = p * square + new Vector<float>(C11);
        p = p * square + new Vector<float>(C9);
        p = p * square + new Vector<float>(C7);
        p = p * square + new Vector<float>(C5);
        p = p * square + new Vector<float>(C3);
        // x itself where tanh x rounds to it: x + x³·P would turn −0 into +0.
        Vector<float> small = Vector.ConditionalSelect(Vector.LessThan(magnitude, new Vector<float>(Tiny)), x, x + x * square * p);
        Vector<float> signed = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -large, large);
        return Vector.ConditionalSelect(Vector.LessThan(magnitude, new Vector<float>(PolynomialBound)), small, signed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TanhSingle(Vector512<float> x)
    {
        Vector512<float> magnitude = Vector512.Abs(x);
        // 2/(1 + ∞) = 0 past exp's overflow: tanh = ±1; NaN stays NaN (and fails the comparison below).
        Vector512<float> large = Vector512<float>.One - Vector512.Create(2f) / (Vector512<float>.One + Vector512.Exp(magnitude + magnitude));
        Vector512<float> square = x * x;
        Vector512<float> p = Vector512.Create(C17) * square + Vector512.Create(C15);
        p = p * square + Vector512.Create(C13);
        p = p * square + Vector512.Create(C11);
        p = p * square + Vector512.Create(C9);
        p = p * square + Vector512.Create(C7);
        p = p * square + Vector512.Create(C5);
        p = p * square + Vector512.Create(C3);
        // x itself where tanh x rounds to it: x + x³·P would turn −0 into +0.
        Vector512<float> small = Vector512.ConditionalSelect(Vector512.LessThan(magnitude, Vector512.Create(Tiny)), x, x + x * square * p);
        Vector512<float> signed = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), -large, large);
        return Vector512.ConditionalSelect(Vector512.LessThan(magnitude, Vector512.Create(PolynomialBound)), small, signed);
    }
}
