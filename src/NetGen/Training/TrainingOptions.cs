using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// How <see cref="Trainer.Fit"/> trains: the number of epochs, the mini-batch size, the shuffling of samples, the validation
/// split, the learning-rate schedule, the metrics, the callbacks, gradient clipping, gradient monitoring, checkpoints and
/// what to do with a loss that is not finite.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>The number of passes over the training data, at least 1. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Epochs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Epochs));
            field = value;
        }
    } = 10;

    /// <summary>
    /// The number of samples per mini-batch, at least 1 and at most the network's <see cref="INetwork{T}.MaxBatchSize"/>
    /// (checked by <see cref="Trainer.Fit"/>). Default 64 (Keras defaults to 32; PyTorch's DataLoader to 1).
    /// The last mini-batch of an epoch holds the remaining samples, so it may be smaller.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(BatchSize));
            field = value;
        }
    } = 64;

    /// <summary>The seed of the generator that shuffles the samples; the same seed gives the same order every run. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Whether the samples are shuffled at the start of every epoch (otherwise they are taken in order). Default true, as in Keras.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// When set, every gradient element is clamped to [−value, value] after the backward pass and before the optimizer step
    /// (<see cref="GradientClipping.ClipByValue"/>). Default null: no clipping. Checked when set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, is NaN or is infinite.</exception>
    public double? ClipGradientValue
    {
        get;
        init
        {
            if (value is double limit)
            {
                GradientClipping.CheckLimit(limit, nameof(ClipGradientValue));
            }
            field = value;
        }
    }

    /// <summary>
    /// When set, the whole gradient is scaled after the backward pass so that its global L2 norm is at most this value, as
    /// PyTorch's <c>clip_grad_norm_</c> (<see cref="GradientClipping.ClipByGlobalNorm"/>), before the optimizer step; after
    /// <see cref="ClipGradientValue"/> when both are set. Default null: no clipping. Checked when set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, is NaN or is infinite.</exception>
    public double? ClipGradientNorm
    {
        get;
        init
        {
            if (value is double limit)
            {
                GradientClipping.CheckLimit(limit, nameof(ClipGradientNorm));
            }
            field = value;
        }
    }

    /// <summary>
    /// A <see cref="GradientMonitor{T}"/> of the network being trained, or null (the default: no measuring, no extra work).
    /// When set, <see cref="Trainer.Fit"/> calls <see cref="GradientMonitor.Measure"/> after the backward pass of every
    /// <see cref="MonitorInterval"/>-th mini-batch (the first one included), and of a mini-batch whose loss starts to diverge
    /// (<see cref="GradientMonitor.RecordLoss"/>, given every mini-batch's loss), on the gradients before clipping; its
    /// <see cref="GradientMonitor.Warning"/> event fires then, and the report reaches <see cref="TrainingProgress.Gradients"/>.
    /// </summary>
    public GradientMonitor? Monitor { get; init; }

    /// <summary>
    /// Measure with <see cref="Monitor"/> every this many mini-batches, counted across epochs; at least 1. Default 5: a
    /// measured step of a 784-256-128-10 MLP with a batch of 64 on two threads costs about 23 % more than a plain one (the
    /// measurement itself, and the gradients kept for it instead of the fused update), so every fifth step keeps the
    /// amortized cost under 5 % (docs/monitor.md).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MonitorInterval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MonitorInterval));
            field = value;
        }
    } = 5;

    /// <summary>
    /// Where <see cref="Trainer.Fit"/> saves a training checkpoint every <see cref="CheckpointEvery"/> epochs, or null (the
    /// default: no checkpoints). A <c>{epoch}</c> in the path is replaced by the epoch number (one file per checkpoint);
    /// otherwise each checkpoint replaces the previous one, atomically. The optimizer must be an <see cref="ICheckpointableOptimizer{T}"/>.
    /// The file holds the parameters, the state, the optimizer's state, the shuffling generator's state and the epoch (docs/weights.md).
    /// </summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Save a checkpoint after every epoch whose number (from 1) is a multiple of this, at least 1. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int CheckpointEvery
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(CheckpointEvery));
            field = value;
        }
    } = 1;

    /// <summary>
    /// A checkpoint saved by <see cref="Trainer.Fit"/> (through <see cref="CheckpointPath"/>) to resume from, or null (the
    /// default: start from the network's current parameters). <see cref="Trainer.Fit"/> then loads the network's parameters
    /// and state, the optimizer's state (it must be an <see cref="ICheckpointableOptimizer{T}"/> of the same kind) and the
    /// shuffling generator's state, and trains the epochs after the checkpoint's up to <see cref="Epochs"/>, which counts
    /// from the start of the original run. With the same data and options this gives the same parameters, bit for bit, as
    /// training without the interruption.
    /// </summary>
    public string? ResumeFrom { get; init; }

    /// <summary>
    /// What to do with a mini-batch whose loss is NaN or infinite, or whose inputs or targets hold a NaN or infinite value.
    /// Default <see cref="NetGen.NonFiniteLoss.Stop"/>: throw a <see cref="NonFiniteLossException"/>, before the step for a
    /// batch of non-finite data (every step reads its batch once to look, which costs little next to the forward pass).
    /// <see cref="NetGen.NonFiniteLoss.SkipBatch"/> leaves such batches out (every step then unfused, slower with an
    /// <see cref="IElementwiseOptimizer{T}"/>); <see cref="NetGen.NonFiniteLoss.Continue"/> does not look.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the enumeration's.</exception>
    public NonFiniteLoss NonFiniteLoss
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(NonFiniteLoss), value, "The value must be Stop, SkipBatch or Continue.");
            }
            field = value;
        }
    }

    /// <summary>
    /// Code run at the start and end of training, of every epoch and of every mini-batch (<see cref="TrainingCallback"/>:
    /// <see cref="EarlyStopping"/>, <see cref="ModelCheckpoint"/>, or your own), in this order. Default none.
    /// </summary>
    public IReadOnlyList<TrainingCallback> Callbacks { get; init; } = [];

    /// <summary>
    /// Metrics measured on the training batches and the validation data (<see cref="Metric"/>: accuracy, top-k accuracy,
    /// MSE, MAE, precision, recall, F1), in every epoch's <see cref="EpochResult.Metrics"/>. Default none (the loss, and the
    /// validation loss and accuracy, are always there).
    /// </summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    /// <summary>
    /// A learning-rate schedule (<see cref="LearningRateSchedule"/>), which sets the optimizer's learning rate before every
    /// step from the rate it had when training started; null (the default) for a constant rate. The optimizer must be
    /// <see cref="Sgd{T}"/>, <see cref="Adam{T}"/> or <see cref="AdamW{T}"/>.
    /// </summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>
    /// The fraction of the training data, in [0, 1), held out for validation: its last samples, before any shuffling, as
    /// Keras's <c>validation_split</c>. Default 0 (none). Not together with validation data given to <see cref="Trainer.Fit"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
    public double ValidationSplit
    {
        get;
        init => field = value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ValidationSplit), value, "The validation split is a fraction of the training data, in [0, 1).");
    }
}
