using NetGen;

namespace NetGen.Tests.Training;

/// <summary>The network's mode around Fit, and prediction after it on a network with batch normalization.</summary>
public class TrainerModeTests
{
    private static Dataset<double> RandomData(int count, int inputSize, int classes, int seed)
    {
        var random = new SeededRandom(seed);
        double[] inputs = Enumerable.Range(0, count * inputSize).Select(_ => random.NextGaussian()).ToArray();
        var targets = new double[count * classes];
        for (int s = 0; s < count; s++)
        {
            targets[s * classes + (int)(random.NextDouble() * classes)] = 1;
        }
        return new Dataset<double>(inputs, targets, inputSize, classes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fit_trains_in_training_mode_and_leaves_the_network_in_inference_mode(bool modeBefore)
    {
        var network = new ModeRecordingNetwork(new LinearRegressionNetwork(2, maxBatchSize: 4)) { IsTraining = modeBefore };
        var data = new Dataset<double>([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4], 2, 1);

        Trainer.Fit(network, new Sgd<double>(0.01), data, new TrainingOptions { Epochs = 2, BatchSize = 2 });

        Assert.Equal(4, network.ModesSeen.Count);
        Assert.All(network.ModesSeen, training => Assert.True(training));
        Assert.False(network.IsTraining);
    }

    [Fact]
    public void Fit_leaves_inference_mode_also_when_a_step_throws()
    {
        var network = new ModeRecordingNetwork(new LinearRegressionNetwork(2, maxBatchSize: 4)) { IsTraining = true, ThrowAtCall = 2 };
        var data = new Dataset<double>([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4], 2, 1);

        Assert.Throws<InvalidOperationException>(() =>
            Trainer.Fit(network, new Sgd<double>(0.01), data, new TrainingOptions { Epochs = 2, BatchSize = 2 }));

        Assert.True(network.ModesSeen[^1]);
        Assert.False(network.IsTraining);
    }

    [Fact]
    public void After_Fit_a_batch_normalization_network_predicts_one_sample_with_its_running_statistics()
    {
        var network = new PredictionBatchNorm(maxBatchSize: 32, seed: 2);
        double[] initialState = network.State.ToArray();
        Dataset<double> data = RandomData(200, PredictionBatchNorm.InputSize, PredictionBatchNorm.OutputSize, seed: 7);

        Trainer.Fit(network, new Adam<double>(0.01), data, new TrainingOptions { Epochs = 3, BatchSize = 16 });

        Assert.False(network.IsTraining); // ready to predict, as a Keras model after fit
        Assert.NotEqual(initialState, network.State.ToArray()); // training moved the running statistics
        ReadOnlySpan<double> sample = data.InputOf(5);
        // The case: the first one-sample prediction right after Fit, straight through Forward.
        var direct = new double[PredictionBatchNorm.OutputSize];
        network.Forward(sample, direct);
        double[] one = Trainer.Predict(network, sample);
        Assert.Equal(one, direct);
        Assert.False(network.IsTraining);

        // Inference normalizes each sample alone, with the running statistics: the sample's row of a larger prediction
        // (to rounding: a batch of one takes another kernel).
        double[] many = Trainer.Predict(network, data.Inputs[..(40 * PredictionBatchNorm.InputSize)]);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(many[5 * 3 + k], one[k], 1e-12);
        }
        // ... and those statistics decide the output: other running means give another prediction.
        double[] trainedState = network.State.ToArray();
        for (int i = 0; i < 8; i++)
        {
            network.State[i] += 1; // the running means come first
        }
        Assert.NotEqual(one, Trainer.Predict(network, sample));
        trainedState.CopyTo(network.State);
        Assert.Equal(one, Trainer.Predict(network, sample));
    }
}
