using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>
/// The batch-normalization steps generated networks call. Data are row-major [batchSize, features]; statistics are per feature.
/// The layer computes <c>x̂ = (x − μ)·s</c> with <c>s = 1/√(σ² + ε)</c>, then <c>z = γ·x̂ + β</c>.
/// </summary>
public static class BatchNormalization
{
    /// <summary>Training mode: the batch's mean and (biased) variance per feature, then <c>x̂</c> and <c>z</c>.</summary>
    public static void ForwardTraining<T>(
        ReadOnlySpan<T> x, int batchSize, int features, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, T epsilon,
        Span<T> mean, Span<T> variance, Span<T> inverseStd, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T count = T.CreateTruncating(batchSize);
        mean.Clear();
        for (int sample = 0; sample < batchSize; sample++)
        {
            TensorPrimitives.Add(mean, x.Slice(sample * features, features), mean);
        }
        TensorPrimitives.Divide(mean, count, mean);
        variance.Clear();
        for (int sample = 0; sample < batchSize; sample++)
        {
            ReadOnlySpan<T> row = x.Slice(sample * features, features);
            for (int j = 0; j < features; j++)
            {
                T deviation = row[j] - mean[j];
                variance[j] += deviation * deviation;
            }
        }
        TensorPrimitives.Divide(variance, count, variance);
        for (int j = 0; j < features; j++)
        {
            inverseStd[j] = T.One / T.Sqrt(variance[j] + epsilon);
        }
        Normalize(x, batchSize, features, mean, inverseStd, gamma, beta, normalized, output);
    }

    /// <summary>Inference mode: normalizes with the running statistics.</summary>
    public static void ForwardInference<T>(
        ReadOnlySpan<T> x, int batchSize, int features, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, T epsilon,
        ReadOnlySpan<T> runningMean, ReadOnlySpan<T> runningVariance, Span<T> inverseStd, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < features; j++)
        {
            inverseStd[j] = T.One / T.Sqrt(runningVariance[j] + epsilon);
        }
        Normalize(x, batchSize, features, runningMean, inverseStd, gamma, beta, normalized, output);
    }

    /// <summary>
    /// Moves the running statistics toward the batch's: <c>running = (1 − m)·running + m·batch</c>, with the variance made
    /// unbiased (× n/(n − 1)) as PyTorch does.
    /// </summary>
    public static void UpdateRunningStatistics<T>(
        ReadOnlySpan<T> mean, ReadOnlySpan<T> variance, int batchSize, T momentum, Span<T> runningMean, Span<T> runningVariance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T keep = T.One - momentum;
        T unbias = T.CreateTruncating(batchSize) / T.CreateTruncating(batchSize - 1);
        for (int j = 0; j < mean.Length; j++)
        {
            runningMean[j] = keep * runningMean[j] + momentum * mean[j];
            runningVariance[j] = keep * runningVariance[j] + momentum * variance[j] * unbias;
        }
    }

    /// <summary>
    /// Training mode backward: <c>∂γ += Σ dz·x̂</c>, <c>∂β += Σ dz</c> over the batch, and adds to <paramref name="inputGradient"/>
    /// <c>dx = γ·s·(dz − mean(dz) − x̂·mean(dz·x̂))</c>, the gradient through the batch statistics. An empty
    /// <paramref name="inputGradient"/> skips it (the layer reads the network's inputs).
    /// </summary>
    public static void BackwardTraining<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, int batchSize, int features,
        Span<T> gammaGradient, Span<T> betaGradient, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        AccumulateScaleAndShiftGradients(outputGradient, normalized, batchSize, features, gammaGradient, betaGradient);
        if (inputGradient.IsEmpty)
        {
            return;
        }
        T count = T.CreateTruncating(batchSize);
        for (int j = 0; j < features; j++)
        {
            T sumGradient = T.Zero, sumGradientTimesNormalized = T.Zero;
            for (int sample = 0; sample < batchSize; sample++)
            {
                T g = outputGradient[sample * features + j];
                sumGradient += g;
                sumGradientTimesNormalized += g * normalized[sample * features + j];
            }
            T meanGradient = sumGradient / count, meanGradientTimesNormalized = sumGradientTimesNormalized / count;
            T scale = gamma[j] * inverseStd[j];
            for (int sample = 0; sample < batchSize; sample++)
            {
                int i = sample * features + j;
                inputGradient[i] += scale * (outputGradient[i] - meanGradient - normalized[i] * meanGradientTimesNormalized);
            }
        }
    }

    /// <summary>Inference mode backward: the statistics are constants, so <c>dx = γ·s·dz</c>.</summary>
    public static void BackwardInference<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, int batchSize, int features,
        Span<T> gammaGradient, Span<T> betaGradient, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        AccumulateScaleAndShiftGradients(outputGradient, normalized, batchSize, features, gammaGradient, betaGradient);
        if (inputGradient.IsEmpty)
        {
            return;
        }
        for (int sample = 0; sample < batchSize; sample++)
        {
            for (int j = 0; j < features; j++)
            {
                int i = sample * features + j;
                inputGradient[i] += gamma[j] * inverseStd[j] * outputGradient[i];
            }
        }
    }

    private static void Normalize<T>(
        ReadOnlySpan<T> x, int batchSize, int features, ReadOnlySpan<T> mean, ReadOnlySpan<T> inverseStd,
        ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int sample = 0; sample < batchSize; sample++)
        {
            for (int j = 0; j < features; j++)
            {
                int i = sample * features + j;
                T xHat = (x[i] - mean[j]) * inverseStd[j];
                normalized[i] = xHat;
                output[i] = gamma[j] * xHat + beta[j];
            }
        }
    }

    private static void AccumulateScaleAndShiftGradients<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, int batchSize, int features, Span<T> gammaGradient, Span<T> betaGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int sample = 0; sample < batchSize; sample++)
        {
            for (int j = 0; j < features; j++)
            {
                int i = sample * features + j;
                gammaGradient[j] += outputGradient[i] * normalized[i];
                betaGradient[j] += outputGradient[i];
            }
        }
    }
}
