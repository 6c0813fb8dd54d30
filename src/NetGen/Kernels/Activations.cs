using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen;

/// <summary>The activation functions and their derivatives, as scalar functions the generated layers fuse into their loops.</summary>
public static class Activations
{
    /// <summary>The λ of <see cref="Activation.SELU"/> (Klambauer et al. 2017).</summary>
    public const double SeluLambda = 1.0507009873554804934193349852946;

    /// <summary>The α of <see cref="Activation.SELU"/> (Klambauer et al. 2017).</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717;

    /// <summary>1 / (1 + e^-z), computed without overflow for large |z|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sigmoid<T>(T z) where T : IFloatingPointIeee754<T>
    {
        if (z >= T.Zero)
        {
            return T.One / (T.One + T.Exp(-z));
        }
        T e = T.Exp(z);
        return e / (T.One + e);
    }

    /// <summary>σ'(z) = σ(z)·(1 − σ(z)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidDerivative<T>(T z) where T : IFloatingPointIeee754<T>
    {
        T s = Sigmoid(z);
        return s * (T.One - s);
    }

    /// <summary>tanh(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh<T>(T z) where T : IFloatingPointIeee754<T> => T.Tanh(z);

    /// <summary>1 − tanh²(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhDerivative<T>(T z) where T : IFloatingPointIeee754<T>
    {
        T t = T.Tanh(z);
        return T.One - t * t;
    }

    /// <summary>max(0, z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReLU<T>(T z) where T : IFloatingPointIeee754<T> => z > T.Zero ? z : T.Zero;

    /// <summary>1 for z &gt; 0, else 0 (the subgradient at 0 is taken as 0, as in PyTorch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReLUDerivative<T>(T z) where T : IFloatingPointIeee754<T> => z > T.Zero ? T.One : T.Zero;

    /// <summary>z for z &gt; 0, else slope·z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LeakyReLU<T>(T z, T slope) where T : IFloatingPointIeee754<T> => z > T.Zero ? z : slope * z;

    /// <summary>1 for z &gt; 0, else slope.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LeakyReLUDerivative<T>(T z, T slope) where T : IFloatingPointIeee754<T> => z > T.Zero ? T.One : slope;

    /// <summary>z for z &gt; 0, else alpha·(e^z − 1), with e^z − 1 computed without cancellation for small |z|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ELU<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? z : alpha * AccurateMath.ExpM1(z);

    /// <summary>1 for z &gt; 0, else alpha·e^z (which, unlike e^z − 1, has no cancellation near 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ELUDerivative<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? T.One : alpha * T.Exp(z);

    /// <summary>λ·z for z &gt; 0, else λ·α·(e^z − 1), with e^z − 1 computed without cancellation for small |z|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SELU<T>(T z) where T : IFloatingPointIeee754<T>
        => T.CreateTruncating(SeluLambda) * (z > T.Zero ? z : T.CreateTruncating(SeluAlpha) * AccurateMath.ExpM1(z));

    /// <summary>λ for z &gt; 0, else λ·α·e^z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SELUDerivative<T>(T z) where T : IFloatingPointIeee754<T>
        => T.CreateTruncating(SeluLambda) * (z > T.Zero ? T.One : T.CreateTruncating(SeluAlpha) * T.Exp(z));

    /// <summary>softmax(z)_i = e^(z_i − max z) / Σ_j e^(z_j − max z), written to <paramref name="probabilities"/> (which may be <paramref name="logits"/>' own memory).</summary>
    public static void Softmax<T>(ReadOnlySpan<T> logits, Span<T> probabilities) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        foreach (T logit in logits)
        {
            max = T.Max(max, logit);
        }
        T sum = T.Zero;
        for (int i = 0; i < logits.Length; i++)
        {
            T e = T.Exp(logits[i] - max);
            probabilities[i] = e;
            sum += e;
        }
        for (int i = 0; i < logits.Length; i++)
        {
            probabilities[i] /= sum;
        }
    }
}
