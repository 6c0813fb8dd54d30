using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>
/// A layer's activation over a whole batch, <c>a = f(z)</c>, and its derivative, <c>dz = da ⊙ f'(z)</c>: one call per
/// layer from the generated code, the choice of function made once per call; ReLU, sigmoid and ReLU's derivative vectorized.
/// </summary>
public static class ActivationKernels
{
    /// <summary>Writes <c>f(z)</c> to <paramref name="a"/>, for an activation without a parameter (all but LeakyReLU and ELU).</summary>
    public static void Apply<T>(Activation activation, ReadOnlySpan<T> z, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        Apply(activation, T.Zero, z, a);

    /// <summary>Writes <c>da ⊙ f'(z)</c> to <paramref name="dz"/>, for an activation without a parameter (all but LeakyReLU and ELU).</summary>
    public static void MultiplyByDerivative<T>(Activation activation, ReadOnlySpan<T> da, ReadOnlySpan<T> z, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        MultiplyByDerivative(activation, T.Zero, da, z, dz);

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
            // TensorPrimitives where ElementwiseBenchmarks measured it faster than NetGen's loops (floats, median, 784 / 16,384
            // values): ReLU 38 / 1,267 ns against 49 / 1,915 ns for the vector loop; sigmoid 413 / 9,051 ns against 3,225 /
            // 67,504 ns for the scalar calls.
            case Activation.ReLU:
                TensorPrimitives.Max(z, T.Zero, a[..z.Length]);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(z, a[..z.Length]);
                break;
            case Activation.Tanh:
                // Kept although TensorPrimitives.Tanh took 502 / 10,865 ns against 13,805 / 255,354 ns: in double it gave
                // tanh(1e-300) = −0 and is 1.9e-15 relative off Math.Tanh at z = −0.03 (ActivationAccuracyTests).
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
