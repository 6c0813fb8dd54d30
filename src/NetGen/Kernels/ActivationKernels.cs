using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>
/// A layer's activation over a whole batch, <c>a = f(z)</c>, and its derivative, <c>dz = da ⊙ f'(z)</c>: one call per
/// layer from the generated code, the choice of function made once per call; ReLU vectorized.
/// </summary>
public static class ActivationKernels
{
    /// <summary>Writes <c>f(z)</c> to <paramref name="a"/>; <paramref name="parameter"/> is LeakyReLU's slope or ELU's alpha.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<T>(Activation activation, T parameter, ReadOnlySpan<T> z, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < z.Length)
        {
            throw new ArgumentException($"The output holds {a.Length} values; the pre-activations {z.Length}.", nameof(a));
        }
        switch (activation)
        {
            case Activation.ReLU:
                ReLU(z, a);
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < z.Length; i++) { a[i] = Activations.Sigmoid(z[i]); }
                break;
            case Activation.Tanh:
                for (int i = 0; i < z.Length; i++) { a[i] = Activations.Tanh(z[i]); }
                break;
            case Activation.LeakyReLU:
                for (int i = 0; i < z.Length; i++) { a[i] = Activations.LeakyReLU(z[i], parameter); }
                break;
            case Activation.ELU:
                for (int i = 0; i < z.Length; i++) { a[i] = Activations.ELU(z[i], parameter); }
                break;
            case Activation.SELU:
                for (int i = 0; i < z.Length; i++) { a[i] = Activations.SELU(z[i]); }
                break;
            default:
                z.CopyTo(a);
                break;
        }
    }

    /// <summary>Writes <c>da ⊙ f'(z)</c> to <paramref name="dz"/> (which may be <paramref name="da"/>'s memory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyByDerivative<T>(Activation activation, T parameter, ReadOnlySpan<T> da, ReadOnlySpan<T> z, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (da.Length != z.Length || dz.Length < z.Length)
        {
            throw new ArgumentException($"The gradients hold {da.Length} and {dz.Length} values; the pre-activations {z.Length}.", nameof(dz));
        }
        switch (activation)
        {
            case Activation.ReLU:
                ReLUDerivative(da, z, dz);
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < z.Length; i++) { dz[i] = da[i] * Activations.SigmoidDerivative(z[i]); }
                break;
            case Activation.Tanh:
                for (int i = 0; i < z.Length; i++) { dz[i] = da[i] * Activations.TanhDerivative(z[i]); }
                break;
            case Activation.LeakyReLU:
                for (int i = 0; i < z.Length; i++) { dz[i] = da[i] * Activations.LeakyReLUDerivative(z[i], parameter); }
                break;
            case Activation.ELU:
                for (int i = 0; i < z.Length; i++) { dz[i] = da[i] * Activations.ELUDerivative(z[i], parameter); }
                break;
            case Activation.SELU:
                for (int i = 0; i < z.Length; i++) { dz[i] = da[i] * Activations.SELUDerivative(z[i]); }
                break;
            default:
                da.CopyTo(dz);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReLU<T>(ReadOnlySpan<T> z, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var work = new ReLUWork<T>(z, a);
        VectorWidth.Run<T, ReLUWork<T>>(ref work);
    }

    /// <summary><see cref="ReLU{T}(ReadOnlySpan{T}, Span{T})"/>'s arguments, for <see cref="VectorWidth.Run"/>.</summary>
    private readonly ref struct ReLUWork<T>(ReadOnlySpan<T> z, Span<T> a) : IVectorWork<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _z = z;
        private readonly Span<T> _a = a;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> => ReLU<T, TVector, V>(_z, _a);
    }

    // Compiled fully optimized at once, as the dense kernels: unoptimized, each vector operation is a call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReLU<T, TVector, V>(ReadOnlySpan<T> z, Span<T> a)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int i = 0;
        if (V.IsAccelerated)
        {
            ref T z0 = ref MemoryMarshal.GetReference(z);
            ref T a0 = ref MemoryMarshal.GetReference(a);
            for (; i <= z.Length - V.Count; i += V.Count)
            {
                V.Store(V.Max(V.Load(ref z0, (nuint)i), default), ref a0, (nuint)i);
            }
        }
        for (; i < z.Length; i++)
        {
            a[i] = Activations.ReLU(z[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReLUDerivative<T>(ReadOnlySpan<T> da, ReadOnlySpan<T> z, Span<T> dz) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var work = new ReLUDerivativeWork<T>(da, z, dz);
        VectorWidth.Run<T, ReLUDerivativeWork<T>>(ref work);
    }

    /// <summary><see cref="ReLUDerivative{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/>'s arguments, for <see cref="VectorWidth.Run"/>.</summary>
    private readonly ref struct ReLUDerivativeWork<T>(ReadOnlySpan<T> da, ReadOnlySpan<T> z, Span<T> dz) : IVectorWork<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _da = da;
        private readonly ReadOnlySpan<T> _z = z;
        private readonly Span<T> _dz = dz;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> => ReLUDerivative<T, TVector, V>(_da, _z, _dz);
    }

    // Compiled fully optimized at once, as the dense kernels: unoptimized, each vector operation is a call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReLUDerivative<T, TVector, V>(ReadOnlySpan<T> da, ReadOnlySpan<T> z, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int i = 0;
        if (V.IsAccelerated)
        {
            ref T da0 = ref MemoryMarshal.GetReference(da);
            ref T z0 = ref MemoryMarshal.GetReference(z);
            ref T dz0 = ref MemoryMarshal.GetReference(dz);
            for (; i <= z.Length - V.Count; i += V.Count)
            {
                TVector positive = V.GreaterThan(V.Load(ref z0, (nuint)i), default);
                V.Store(V.And(V.Load(ref da0, (nuint)i), positive), ref dz0, (nuint)i);
            }
        }
        for (; i < z.Length; i++)
        {
            dz[i] = da[i] * Activations.ReLUDerivative(z[i]);
        }
    }
}
