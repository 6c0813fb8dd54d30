using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// The layer-normalization steps generated networks call. Data are row-major [batchSize, features]; statistics are per sample.
/// The layer computes <c>x̂ = (x − μ)·s</c> with <c>s = 1/√(σ² + ε)</c> over the sample's features, then <c>z = γ·x̂ + β</c>.
/// </summary>
public static class LayerNormalization
{
    /// <summary>Each sample's mean and (biased) variance over its features, then <c>x̂</c> and <c>z</c>.</summary>
    public static void Forward<T>(
        ReadOnlySpan<T> x, int batchSize, int features, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, T epsilon,
        Span<T> inverseStd, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T count = T.CreateTruncating(features);
        for (int sample = 0; sample < batchSize; sample++)
        {
            ReadOnlySpan<T> row = x.Slice(sample * features, features);
            T mean = T.Zero;
            foreach (T value in row)
            {
                mean += value;
            }
            mean /= count;
            T variance = T.Zero;
            foreach (T value in row)
            {
                variance += (value - mean) * (value - mean);
            }
            variance /= count;
            T scale = T.One / T.Sqrt(variance + epsilon);
            inverseStd[sample] = scale;
            for (int j = 0; j < features; j++)
            {
                T xHat = (row[j] - mean) * scale;
                normalized[sample * features + j] = xHat;
                output[sample * features + j] = gamma[j] * xHat + beta[j];
            }
        }
    }

    /// <summary>
    /// <c>∂γ += Σ dz·x̂</c>, <c>∂β += Σ dz</c> over the batch, and adds to <paramref name="inputGradient"/>, with <c>g = γ·dz</c>,
    /// <c>dx = s·(g − mean(g) − x̂·mean(g·x̂))</c>, means over the sample's features. An empty <paramref name="inputGradient"/> skips it.
    /// </summary>
    public static void Backward<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, int batchSize, int features,
        Span<T> gammaGradient, Span<T> betaGradient, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T count = T.CreateTruncating(features);
        for (int sample = 0; sample < batchSize; sample++)
        {
            int start = sample * features;
            T sumG = T.Zero, sumGTimesNormalized = T.Zero;
            for (int j = 0; j < features; j++)
            {
                T dz = outputGradient[start + j];
                gammaGradient[j] += dz * normalized[start + j];
                betaGradient[j] += dz;
                T g = gamma[j] * dz;
                sumG += g;
                sumGTimesNormalized += g * normalized[start + j];
            }
            if (inputGradient.IsEmpty)
            {
                continue;
            }
            T meanG = sumG / count, meanGTimesNormalized = sumGTimesNormalized / count;
            for (int j = 0; j < features; j++)
            {
                T g = gamma[j] * outputGradient[start + j];
                inputGradient[start + j] += inverseStd[sample] * (g - meanG - normalized[start + j] * meanGTimesNormalized);
            }
        }
    }
}
