using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using NetGen.CompilerServices;

namespace NetGen;

/// <summary>
/// Batch normalization over the channels of NCHW images, as PyTorch's <c>nn.BatchNorm2d</c>: data <c>[batchSize, channels,
/// pixels]</c> (pixels = height·width), one mean, variance, γ and β per channel, the statistics over the batch and the
/// pixels. The same steps and argument meanings as <see cref="BatchNormalization"/>'s, with <c>features</c> replaced by
/// <c>channels, pixels</c>; the running statistics move with <see cref="BatchNormalization.UpdateRunningStatistics"/>,
/// given <c>batchSize·pixels</c> as the count.
/// </summary>
/// <remarks>
/// With the count n = batchSize·pixels, <see cref="BatchNormalization.UpdateRunningStatistics"/> unbiases the variance by
/// n/(n − 1), as <c>nn.BatchNorm2d</c> does (its count is the values per channel, batch × height × width). Every loop runs
/// along one channel's pixels of one sample, a contiguous row, in vectors.
/// </remarks>
public static class ChannelBatchNormalization
{
    /// <summary>Training mode: the batch's mean and (biased) variance per channel, then <c>x̂</c> and <c>z</c>.</summary>
    /// <exception cref="ArgumentException">A span's length is not the one the sizes give.</exception>
    public static void ForwardTraining<T>(
        ReadOnlySpan<T> x, int batchSize, int channels, int pixels, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, T epsilon,
        Span<T> mean, Span<T> variance, Span<T> inverseStd, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckForward(x.Length, gamma.Length, beta.Length, inverseStd.Length, normalized.Length, output.Length, batchSize, channels, pixels);
        SpanLengths.Check(mean.Length, channels, nameof(mean), "channels");
        SpanLengths.Check(variance.Length, channels, nameof(variance), "channels");
        T count = T.CreateTruncating(batchSize) * T.CreateTruncating(pixels);
        for (int c = 0; c < channels; c++)
        {
            T sum = T.Zero;
            for (int sample = 0; sample < batchSize; sample++)
            {
                sum += TensorPrimitives.Sum(Plane(x, sample, c, channels, pixels));
            }
            T channelMean = sum / count;
            T squares = T.Zero;
            for (int sample = 0; sample < batchSize; sample++)
            {
                squares += SumOfSquaredDeviations(Plane(x, sample, c, channels, pixels), channelMean);
            }
            mean[c] = channelMean;
            variance[c] = squares / count;
            inverseStd[c] = T.One / T.Sqrt(variance[c] + epsilon);
        }
        Normalize(x, batchSize, channels, pixels, mean, inverseStd, gamma, beta, normalized, output);
    }

    /// <summary>Inference mode: normalizes with the running statistics.</summary>
    /// <exception cref="ArgumentException">A span's length is not the one the sizes give.</exception>
    public static void ForwardInference<T>(
        ReadOnlySpan<T> x, int batchSize, int channels, int pixels, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, T epsilon,
        ReadOnlySpan<T> runningMean, ReadOnlySpan<T> runningVariance, Span<T> inverseStd, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckForward(x.Length, gamma.Length, beta.Length, inverseStd.Length, normalized.Length, output.Length, batchSize, channels, pixels);
        SpanLengths.Check(runningMean.Length, channels, nameof(runningMean), "channels");
        SpanLengths.Check(runningVariance.Length, channels, nameof(runningVariance), "channels");
        for (int c = 0; c < channels; c++)
        {
            inverseStd[c] = T.One / T.Sqrt(runningVariance[c] + epsilon);
        }
        Normalize(x, batchSize, channels, pixels, runningMean, inverseStd, gamma, beta, normalized, output);
    }

