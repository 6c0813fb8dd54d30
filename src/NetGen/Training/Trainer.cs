using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Threading;

namespace NetGen;

/// <summary>Trains networks by mini-batch gradient descent, evaluates them, and predicts with them.</summary>
public static partial class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> for <see cref="TrainingOptions.Epochs"/> epochs. Each epoch draws a new sample order
    /// (when <see cref="TrainingOptions.Shuffle"/> is set, from one generator seeded once with <see cref="TrainingOptions.Seed"/>),
    /// runs <see cref="INetwork{T}.TrainStep"/> on every mini-batch, the last one possibly smaller (left out when it holds a single sample and the network has batch normalization over a vector), then evaluates on
    /// <paramref name="validation"/> if given. With <see cref="TrainingOptions.ClipGradientValue"/>,
    /// <see cref="TrainingOptions.ClipGradientNorm"/> or <see cref="TrainingOptions.Monitor"/> set, a step is instead
    /// <see cref="INetwork{T}.ComputeGradients"/>, the monitor's measurement (when due), clipping, then
    /// <see cref="IOptimizer{T}.Step"/> on <see cref="INetwork{T}.Parameters"/> and <see cref="INetwork{T}.Gradients"/>. A step
    /// is also <see cref="INetwork{T}.ComputeGradients"/> then <see cref="IOptimizer{T}.Step"/> (without the extras) with an
    /// optimizer that is not an <see cref="IElementwiseOptimizer{T}"/>, which is what a generated <see cref="INetwork{T}.TrainStep"/>
    /// does with it, and under <see cref="NonFiniteLoss.SkipBatch"/>: the loss is then checked before the update. With <see cref="TrainingOptions.CheckpointPath"/> set, a checkpoint is saved after every <see cref="TrainingOptions.CheckpointEvery"/>-th
    /// epoch (after its validation); with <see cref="TrainingOptions.ResumeFrom"/> set, training continues from a checkpoint
    /// with the epoch after its own, and the history holds the epochs trained in this call only.
    /// The network trains in training mode (<see cref="INetwork{T}.IsTraining"/> true) and is left in inference mode, also
    /// when an exception is thrown: ready to predict, as a Keras model is after <c>fit</c> (its <c>model(x)</c> and
    /// <c>predict</c> run with <c>training=False</c>; a PyTorch user calls <c>model.eval()</c>). Set <see cref="INetwork{T}.IsTraining"/>
    /// back to true before training it by hand with <see cref="INetwork{T}.TrainStep"/>. <see cref="Predict{T}(INetwork{T}, ReadOnlySpan{T}, CancellationToken)"/> and <see cref="Evaluate{T}(INetwork{T}, Dataset{T}, CancellationToken)"/>
    /// use inference mode whatever the mode. A mini-batch whose loss, inputs or targets are not finite is handled as
    /// <see cref="TrainingOptions.NonFiniteLoss"/> says (with <see cref="NonFiniteLoss.Continue"/>, every step is
    /// <see cref="INetwork{T}.TrainStep"/> but for the extras, as before that option).
    /// </summary>
    /// <param name="network">The network to train; its parameters are updated in place.</param>
    /// <param name="optimizer">The optimizer, used for this network only.</param>
    /// <param name="training">The training samples: at least one, sized for the network.</param>
    /// <param name="options">Epochs, batch size, shuffling, gradient clipping and monitoring.</param>
    /// <param name="validation">Samples to evaluate on after every epoch, with a batch size of <see cref="TrainingOptions.BatchSize"/>; or null.</param>
    /// <param name="progress">Told after every mini-batch (synchronously, on the training thread, if it is not a <see cref="Progress{T}"/>); or null.</param>
    /// <param name="cancellationToken">
    /// Checked before every mini-batch and every validation. Cancelling ends training there and returns the history of the
    /// epochs finished so far (<see cref="TrainingHistory.Cancelled"/>); the parameters keep the updates made so far.
    /// </param>
    /// <returns>
    /// The result of every finished epoch, with <see cref="TrainingHistory.StopReason"/> when a callback (such as
    /// <see cref="EarlyStopping"/>) or cancellation ended training early.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// A dataset's input or target size differs from the network's input or output size, the training data is empty,
    /// the batch size exceeds <see cref="INetwork{T}.MaxBatchSize"/>, <see cref="TrainingOptions.Monitor"/> is not a
    /// <see cref="GradientMonitor{T}"/> of <paramref name="network"/>, or checkpoints are asked for and the optimizer is not an
    /// <see cref="ICheckpointableOptimizer{T}"/>.
    /// </exception>
    /// <exception cref="NonFiniteLossException">
    /// A mini-batch's loss, inputs or targets are NaN or infinite and <see cref="TrainingOptions.NonFiniteLoss"/> is
    /// <see cref="NonFiniteLoss.Stop"/> (the default); it names the epoch, the step, the loss, the sample and the layer.
    /// </exception>
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
        (training, validation) = ValidationSplit.Apply(training, validation, options.ValidationSplit);
        CheckBatchSize(network, options.BatchSize, nameof(options));
        var monitor = options.Monitor as GradientMonitor<T>;
        if (options.Monitor is not null && (monitor is null || !ReferenceEquals(options.Monitor.MeasuredNetwork, network)))
        {
            throw new ArgumentException("TrainingOptions.Monitor measures another network; create a GradientMonitor for the network being trained.", nameof(options));
        }
        ICheckpointableOptimizer<T>? checkpointable = CheckpointableOptimizer(optimizer, options);
        var rate = new ScheduledLearningRate<T>(optimizer, options.Schedule);
        var metrics = new EpochMetrics<T>(network, options.Metrics, validation);
        CheckpointPosition? resumed = options.ResumeFrom is null ? null : TrainingCheckpoint.Load(options.ResumeFrom, network, checkpointable!);
        long step = resumed?.Step ?? 0;

        // A batch normalization has one scale per feature. Where a sample gives each feature one value (a vector, a 1x1 image)
        // it cannot train on one sample (its variance is 0); over an image's channels the pixels count too (PyTorch's BatchNorm2d).
        bool needsTwoSamples = network.Layers.Any(layer => layer.Kind == LayerKind.BatchNorm && layer.Outputs == layer.WeightCount);
        var batches = new MiniBatches<T>(training, options.BatchSize, options.Shuffle, options.Seed, resumed?.ShuffleState);
        var trainingStep = new TrainingStep<T>(network, optimizer, options, monitor, batches);
        var results = new List<EpochResult>(options.Epochs);
        var context = new TrainingContext<T>(network, optimizer, options.Epochs, metrics.Names, results);
        IReadOnlyList<TrainingCallback> callbacks = options.Callbacks;
        // Training mode for the run; then inference mode, ready to predict, as a Keras model after fit (a PyTorch user would call model.eval()).
        using var mode = NetworkMode<T>.TrainingThenInference(network);
        bool cancelled = false;
        foreach (TrainingCallback callback in callbacks)
        {
            callback.OnTrainBegin(context);
        }
        try
        {
            for (int epoch = (resumed?.Epoch ?? 0) + 1; epoch <= options.Epochs && !context.StopTraining; epoch++)
            {
                long started = Stopwatch.GetTimestamp();
                context.Epoch = epoch;
                foreach (TrainingCallback callback in callbacks)
                {
                    callback.OnEpochBegin(context);
                }
                batches.StartEpoch();
                metrics.StartEpoch();
                double lossSum = 0;
                int samplesSeen = 0;
                int skipped = 0;
                EpochResult? result = null;
                for (int batch = 0; batch < batches.BatchCount; batch++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int size = batches.Get(batch, out ReadOnlySpan<T> inputs, out ReadOnlySpan<T> targets);
                    foreach (TrainingCallback callback in callbacks)
                    {
                        callback.OnBatchBegin(context, batch + 1);
                    }
                    GradientReport? report = null;
                    double batchLoss = double.NaN;
                    // A last batch of one is left out where batch normalization cannot train on it.
                    if (size > 1 || !needsTwoSamples)
                    {
                        rate.BeforeStep(new SchedulePosition(step, epoch, batches.BatchCount, options.Epochs));
                        var position = new StepPosition(epoch, batch + 1, batches.BatchCount, step + 1);
                        if (trainingStep.Take(inputs, targets, size, batch, position, out T loss, out report))
                        {
                            step++;
                            batchLoss = double.CreateTruncating(loss);
                            lossSum += batchLoss * size;
                            samplesSeen += size;
                            metrics.AddTrainingBatch(targets, size);
                        }
                        else
                        {
                            skipped++;
                        }
                    }
                    context.Step = step;
                    foreach (TrainingCallback callback in callbacks)
                    {
                        callback.OnBatchEnd(context, batch + 1, batchLoss);
                    }

                    if (batch == batches.BatchCount - 1)
                    {
                        Evaluation? evaluation = validation is null ? null
                            : EvaluateInBatches(network, validation, options.BatchSize, metrics.Any ? metrics.AddValidationBatch : null, cancellationToken);
                        result = new EpochResult(
                            epoch, lossSum / samplesSeen, evaluation?.Loss, evaluation?.Accuracy, Stopwatch.GetElapsedTime(started), skipped)
                        {
                            Metrics = metrics.Finish(lossSum / samplesSeen, evaluation),
                        };
                        results.Add(result);
                    }
                    progress?.Report(new TrainingProgress(
                        epoch, options.Epochs, batch + 1, batches.BatchCount, samplesSeen, training.Count, lossSum / samplesSeen, result, report));
                    if (context.StopTraining)
                    {
                        break;
                    }
                }
                if (result is null)
                {
                    break; // stopped by a callback within the epoch
                }
                if (options.CheckpointPath is string path && epoch % options.CheckpointEvery == 0)
                {
                    TrainingCheckpoint.Save(
                        path.Replace("{epoch}", epoch.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                        network, checkpointable!, new CheckpointPosition(epoch, step, batches.RandomState));
                }
                rate.EpochEnded(result);
                foreach (TrainingCallback callback in callbacks)
                {
                    callback.OnEpochEnd(context, result);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            context.StopReason ??= $"cancelled during epoch {context.Epoch}";
        }
        foreach (TrainingCallback callback in callbacks)
        {
            callback.OnTrainEnd(context);
        }
        string? stopReason = cancelled || context.StopTraining ? context.StopReason ?? "stopped by a callback" : null;
        return new TrainingHistory(results, stopReason, cancelled);
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
