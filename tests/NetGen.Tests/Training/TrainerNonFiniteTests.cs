using System.Numerics;
using NetGen;

namespace NetGen.Tests.Training;

/// <summary>TrainingOptions.NonFiniteLoss: one NaN pixel, or a loss that overflows, must not turn the parameters NaN in silence.</summary>
public class TrainerNonFiniteTests
{
    private const int BadSample = 37;

    /// <summary>200 samples of 16 inputs in 3 classes; sample 37 has a NaN at input 5.</summary>
    private static Dataset<T> DataWithOneNaNPixel<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(3);
        T[] inputs = Enumerable.Range(0, 200 * 16).Select(_ => T.CreateTruncating(random.NextGaussian())).ToArray();
        var targets = new T[200 * 3];
        for (int s = 0; s < 200; s++)
        {
            targets[s * 3 + (int)(random.NextDouble() * 3)] = T.One;
        }
        inputs[BadSample * 16 + 5] = T.NaN;
        return new Dataset<T>(inputs, targets, 16, 3);
    }

    private static IOptimizer<T> Optimizer<T>(string name) where T : unmanaged, IFloatingPointIeee754<T> => name switch
    {
        "Sgd" => new Sgd<T>(0.05),
        "Adam" => new Adam<T>(0.01),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    private static TrainingOptions Options(bool clip, NonFiniteLoss policy = NonFiniteLoss.Stop) =>
        new() { Epochs = 3, BatchSize = 16, Seed = 1, ClipGradientNorm = clip ? 1.0 : null, NonFiniteLoss = policy };

    private static bool AllFinite<T>(Span<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T value in values)
        {
            if (!T.IsFinite(value))
            {
                return false;
            }
        }
        return true;
    }

    private static void AssertStopsAtTheBadSample<T>(INetwork<T> network, IOptimizer<T> optimizer, bool clip)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var exception = Assert.Throws<NonFiniteLossException>(() => Trainer.Fit(network, optimizer, DataWithOneNaNPixel<T>(), Options(clip)));

        Assert.True(AllFinite(network.Parameters), "a parameter is not finite");
        Assert.Equal(1, exception.Epoch); // every sample is in the first epoch
        Assert.Equal(exception.Batch, exception.Step);
        Assert.InRange(exception.Batch, 1, 13);
        Assert.Equal(BadSample, exception.Sample);
        Assert.Equal(0, exception.LayerIndex);
        Assert.Equal("Layer1", exception.LayerName);
        Assert.False(exception.ParametersUpdated);
        Assert.True(double.IsNaN(exception.Loss), $"loss {exception.Loss}");
        Assert.Contains($"epoch 1, mini-batch {exception.Batch} of 13 (step {exception.Step})", exception.Message);
        Assert.Contains($"sample {BadSample} of the training data has NaN at input 5", exception.Message);
        Assert.Contains("Layer1 (layer 0) is the first layer whose pre-activations are not finite", exception.Message);
        Assert.Contains("SkipBatch", exception.Message);
    }

    [Theory]
    [InlineData("Sgd", false)]
    [InlineData("Adam", false)]
    [InlineData("Sgd", true)]
    public void One_NaN_pixel_stops_training_before_its_step(string optimizer, bool clip) =>
        AssertStopsAtTheBadSample(new NonFiniteReLU(maxBatchSize: 16, seed: 2), Optimizer<double>(optimizer), clip);

    [Theory]
    [InlineData("Sgd", false)]
    [InlineData("Adam", true)]
    public void One_NaN_pixel_stops_training_of_a_float_network_before_its_step(string optimizer, bool clip) =>
        AssertStopsAtTheBadSample(new NonFiniteTanh(maxBatchSize: 16, seed: 2), Optimizer<float>(optimizer), clip);

    [Fact]
    public void Continue_trains_on_as_before_and_the_NaN_spreads_into_the_parameters()
    {
        var network = new NonFiniteReLU(maxBatchSize: 16, seed: 2);
        TrainingHistory history = Trainer.Fit(network, new Sgd<double>(0.05), DataWithOneNaNPixel<double>(), Options(clip: false, NonFiniteLoss.Continue));
        Assert.Equal(3, history.Epochs.Count);
        Assert.False(AllFinite(network.Parameters));
    }

    [Theory]
    [InlineData("Sgd", false)]
    [InlineData("Adam", false)]
    [InlineData("Sgd", true)]
    public void SkipBatch_leaves_out_the_batch_of_the_NaN_pixel_once_per_epoch_and_trains_to_the_end(string optimizer, bool clip)
    {
        var network = new NonFiniteReLU(maxBatchSize: 16, seed: 2);
        TrainingHistory history = Trainer.Fit(
            network, Optimizer<double>(optimizer), DataWithOneNaNPixel<double>(), Options(clip, NonFiniteLoss.SkipBatch));

        Assert.Equal(3, history.Epochs.Count);
        Assert.All(history.Epochs, epoch => Assert.Equal(1, epoch.SkippedBatches));
        Assert.All(history.Epochs, epoch => Assert.True(double.IsFinite(epoch.TrainingLoss)));
        Assert.True(AllFinite(network.Parameters), "a parameter is not finite");
        Assert.True(history.Epochs[^1].TrainingLoss < history.Epochs[0].TrainingLoss);
    }

    /// <summary>Finite data, and a learning rate that makes the errors grow about a millionfold a step until the loss overflows.</summary>
    private static Dataset<double> LinearData()
    {
        var random = new SeededRandom(4);
        double[] inputs = Enumerable.Range(0, 64 * 3).Select(_ => random.NextGaussian()).ToArray();
        double[] targets = Enumerable.Range(0, 64).Select(s => inputs[s * 3] - 2 * inputs[s * 3 + 1]).ToArray();
        return new Dataset<double>(inputs, targets, 3, 1);
    }

    private static TrainingOptions DivergingOptions(NonFiniteLoss policy = NonFiniteLoss.Stop) =>
        new() { Epochs = 200, BatchSize = 8, Seed = 1, NonFiniteLoss = policy };

    [Fact]
    public void An_overflowing_loss_stops_an_unfused_step_before_its_update()
    {
        var network = new DivergingLinear(maxBatchSize: 8, seed: 1);
        var exception = Assert.Throws<NonFiniteLossException>(() =>
            Trainer.Fit(network, new UnfusedSgd(new Sgd<double>(1e6)), LinearData(), DivergingOptions()));

        Assert.False(double.IsFinite(exception.Loss));
        Assert.False(exception.ParametersUpdated);
        Assert.Null(exception.Sample);
        Assert.True(AllFinite(network.Parameters), "a parameter is not finite");
        Assert.Equal((exception.Step - 1) / 8 + 1, exception.Epoch);
        Assert.Contains("though its inputs and targets are finite", exception.Message);
        Assert.Contains("The parameters are those before this batch", exception.Message);
    }

    [Fact]
    public void An_overflowing_loss_stops_a_fused_step_and_says_that_its_update_was_applied()
    {
        var network = new DivergingLinear(maxBatchSize: 8, seed: 1);
        var exception = Assert.Throws<NonFiniteLossException>(() => Trainer.Fit(network, new Sgd<double>(1e6), LinearData(), DivergingOptions()));

        Assert.False(double.IsFinite(exception.Loss));
        Assert.True(exception.ParametersUpdated);
        Assert.Contains("had already updated the parameters", exception.Message);
    }

    [Fact]
    public void SkipBatch_leaves_out_every_batch_whose_loss_overflows_and_keeps_the_parameters_finite()
    {
        var network = new DivergingLinear(maxBatchSize: 8, seed: 1);
        TrainingHistory history = Trainer.Fit(network, new Sgd<double>(1e6), LinearData(), DivergingOptions(NonFiniteLoss.SkipBatch));

        Assert.Equal(200, history.Epochs.Count);
        Assert.True(AllFinite(network.Parameters), "a parameter is not finite");
        Assert.Equal(0, history.Epochs[0].SkippedBatches);
        Assert.Equal(8, history.Epochs[^1].SkippedBatches); // the parameters that overflow every batch are kept, so every later batch overflows
        Assert.True(double.IsNaN(history.Epochs[^1].TrainingLoss));
    }

    [Fact]
    public void SkipBatch_keeps_the_running_statistics_of_a_batch_it_leaves_out()
    {
        var network = new PredictionBatchNorm(maxBatchSize: 16, seed: 2);
        var random = new SeededRandom(8);
        double[] inputs = Enumerable.Range(0, 64 * 6).Select(_ => random.NextGaussian() * 1e3).ToArray();
        double[] targets = Enumerable.Range(0, 64).SelectMany(s => new[] { s % 3 == 0 ? 1.0 : 0, s % 3 == 1 ? 1.0 : 0, s % 3 == 2 ? 1.0 : 0 }).ToArray();
        var data = new Dataset<double>(inputs, targets, 6, 3);

        TrainingHistory history = Trainer.Fit(
            network, new Sgd<double>(1e200), data, new TrainingOptions { Epochs = 4, BatchSize = 16, NonFiniteLoss = NonFiniteLoss.SkipBatch });

        Assert.True(history.Epochs.Sum(e => e.SkippedBatches) > 0, "no batch overflowed");
        Assert.True(AllFinite(network.Parameters), "a parameter is not finite");
        Assert.True(AllFinite(network.State), "a running statistic is not finite");
    }

    [Fact]
    public void The_policy_defaults_to_Stop_and_rejects_undefined_values()
    {
        Assert.Equal(NonFiniteLoss.Stop, new TrainingOptions().NonFiniteLoss);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { NonFiniteLoss = (NonFiniteLoss)7 });
        Assert.Equal("NonFiniteLoss", exception.ParamName);
    }

    /// <summary>Sgd without its elementwise interface, so that TrainStep computes every gradient before the update.</summary>
    private sealed class UnfusedSgd(Sgd<double> sgd) : IOptimizer<double>
    {
        public void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => sgd.Step(parameters, gradients);
    }
}
