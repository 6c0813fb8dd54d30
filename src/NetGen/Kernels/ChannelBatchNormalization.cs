using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Batch normalization over the channels of NCHW images, as PyTorch's <c>nn.BatchNorm2d</c>: data <c>[batchSize, channels,
/// pixels]</c> (pixels = height·width), one mean, variance, γ and β per channel, the statistics over the batch and the
/// pixels. The same steps and argument meanings as <see cref="BatchNormalization"/>'s, with <c>features</c> replaced by
/// <c>channels, pixels</c>; the running statistics move with <see cref="BatchNormalization.UpdateRunningStatistics"/>,
/// given <c>batchSize·pixels</c> as the count.
/// </summary>
public static class ChannelBatchNormalization
{
    /// <summary>Training mode: the batch's mean and (biased) variance per channel, then <c>x̂</c> and <c>z</c>.</summary>
    public static void ForwardTraining<T>(
        ReadOnlySpan<T> x, int batchSize, int channels, int pixels, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, T epsilon,
        Span<T> mean, Span<T> variance, Span<T> inverseStd, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>Inference mode: normalizes with the running statistics.</summary>
    public static void ForwardInference<T>(
        ReadOnlySpan<T> x, int batchSize, int channels, int pixels, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, T epsilon,
        ReadOnlySpan<T> runningMean, ReadOnlySpan<T> runningVariance, Span<T> inverseStd, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>The gradients through a training-mode forward pass (the statistics depend on the batch), as <see cref="BatchNormalization.BackwardTraining"/>.</summary>
    public static void BackwardTraining<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, int batchSize, int channels, int pixels,
        Span<T> gammaGradient, Span<T> betaGradient, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>The gradients through an inference-mode forward pass (fixed statistics), as <see cref="BatchNormalization.BackwardInference"/>.</summary>
    public static void BackwardInference<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, int batchSize, int channels, int pixels,
        Span<T> gammaGradient, Span<T> betaGradient, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");
}
