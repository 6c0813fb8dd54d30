using System;

namespace NetGen;

/// <summary>How <see cref="LayerwisePretraining.Pretrain"/> trains each layer's autoencoder.</summary>
public sealed class PretrainingOptions
{
    /// <summary>The number of passes over the data for each hidden layer, at least 1. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int EpochsPerLayer
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(EpochsPerLayer));
            field = value;
        }
    } = 10;

    /// <summary>The number of samples per mini-batch, at least 1. Default 20 (the denoising-autoencoder tutorial of Bengio's group).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(BatchSize));
            field = value;
        }
    } = 20;

    /// <summary>
    /// The step of plain stochastic gradient descent on the mean over the mini-batch of each sample's reconstruction loss
    /// (summed over the layer's inputs), positive and finite. Default 0.1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double LearningRate
    {
        get;
        init
        {
            if (!(value > 0 && double.IsFinite(value)))
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"The learning rate must be positive and finite; it is {value}.");
            }
            field = value;
        }
    } = 0.1;

    /// <summary>
    /// Whether the decoder's weights are the encoder's transposed, <c>W′ = Wᵀ</c> (true, the default, as Bengio et al. 2007),
    /// or a matrix of their own, started at <c>Wᵀ</c> and discarded after the layer is trained.
    /// </summary>
    public bool TiedWeights { get; init; } = true;

    /// <summary>
    /// The fraction of each sample's inputs set to 0 before encoding, drawn anew for every sample of every epoch (masking
    /// noise: a denoising autoencoder, Vincent et al. 2008); the reconstruction is scored against the uncorrupted inputs.
    /// 0 (the default) trains a plain autoencoder. At least 0 and below 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
    public double Corruption
    {
        get;
        init
        {
            if (!(value >= 0 && value < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Corruption), value, $"The corruption is the fraction of inputs masked, in [0, 1); it is {value}.");
            }
            field = value;
        }
    }

    /// <summary>The decoder and reconstruction loss. Default <see cref="ReconstructionLoss.Automatic"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="ReconstructionLoss"/>'s.</exception>
    public ReconstructionLoss Reconstruction
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(Reconstruction), value, $"{value} is not a {nameof(ReconstructionLoss)}.");
            }
            field = value;
        }
    }

    /// <summary>The seed of the generator that shuffles the samples and draws the masking noise; the same seed gives the same weights. Default 0.</summary>
    public int Seed { get; init; }
}
