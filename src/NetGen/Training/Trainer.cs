using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Threading;

namespace NetGen;

/// <summary>Trains networks by mini-batch gradient descent, and evaluates them.</summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> for <see cref="TrainingOptions.Epochs"/> epochs. Each epoch draws a new sample order
    /// (when <see cref="TrainingOptions.Shuffle"/> is set, from one generator seeded once with <see cref="TrainingOptions.Seed"/>),
    /// runs <see cref="INetwork{T}.TrainStep"/> on every mini-batch, the last one possibly smaller (left out when it holds a single sample and the network has batch normalization), then evaluates on
    /// <paramref name="validation"/> if given. With <see cref="TrainingOptions.ClipGradientValue"/>,
    /// <see cref="TrainingOptions.ClipGradientNorm"/> or <see cref="TrainingOptions.Monitor"/> set, a step is instead
    /// <see cref="INetwork{T}.ComputeGradients"/>, the monitor's measurement (when due), clipping, then
    /// <see cref="IOptimizer{T}.Step"/> on <see cref="INetwork{T}.Parameters"/> and <see cref="INetwork{T}.Gradients"/>.
    /// With <see cref="TrainingOptions.CheckpointPath"/> set, a checkpoint is saved after every <see cref="TrainingOptions.CheckpointEvery"/>-th
    /// epoch (after its validation); with <see cref="TrainingOptions.ResumeFrom"/> set, training continues from a checkpoint
    /// with the epoch after its own, and the history holds the epochs trained in this call only.
    /// </summary>
    /// <param name="network">The network to train; its parameters are updated in place.</param>
    /// <param name="optimizer">The optimizer, used for this network only.</param>
    /// <param name="training">The training samples: at least one, sized for the network.</param>
    /// <param name="options">Epochs, batch size, shuffling, gradient clipping and monitoring.</param>
    /// <param name="validation">Samples to evaluate on after every epoch, with a batch size of <see cref="TrainingOptions.BatchSize"/>; or null.</param>
    /// <param name="progress">Told after every mini-batch (synchronously, on the training thread, if it is not a <see cref="Progress{T}"/>); or null.</param>
    /// <param name="cancellationToken">Checked before every mini-batch and every validation.</param>
    /// <returns>The result of every epoch.</returns>
    /// <exception cref="ArgumentException">
    /// A dataset's input or target size differs from the network's input or output size, the training data is empty,
    /// the batch size exceeds <see cref="INetwork{T}.MaxBatchSize"/>, <see cref="TrainingOptions.Monitor"/> is not a
    /// <see cref="GradientMonitor{T}"/> of <paramref name="network"/>, or checkpoints are asked for and the optimizer is not an
    /// <see cref="ICheckpointableOptimizer{T}"/>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the parameters keep the updates made so far.</exception>
    /// <exception cref="InvalidDataException"><see cref="TrainingOptions.ResumeFrom"/> is not a valid checkpoint of this network and this kind of optimizer; nothing was changed.</exception>
    /// <exception cref="IOException">A checkpoint could not be read or written.</exception>
    public static TrainingHistory Fit<T>(
        INetwork<T> network,
        IOptimizer<T> optimizer,
        Dataset<T> training,
        TrainingOptions options,
        Dataset<T>? validation = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        CheckDataset(network, training, nameof(training));
        if (validation is not null)
        {
            CheckDataset(network, validation, nameof(validation));
        }
        CheckBatchSize(network, options.BatchSize, nameof(options));
        var monitor = options.Monitor as GradientMonitor<T>;
        if (options.Monitor is not null && (monitor is null || !ReferenceEquals(options.Monitor.MeasuredNetwork, network)))
        {
            throw new ArgumentException("TrainingOptions.Monitor measures another network; create a GradientMonitor for the network being trained.", nameof(options));
        }
        bool plainSteps = monitor is null && options.ClipGradientValue is null && options.ClipGradientNorm is null;
        ICheckpointableOptimizer<T>? checkpointable = CheckpointableOptimizer(optimizer, options);
        CheckpointPosition? resumed = options.ResumeFrom is null ? null : TrainingCheckpoint.Load(options.ResumeFrom, network, checkpointable!);
        long step = resumed?.Step ?? 0;

        bool hasBatchNorm = network.Layers.Any(layer => layer.Kind == LayerKind.BatchNorm);
        var batches = new MiniBatches<T>(training, options.BatchSize, options.Shuffle, options.Seed, resumed?.ShuffleState);
        var results = new List<EpochResult>(options.Epochs);
        for (int epoch = (resumed?.Epoch ?? 0) + 1; epoch <= options.Epochs; epoch++)
        {
            long started = Stopwatch.GetTimestamp();
            batches.StartEpoch();
            double lossSum = 0;
            int samplesSeen = 0;
            for (int batch = 0; batch < batches.BatchCount; batch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int size = batches.Get(batch, out ReadOnlySpan<T> inputs, out ReadOnlySpan<T> targets);
                GradientReport? report = null;
                // Batch normalization cannot train on one sample (its variance is 0): a last batch of one is left out.
                if (size > 1 || !hasBatchNorm)
                {
                    T loss = plainSteps
                        ? network.TrainStep(inputs, targets, size, optimizer)
                        : MonitoredClippedStep(network, optimizer, inputs, targets, size, options, monitor, step, out report);
                    step++;
                    lossSum += double.CreateTruncating(loss) * size;
                    samplesSeen += size;
                }

                bool lastBatch = batch == batches.BatchCount - 1;
                EpochResult? result = null;
                if (lastBatch)
                {
                    Evaluation? evaluation = validation is null ? null : Evaluate(network, validation, options.BatchSize, cancellationToken);
                    result = new EpochResult(
                        epoch, lossSum / samplesSeen, evaluation?.Loss, evaluation?.Accuracy, Stopwatch.GetElapsedTime(started));
                    results.Add(result);
                }
                progress?.Report(new TrainingProgress(
                    epoch, options.Epochs, batch + 1, batches.BatchCount, samplesSeen, training.Count, lossSum / samplesSeen, result, report));
            }
            if (options.CheckpointPath is string path && epoch % options.CheckpointEvery == 0)
            {
                TrainingCheckpoint.Save(
                    path.Replace("{epoch}", epoch.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    network, checkpointable!, new CheckpointPosition(epoch, step, batches.RandomState));
            }
        }
        return new TrainingHistory(results);
    }

    /// <summary>The optimizer as checkpointable when the options save or resume checkpoints, else null.</summary>
    private static ICheckpointableOptimizer<T>? CheckpointableOptimizer<T>(IOptimizer<T> optimizer, TrainingOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (options.CheckpointPath is null && options.ResumeFrom is null)
        {
            return null;
        }
        return optimizer as ICheckpointableOptimizer<T> ?? throw new ArgumentException(
            $"Checkpoints save the optimizer's state, but {optimizer.GetType().Name} is not an ICheckpointableOptimizer<{typeof(T).Name}>.", nameof(optimizer));
    }

    /// <summary>One step with the extras: gradients, the monitor's measurement when due (before clipping), clipping, the optimizer's step.</summary>
    private static T MonitoredClippedStep<T>(
        INetwork<T> network, IOptimizer<T> optimizer, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int size,
        TrainingOptions options, GradientMonitor<T>? monitor, long step, out GradientReport? report)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T loss = network.ComputeGradients(inputs, targets, size);
        // Every step's loss goes to the monitor; a loss that starts to diverge is measured at once, before the units die or turn NaN.
        bool diverging = monitor is not null && monitor.RecordLoss(double.CreateTruncating(loss));
        report = monitor is not null && (diverging || step % options.MonitorInterval == 0) ? monitor.Measure() : null;
        if (options.ClipGradientValue is double maxValue)
        {
            GradientClipping.ClipByValue(network.Gradients, maxValue);
        }
        if (options.ClipGradientNorm is double maxNorm)
        {
            GradientClipping.ClipByGlobalNorm(network.Gradients, maxNorm);
        }
        optimizer.Step(network.Parameters, network.Gradients);
        return loss;
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

        var batches = new MiniBatches<T>(data, batchSize, shuffle: false, seed: 0);
        bool accuracyDefined = Accuracy.IsDefined(network.Loss, network.OutputSize);
        T[] outputs = accuracyDefined ? new T[Math.Min(batchSize, data.Count) * network.OutputSize] : [];
        double lossSum = 0;
        int correct = 0;
        bool wasTraining = network.IsTraining;
        network.IsTraining = false;
        try
        {
            for (int batch = 0; batch < batches.BatchCount; batch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int size = batches.Get(batch, out ReadOnlySpan<T> inputs, out ReadOnlySpan<T> targets);
                lossSum += double.CreateTruncating(network.ComputeLoss(inputs, targets, size)) * size;
                if (accuracyDefined)
                {
                    Span<T> batchOutputs = outputs.AsSpan(0, size * network.OutputSize);
                    network.Forward(inputs, batchOutputs, size);
                    correct += Accuracy.CountCorrect<T>(batchOutputs, targets, network.OutputSize, size, network.Loss);
                }
            }
        }
        finally
        {
            network.IsTraining = wasTraining;
        }
        double accuracy = accuracyDefined ? (double)correct / data.Count : double.NaN;
        return new Evaluation(lossSum / data.Count, accuracy, data.Count);
    }

    private static void CheckDataset<T>(INetwork<T> network, Dataset<T> data, string parameterName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (data.InputSize != network.InputSize)
        {
            throw new ArgumentException(
                $"The network takes {network.InputSize} inputs per sample, but the dataset has {data.InputSize}.", parameterName);
        }
        if (data.TargetSize != network.OutputSize)
        {
            throw new ArgumentException(
                $"The network gives {network.OutputSize} outputs per sample, but the dataset has {data.TargetSize} targets per sample.", parameterName);
        }
        if (data.Count == 0)
        {
            throw new ArgumentException("The dataset holds no samples.", parameterName);
        }
    }

    private static void CheckBatchSize<T>(INetwork<T> network, int batchSize, string parameterName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (batchSize < 1 || batchSize > network.MaxBatchSize)
        {
            throw new ArgumentException(
                $"The batch size is {batchSize}, but the network's buffers hold batches of 1 to {network.MaxBatchSize} samples (MaxBatchSize).",
                parameterName);
        }
    }
}
