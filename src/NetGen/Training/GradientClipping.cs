using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// Gradient clipping, the remedy for exploding gradients: by value (each element clamped) or by global norm (the whole
/// gradient scaled down, as PyTorch's <c>torch.nn.utils.clip_grad_norm_</c>). <see cref="Trainer.Fit"/> applies them
/// when <see cref="TrainingOptions.ClipGradientValue"/> or <see cref="TrainingOptions.ClipGradientNorm"/> is set.
/// </summary>
public static class GradientClipping
{
    /// <summary>Clamps every element of <paramref name="gradients"/> to [−<paramref name="maxValue"/>, <paramref name="maxValue"/>] in place (NaN stays NaN).</summary>
    /// <param name="gradients">The gradients, changed in place.</param>
    /// <param name="maxValue">The largest magnitude kept; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is not positive, is NaN or is infinite.</exception>
    public static void ClipByValue<T>(Span<T> gradients, double maxValue) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLimit(maxValue, nameof(maxValue));
        T limit = T.CreateSaturating(maxValue);
        TensorPrimitives.Clamp(gradients, -limit, limit, gradients);
    }

    /// <summary>
    /// Scales <paramref name="gradients"/> in place so that their L2 norm (over all elements) is at most <paramref name="maxNorm"/>,
    /// and returns the norm before clipping. As PyTorch, the factor is <c>maxNorm / (norm + 1e-6)</c>, applied only when it
    /// is below 1; it is then made a few units in the last place of <typeparamref name="T"/> smaller, so that rounding cannot
    /// leave the norm above <paramref name="maxNorm"/>. The norm is accumulated in <see cref="double"/>. A NaN or infinite
    /// norm leaves the gradients unchanged (scaling cannot repair them) and is returned.
    /// </summary>
    /// <param name="gradients">The gradients, changed in place.</param>
    /// <param name="maxNorm">The largest global norm kept; positive and finite.</param>
    /// <returns>The L2 norm of <paramref name="gradients"/> before clipping.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not positive, is NaN or is infinite.</exception>
    public static double ClipByGlobalNorm<T>(Span<T> gradients, double maxNorm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLimit(maxNorm, nameof(maxNorm));
        double norm = Math.Sqrt(SumOfSquares<T>(gradients));
        double factor = maxNorm / (norm + 1e-6);
        if (factor < 1 && double.IsFinite(norm))
        {
            double unitRoundoff = double.CreateTruncating(T.BitIncrement(T.One) - T.One);
            T scale = T.CreateTruncating(factor * (1 - 4 * unitRoundoff));
            TensorPrimitives.Multiply(gradients, scale, gradients);
        }
        return norm;
    }

    /// <summary>The sum of the squares of <paramref name="values"/>, accumulated in <see cref="double"/> (vectorized for <see cref="float"/>).</summary>
    internal static double SumOfSquares<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return TensorPrimitives.SumOfSquares(MemoryMarshal.Cast<T, double>(values));
        }
        if (typeof(T) == typeof(float))
        {
            return SumOfSquaresWidened(MemoryMarshal.Cast<T, float>(values));
        }
        double sum = 0;
        foreach (T value in values)
        {
            double x = double.CreateTruncating(value);
            sum += x * x;
        }
        return sum;
    }

    private static double SumOfSquaresWidened(ReadOnlySpan<float> values)
    {
        double sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            Vector<double> accumulator = Vector<double>.Zero;
            ReadOnlySpan<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            foreach (Vector<float> vector in vectors)
            {
                Vector.Widen(vector, out Vector<double> low, out Vector<double> high);
                accumulator += low * low + high * high;
            }
            sum = Vector.Sum(accumulator);
            i = vectors.Length * Vector<float>.Count;
        }
        for (; i < values.Length; i++)
        {
            double x = values[i];
            sum += x * x;
        }
        return sum;
    }

    /// <summary>Checks a clipping limit: positive and finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    internal static void CheckLimit(double limit, string parameterName)
    {
        if (!(limit > 0) || double.IsInfinity(limit))
        {
            throw new ArgumentOutOfRangeException(parameterName, limit, $"The clipping limit is {limit}; it must be positive and finite.");
        }
    }
}
