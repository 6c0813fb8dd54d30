using System;
using System.Collections.Generic;
using System.Diagnostics;
using NetGen;

namespace VanishingGradientsSample;

/// <summary>
/// Greedy layer-wise pretraining as a remedy (Bengio, Lamblin, Popovici and Larochelle 2007): the same 7-layer sigmoid stack
/// trained by the sample's recipe (a) from its random start and (b) after each hidden layer was first trained, from the input
/// up, as a denoising autoencoder of the layer below's outputs. Both run through <see cref="Experiment.Run"/> as every other
/// contender, so their speed of learning at "init" is that at the start of fine-tuning.
/// </summary>
/// <param name="training">The images the autoencoders are trained on (their labels are not used).</param>
internal sealed class PretrainingExperiment(Dataset<float> training)
{
    public const string Group = "pretraining: 784, 7 sigmoid layers of 100, U(±1/√fan_in), softmax";

    /// <summary>
    /// Two epochs per layer, to keep the run near a minute (Bengio et al. trained each layer far longer); the tutorial
    /// settings of Bengio's group otherwise: plain SGD with step 0.1 on mini-batches of 20, tied weights, a quarter of the
    /// inputs masked.
    /// </summary>
    public static PretrainingOptions Options(int seed) =>
        new() { EpochsPerLayer = 2, BatchSize = 20, LearningRate = 0.1, TiedWeights = true, Corruption = 0.25, Seed = seed };

    /// <summary>(a) The stack from its random start.</summary>
    public static Contender RandomStart { get; } = new(
        "7x100 sigmoid", Group, "(a) 7 sigmoid layers of 100, U(±1/√fan_in), from the random start",
        (batch, seed) => new PretrainableSigmoidStack(batch, seed));

    /// <summary>(b) The same stack, pretrained before fine-tuning; <see cref="Pretraining"/> says how.</summary>
    public Contender Pretrained => new(
        "7x100 sigmoid pretrained", Group, "(b) the same start, each hidden layer first pretrained as a denoising autoencoder",
        CreatePretrained);

    /// <summary>Both, (a) first.</summary>
    public IReadOnlyList<Contender> Contenders => [RandomStart, Pretrained];

    /// <summary>Told after each epoch of each layer's pretraining, on the training thread; or null.</summary>
    public Action<PretrainingProgress>? OnPretraining { get; set; }

    /// <summary>Each layer's reconstruction errors, once (b) has been created; else null.</summary>
    public PretrainingResult? Pretraining { get; private set; }

    /// <summary>How long the pretraining took (part of (b)'s time).</summary>
    public TimeSpan PretrainingTime { get; private set; }

    private PretrainableSigmoidStack CreatePretrained(int maxBatchSize, int seed)
    {
        var clock = Stopwatch.StartNew();
        var network = new PretrainableSigmoidStack(maxBatchSize, seed);
        IProgress<PretrainingProgress>? progress = OnPretraining is { } report ? new SynchronousProgress<PretrainingProgress>(report) : null;
        Pretraining = LayerwisePretraining.Pretrain(network, training, Options(seed), progress);
        PretrainingTime = clock.Elapsed;
        return network;
    }
}
