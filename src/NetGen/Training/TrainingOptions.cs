using System;

namespace NetGen;

/// <summary>How <see cref="Trainer.Fit"/> trains: the number of epochs, the mini-batch size, and the shuffling of samples.</summary>
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
}