    /// <summary>The gradients through a training-mode forward pass (the statistics depend on the batch), as <see cref="BatchNormalization.BackwardTraining"/>.</summary>
    /// <remarks>
    /// <c>∂γ += Σ dz·x̂</c> and <c>∂β += Σ dz</c> over the batch and the pixels, and adds to <paramref name="inputGradient"/>
    /// <c>dx = γ·s·(dz − mean(dz) − x̂·mean(dz·x̂))</c>, the means per channel over the batch and the pixels. An empty
    /// <paramref name="inputGradient"/> skips it (the layer reads the network's inputs).
    /// </remarks>
    /// <exception cref="ArgumentException">A span's length is not the one the sizes give.</exception>
    public static void BackwardTraining<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, int batchSize, int channels, int pixels,
        Span<T> gammaGradient, Span<T> betaGradient, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBackward(outputGradient.Length, normalized.Length, inverseStd.Length, gamma.Length, gammaGradient.Length, betaGradient.Length, inputGradient.Length,
            batchSize, channels, pixels);
        T count = T.CreateTruncating(batchSize) * T.CreateTruncating(pixels);
        for (int c = 0; c < channels; c++)
        {
            T sumGradient = T.Zero, sumGradientTimesNormalized = T.Zero;
            for (int sample = 0; sample < batchSize; sample++)
            {
                ReadOnlySpan<T> dz = Plane(outputGradient, sample, c, channels, pixels);
                sumGradient += TensorPrimitives.Sum(dz);
                sumGradientTimesNormalized += TensorPrimitives.Dot(dz, Plane(normalized, sample, c, channels, pixels));
            }
            gammaGradient[c] += sumGradientTimesNormalized;
            betaGradient[c] += sumGradient;
            if (inputGradient.IsEmpty)
            {
                continue;
            }
            T meanGradient = sumGradient / count, meanGradientTimesNormalized = sumGradientTimesNormalized / count;
            T scale = gamma[c] * inverseStd[c];
            for (int sample = 0; sample < batchSize; sample++)
            {
                AddCenteredGradient(Plane(outputGradient, sample, c, channels, pixels), Plane(normalized, sample, c, channels, pixels),
                    scale, meanGradient, meanGradientTimesNormalized, Plane(inputGradient, sample, c, channels, pixels));
            }
        }
    }

    /// <summary>The gradients through an inference-mode forward pass (fixed statistics), as <see cref="BatchNormalization.BackwardInference"/>.</summary>
    /// <remarks>
    /// <c>∂γ += Σ dz·x̂</c> and <c>∂β += Σ dz</c> over the batch and the pixels; adds <c>dx = γ·s·dz</c> to
    /// <paramref name="inputGradient"/> unless it is empty.
    /// </remarks>
    /// <exception cref="ArgumentException">A span's length is not the one the sizes give.</exception>
    public static void BackwardInference<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> normalized, ReadOnlySpan<T> inverseStd, ReadOnlySpan<T> gamma, int batchSize, int channels, int pixels,
        Span<T> gammaGradient, Span<T> betaGradient, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBackward(outputGradient.Length, normalized.Length, inverseStd.Length, gamma.Length, gammaGradient.Length, betaGradient.Length, inputGradient.Length,
            batchSize, channels, pixels);
        for (int c = 0; c < channels; c++)
        {
            T scale = gamma[c] * inverseStd[c];
            for (int sample = 0; sample < batchSize; sample++)
            {
                ReadOnlySpan<T> dz = Plane(outputGradient, sample, c, channels, pixels);
                gammaGradient[c] += TensorPrimitives.Dot(dz, Plane(normalized, sample, c, channels, pixels));
                betaGradient[c] += TensorPrimitives.Sum(dz);
                if (!inputGradient.IsEmpty)
                {
                    Span<T> dx = Plane(inputGradient, sample, c, channels, pixels);
                    TensorPrimitives.MultiplyAdd(dz, scale, dx, dx);
                }
            }
        }
    }

    private static ReadOnlySpan<T> Plane<T>(ReadOnlySpan<T> data, int sample, int channel, int channels, int pixels) =>
        data.Slice((sample * channels + channel) * pixels, pixels);

    private static Span<T> Plane<T>(Span<T> data, int sample, int channel, int channels, int pixels) =>
        data.Slice((sample * channels + channel) * pixels, pixels);

    /// <summary>For each sample and channel: <c>x̂ = (x − μ)·s</c>, <c>z = γ·x̂ + β</c>.</summary>
    private static void Normalize<T>(
        ReadOnlySpan<T> x, int batchSize, int channels, int pixels, ReadOnlySpan<T> mean, ReadOnlySpan<T> inverseStd,
        ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int sample = 0; sample < batchSize; sample++)
        {
            for (int c = 0; c < channels; c++)
            {
                NormalizePlane(Plane(x, sample, c, channels, pixels), mean[c], inverseStd[c], gamma[c], beta[c],
                    Plane(normalized, sample, c, channels, pixels), Plane(output, sample, c, channels, pixels));
            }
        }
    }

    private static void NormalizePlane<T>(ReadOnlySpan<T> x, T mean, T inverseStd, T gamma, T beta, Span<T> normalized, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            ref T xRef = ref MemoryMarshal.GetReference(x);
            ref T normalizedRef = ref MemoryMarshal.GetReference(normalized);
            ref T outputRef = ref MemoryMarshal.GetReference(output);
            Vector<T> meanV = new(mean), inverseStdV = new(inverseStd), gammaV = new(gamma), betaV = new(beta);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> xHat = (Vector.LoadUnsafe(ref xRef, (nuint)i) - meanV) * inverseStdV;
                xHat.StoreUnsafe(ref normalizedRef, (nuint)i);
                (gammaV * xHat + betaV).StoreUnsafe(ref outputRef, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            T xHat = (x[i] - mean) * inverseStd;
            normalized[i] = xHat;
            output[i] = gamma * xHat + beta;
        }
    }

    /// <summary><c>Σ (x − mean)²</c>: the variance's second pass, as PyTorch's (no cancellation from <c>Σx² − n·mean²</c>).</summary>
    private static T SumOfSquaredDeviations<T>(ReadOnlySpan<T> x, T mean) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && x.Length >= Vector<T>.Count)
        {
            ref T xRef = ref MemoryMarshal.GetReference(x);
            Vector<T> meanV = new(mean), sumV = Vector<T>.Zero;
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> deviation = Vector.LoadUnsafe(ref xRef, (nuint)i) - meanV;
                sumV += deviation * deviation;
            }
            sum = Vector.Sum(sumV);
        }
        for (; i < x.Length; i++)
        {
            T deviation = x[i] - mean;
            sum += deviation * deviation;
        }
        return sum;
    }

    /// <summary><c>dx += scale·(dz − meanGradient − x̂·meanGradientTimesNormalized)</c>.</summary>
    private static void AddCenteredGradient<T>(
        ReadOnlySpan<T> dz, ReadOnlySpan<T> normalized, T scale, T meanGradient, T meanGradientTimesNormalized, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            ref T dzRef = ref MemoryMarshal.GetReference(dz);
            ref T normalizedRef = ref MemoryMarshal.GetReference(normalized);
            ref T dxRef = ref MemoryMarshal.GetReference(dx);
            Vector<T> scaleV = new(scale), meanGradientV = new(meanGradient), meanProductV = new(meanGradientTimesNormalized);
            for (; i <= dz.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> centered = Vector.LoadUnsafe(ref dzRef, (nuint)i) - meanGradientV - Vector.LoadUnsafe(ref normalizedRef, (nuint)i) * meanProductV;
                (Vector.LoadUnsafe(ref dxRef, (nuint)i) + scaleV * centered).StoreUnsafe(ref dxRef, (nuint)i);
            }
        }
        for (; i < dz.Length; i++)
        {
            dx[i] += scale * (dz[i] - meanGradient - normalized[i] * meanGradientTimesNormalized);
        }
    }

    private static void CheckForward(int x, int gamma, int beta, int inverseStd, int normalized, int output, int batchSize, int channels, int pixels)
    {
        CheckSizes(batchSize, channels, pixels);
        long values = (long)batchSize * channels * pixels;
        SpanLengths.Check(x, values, nameof(x), Shape);
        SpanLengths.Check(gamma, channels, nameof(gamma), "channels");
        SpanLengths.Check(beta, channels, nameof(beta), "channels");
        SpanLengths.Check(inverseStd, channels, nameof(inverseStd), "channels");
        SpanLengths.Check(normalized, values, nameof(normalized), Shape);
        SpanLengths.Check(output, values, nameof(output), Shape);
    }

    private static void CheckBackward(
        int outputGradient, int normalized, int inverseStd, int gamma, int gammaGradient, int betaGradient, int inputGradient, int batchSize, int channels, int pixels)
    {
        CheckSizes(batchSize, channels, pixels);
        long values = (long)batchSize * channels * pixels;
        SpanLengths.Check(outputGradient, values, nameof(outputGradient), Shape);
        SpanLengths.Check(normalized, values, nameof(normalized), Shape);
        SpanLengths.Check(inverseStd, channels, nameof(inverseStd), "channels");
        SpanLengths.Check(gamma, channels, nameof(gamma), "channels");
        SpanLengths.Check(gammaGradient, channels, nameof(gammaGradient), "channels");
        SpanLengths.Check(betaGradient, channels, nameof(betaGradient), "channels");
        if (inputGradient != 0 && inputGradient != values)
        {
            throw new ArgumentException(
                $"inputGradient holds {inputGradient} values; it must hold {Shape} = {values}, or none (an empty span) when not wanted.", nameof(inputGradient));
        }
    }

    private const string Shape = "batchSize·channels·pixels";

    private static void CheckSizes(int batchSize, int channels, int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
    }

}
