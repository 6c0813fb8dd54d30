using System;
using System.Numerics;
using System.Threading;

namespace NetGen;

public static partial class Trainer
{
    /// <summary>
    /// Runs every sample of <paramref name="inputs"/> through <paramref name="network"/> and returns the outputs, sample after
    /// sample, however many samples there are: they go through in batches of up to <see cref="INetwork{T}.MaxBatchSize"/>,
    /// in inference mode (<see cref="INetwork{T}.IsTraining"/> false: batch normalization uses its running statistics,
    /// dropout passes its input through). The network's mode is restored afterwards, also when an exception is thrown.
    /// A batch of one sample takes another kernel than larger batches, which rounds its sums in another order: an output may
    /// differ from that of a one-sample <see cref="INetwork{T}.Forward(ReadOnlySpan{T}, Span{T})"/> by a few units in the last place.
    /// </summary>
    /// <param name="network">The network; its parameters and state are not changed. Use it from one thread at a time.</param>
    /// <param name="inputs">The samples' inputs, <see cref="INetwork{T}.InputSize"/> values per sample; possibly none.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>The outputs, <see cref="INetwork{T}.OutputSize"/> values per sample.</returns>
    /// <exception cref="ArgumentException">The length of <paramref name="inputs"/> is not a whole number of samples.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static T[] Predict<T>(INetwork<T> network, ReadOnlySpan<T> inputs, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int count = SampleCount(network, inputs.Length, nameof(inputs));
        var outputs = new T[checked(count * network.OutputSize)];
        Predict(network, inputs, outputs, cancellationToken);
        return outputs;
    }

    /// <summary>
    /// As <see cref="Predict{T}(INetwork{T}, ReadOnlySpan{T}, CancellationToken)"/>, writing the outputs into
    /// <paramref name="outputs"/>, which then holds them for every batch done when an exception stops the call.
    /// </summary>
    /// <param name="network">The network; its parameters and state are not changed. Use it from one thread at a time.</param>
    /// <param name="inputs">The samples' inputs, <see cref="INetwork{T}.InputSize"/> values per sample; possibly none.</param>
    /// <param name="outputs">Where the outputs go: <see cref="INetwork{T}.OutputSize"/> values per sample, as many samples as <paramref name="inputs"/>.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <exception cref="ArgumentException">
    /// The length of <paramref name="inputs"/> is not a whole number of samples, or <paramref name="outputs"/> does not hold exactly their outputs.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void Predict<T>(INetwork<T> network, ReadOnlySpan<T> inputs, Span<T> outputs, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int count = SampleCount(network, inputs.Length, nameof(inputs));
        long expected = (long)count * network.OutputSize;
        if (outputs.Length != expected)
        {
            throw new ArgumentException(
                $"The inputs hold {count} samples, so the outputs must hold {count} × {network.OutputSize} = {expected} values; they hold {outputs.Length}.",
                nameof(outputs));
        }
        using var mode = NetworkMode<T>.Inference(network);
        int batchSize = network.MaxBatchSize;
        for (int start = 0; start < count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int size = Math.Min(batchSize, count - start);
            network.Forward(
                inputs.Slice(start * network.InputSize, size * network.InputSize),
                outputs.Slice(start * network.OutputSize, size * network.OutputSize),
                size);
        }
    }

    /// <summary>
    /// Measures the mean loss and the accuracy of <paramref name="network"/> on <paramref name="data"/> of any size, in
    /// batches of <see cref="INetwork{T}.MaxBatchSize"/>, in inference mode: as <see cref="Evaluate{T}(INetwork{T}, Dataset{T}, int, CancellationToken)"/>
    /// with that batch size.
    /// </summary>
    /// <param name="network">The network; it is not changed, and its mode is restored.</param>
    /// <param name="data">The samples: at least one, sized for the network.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <exception cref="ArgumentException">The dataset's input or target size differs from the network's, or the dataset is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Evaluation Evaluate<T>(INetwork<T> network, Dataset<T> data, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        return Evaluate(network, data, network.MaxBatchSize, cancellationToken);
    }

    /// <summary>
    /// Measures the mean loss (<see cref="INetwork{T}.ComputeLoss"/>) and the accuracy (from batched <see cref="INetwork{T}.Forward(ReadOnlySpan{T}, Span{T}, int)"/>)
    /// of <paramref name="network"/> on <paramref name="data"/>, in order, <paramref name="batchSize"/> samples at a time,
    /// in inference mode (<see cref="INetwork{T}.IsTraining"/> false: batch normalization uses its running statistics, dropout passes its input through).
    /// </summary>
    /// <param name="network">The network; it is not changed, and its mode is restored.</param>
    /// <param name="data">The samples: at least one, sized for the network.</param>
    /// <param name="batchSize">The number of samples per batch, in 1..<see cref="INetwork{T}.MaxBatchSize"/>.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <exception cref="ArgumentException">
    /// The dataset's input or target size differs from the network's, the dataset is empty, or the batch size is not in 1..<see cref="INetwork{T}.MaxBatchSize"/>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Evaluation Evaluate<T>(INetwork<T> network, Dataset<T> data, int batchSize, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        CheckDataset(network, data, nameof(data));
        CheckBatchSize(network, batchSize, nameof(batchSize));
        return EvaluateInBatches(network, data, batchSize, onOutputs: null, cancellationToken);
    }

    /// <summary>The outputs of one batch of an evaluation, with its targets (for the validation metrics of <see cref="Fit"/>).</summary>
    internal delegate void BatchOutputs<T>(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, int size);

    /// <summary>
    /// <see cref="Evaluate{T}(INetwork{T}, Dataset{T}, int, CancellationToken)"/> on checked arguments; each batch's outputs
    /// also go to <paramref name="onOutputs"/>, from the forward pass that gives the accuracy.
    /// </summary>
    internal static Evaluation EvaluateInBatches<T>(
        INetwork<T> network, Dataset<T> data, int batchSize, BatchOutputs<T>? onOutputs, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var batches = new MiniBatches<T>(data, batchSize, shuffle: false, seed: 0);
        int steps = OutputSteps.Of(network), rowSize = OutputSteps.RowSize(network);
        bool accuracyDefined = Accuracy.IsDefined(network.Loss, rowSize);
        bool forward = accuracyDefined || onOutputs is not null;
        T[] outputs = forward ? new T[Math.Min(batchSize, data.Count) * network.OutputSize] : [];
        double lossSum = 0;
        int correct = 0;
        using (NetworkMode<T>.Inference(network))
        {
            for (int batch = 0; batch < batches.BatchCount; batch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int size = batches.Get(batch, out ReadOnlySpan<T> inputs, out ReadOnlySpan<T> targets);
                lossSum += double.CreateTruncating(network.ComputeLoss(inputs, targets, size)) * size;
                if (forward)
                {
                    Span<T> batchOutputs = outputs.AsSpan(0, size * network.OutputSize);
                    network.Forward(inputs, batchOutputs, size);
                    if (accuracyDefined)
                    {
                        correct += Accuracy.CountCorrect<T>(batchOutputs, targets, rowSize, size * steps, network.Loss);
                    }
                    onOutputs?.Invoke(batchOutputs, targets, size);
                }
            }
        }
        double accuracy = accuracyDefined ? (double)correct / ((long)data.Count * steps) : double.NaN;
        return new Evaluation(lossSum / data.Count, accuracy, data.Count);
    }

    /// <summary>The number of samples in <paramref name="inputLength"/> inputs.</summary>
    /// <exception cref="ArgumentException">The inputs are not a whole number of samples (named <paramref name="parameterName"/>).</exception>
    private static int SampleCount<T>(INetwork<T> network, int inputLength, string parameterName) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inputLength % network.InputSize != 0)
        {
            throw new ArgumentException(
                $"The network takes {network.InputSize} inputs per sample, but the inputs hold {inputLength} values, not a whole number of samples.",
                parameterName);
        }
        return inputLength / network.InputSize;
    }
}
