using NetGen;

namespace VanishingGradientsSample;

/// <summary>
/// How every network is trained: one optimizer, learning rate, batch size and number of epochs for all, so that the
/// depth and the remedies are the only differences.
/// </summary>
internal sealed record Recipe(int Epochs, int Seed, double LearningRate = Recipe.DefaultLearningRate, double Momentum = Recipe.DefaultMomentum, int BatchSize = Recipe.DefaultBatchSize)
{
    public const int DefaultEpochs = 10;
    public const double DefaultLearningRate = 0.003;
    public const double DefaultMomentum = 0.9;
    public const int DefaultBatchSize = 32;

    /// <summary>Images of the training set on which the speed of learning is measured (Nielsen uses 1,000).</summary>
    public const int SpeedSamples = 1000;

    /// <summary>The monitor measures the weight-gradient norms every this many mini-batches.</summary>
    public const int MonitorInterval = 10;

    /// <summary>A new optimizer (its momentum is per network).</summary>
    public IOptimizer<float> CreateOptimizer() => new Sgd<float>(LearningRate, Momentum);

    public string Describe() =>
        $"SGD (learning rate {LearningRate}, momentum {Momentum}), batch size {BatchSize}, {Epochs} epochs, seed {Seed}";
}
