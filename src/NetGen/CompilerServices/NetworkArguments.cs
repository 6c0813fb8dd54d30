using System;
using System.ComponentModel;
using System.Globalization;

namespace NetGen.CompilerServices;

/// <summary>
/// The argument checks of generated networks' public methods, with messages that name expected and actual values.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NetworkArguments
{
    /// <summary>Checks one sample's input and output spans.</summary>
    /// <exception cref="ArgumentException">A length differs from the network's size.</exception>
    public static void CheckSample(int inputLength, int outputLength, int inputSize, int outputSize)
    {
        if (inputLength != inputSize)
        {
            throw new ArgumentException($"The input has {inputLength} values; this network takes {inputSize} per sample.", "input");
        }
        if (outputLength != outputSize)
        {
            throw new ArgumentException($"The output span has {outputLength} values; this network produces {outputSize} per sample.", "output");
        }
    }

    /// <summary>Checks a batch: its size against the network's maximum, and the input and output (or target) spans against it.</summary>
    /// <exception cref="ArgumentException">The batch size is out of range or a span does not hold exactly one batch.</exception>
    public static void CheckBatch(int batchSize, int maxBatchSize, int inputLength, int inputSize, int outputLength, int outputSize, string outputName)
    {
        if (batchSize < 1 || batchSize > maxBatchSize)
        {
            throw new ArgumentException(
                $"The batch size is {batchSize}; it must be between 1 and {maxBatchSize}, the maximum this network was constructed for (pass a larger maxBatchSize to the constructor).",
                nameof(batchSize));
        }
        if (inputLength != batchSize * inputSize)
        {
            throw new ArgumentException(
                $"The inputs hold {inputLength} values; a batch of {batchSize} samples of {inputSize} inputs needs {batchSize * inputSize}.", "inputs");
        }
        if (outputLength != batchSize * outputSize)
        {
            throw new ArgumentException(
                $"The {outputName} hold {outputLength} values; a batch of {batchSize} samples of {outputSize} outputs needs {batchSize * outputSize}.", outputName);
        }
    }

    /// <summary>Checks the maximum batch size a network is constructed for against its largest buffer.</summary>
    /// <param name="maxBatchSize">The maximum batch size passed to the constructor.</param>
    /// <param name="largestLayerSize">The most values one sample needs in a single buffer: the largest layer's number of outputs.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// It is not positive, or <paramref name="maxBatchSize"/> × <paramref name="largestLayerSize"/> is more than an array can hold.
    /// </exception>
    public static void CheckMaxBatchSize(int maxBatchSize, int largestLayerSize)
    {
        if (maxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatchSize), maxBatchSize, "The maximum batch size must be at least 1.");
        }
        int largestFitting = Array.MaxLength / largestLayerSize;
        if (maxBatchSize > largestFitting)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatchSize), maxBatchSize, string.Create(CultureInfo.InvariantCulture,
                $"The maximum batch size is {maxBatchSize}; the network's largest layer has {largestLayerSize} values per sample, so its buffers would need " +
                $"{(long)maxBatchSize * largestLayerSize} values, more than an array holds ({Array.MaxLength}). " +
                $"The largest maxBatchSize this network can take is {largestFitting} (Array.MaxLength / {largestLayerSize})."));
        }
    }

    /// <summary>Checks that a network with batch normalization over a vector (or a 1x1 image) gets at least 2 samples per batch in training mode.</summary>
    /// <exception cref="ArgumentException">It is in training mode and the batch has a single sample.</exception>
    public static void CheckBatchNormBatch(int batchSize, bool isTraining, string layerName)
    {
        if (isTraining && batchSize < 2)
        {
            throw new ArgumentException(
                $"{layerName} is a batch normalization layer: in training mode it normalizes over the batch, which needs at least 2 samples, " +
                $"but the batch has {batchSize}. Set IsTraining = false to normalize with the running statistics (for inference), or use larger batches.",
                nameof(batchSize));
        }
    }
}
