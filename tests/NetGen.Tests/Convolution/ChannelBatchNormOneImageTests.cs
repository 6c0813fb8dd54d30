using System.Numerics;
using NetGen.Tests.GradientChecks;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Convolution;

/// <summary>
/// Batch normalization over an image's channels takes each channel's statistics over the batch and the pixels, as PyTorch's
/// <c>BatchNorm2d</c> does, so in training mode one image is enough (a dense batch normalization still needs two samples).
/// </summary>
public class ChannelBatchNormOneImageTests(ITestOutputHelper output)
{
    private const int Channels = 4, Pixels = 36; // NormalizedResidualConvNet's batch normalization: 4x6x6
    private const double Epsilon = 1e-5; // [BatchNorm]'s default

    [Fact]
    public void One_image_is_normalized_over_its_pixels_and_moves_the_running_statistics_by_them()
    {
        var network = new NormalizedResidualConvNet(maxBatchSize: 1, seed: 5);
        double[] image = Enumerable.Range(0, NormalizedResidualConvNet.InputSize).Select(i => Math.Sin(0.7 * i) + 0.3).ToArray();
        var target = new double[NormalizedResidualConvNet.OutputSize];
        target[1] = 1;

        network.ComputeGradients(image, target, 1);

        double[] convolution = network.PreActivations(0).ToArray(); // no bias, no activation: the normalization's input
        double[] normalized = network.PreActivations(1).ToArray(); // γ = 1 and β = 0 at the start: x̂ itself
        for (int c = 0; c < Channels; c++)
        {
            double[] x = convolution.AsSpan(c * Pixels, Pixels).ToArray();
            double mean = x.Average();
            double variance = x.Sum(v => (v - mean) * (v - mean)) / Pixels;
            for (int p = 0; p < Pixels; p++)
            {
                Assert.Equal((x[p] - mean) / Math.Sqrt(variance + Epsilon), normalized[c * Pixels + p], 12);
            }
            // Momentum 0.1 from mean 0 and variance 1, the variance unbiased over the 36 values (PyTorch's n/(n − 1)).
            Assert.Equal(0.1 * mean, network.Layer2RunningMean[c], 12);
            Assert.Equal(0.9 + 0.1 * variance * Pixels / (Pixels - 1), network.Layer2RunningVariance[c], 12);
        }
    }

    [Fact]
    public void One_image_s_gradients_match_finite_differences() =>
        FiniteDifferences.Check(new NormalizedResidualConvNet(maxBatchSize: 1, seed: 5), nameof(NormalizedResidualConvNet), output, batchSize: 1);

    [Fact]
    public void Fit_trains_on_a_last_batch_of_one_image_but_not_of_one_vector()
    {
        var convolutional = new NormalizedResidualConvNet(maxBatchSize: 1, seed: 5);
        var dense = new NormalizedCircleClassifier(maxBatchSize: 1, seed: 1);

        Assert.True(ParametersChangeOnOneSample(convolutional));
        Assert.False(ParametersChangeOnOneSample(dense));
    }

    [Fact]
    public void One_vector_is_still_refused_in_training_mode()
    {
        var error = Assert.Throws<ArgumentException>(() => new NormalizedCircleClassifier(maxBatchSize: 1, seed: 1).Forward(new float[2], new float[2]));
        Assert.Contains("needs at least 2 samples", error.Message);
    }

    private static bool ParametersChangeOnOneSample<T>(INetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] inputs = Enumerable.Range(0, network.InputSize).Select(i => T.CreateChecked(Math.Cos(i))).ToArray();
        var targets = new T[network.OutputSize];
        targets[0] = T.One;
        T[] before = network.Parameters.ToArray();
        Trainer.Fit(network, new Sgd<T>(0.1), new Dataset<T>(inputs, targets, network.InputSize, network.OutputSize),
            new TrainingOptions { Epochs = 1, BatchSize = 1 });
        return !before.AsSpan().SequenceEqual(network.Parameters);
    }
}
