namespace NetGen.Tests.Networks;

[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(16)]
[BatchNorm(Activation = Activation.ReLU)]
[Residual]
[Dense(16, Activation.ReLU, Init = Init.HeNormal)]
[Dense(16)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[Dense(2)]
public partial class NormalizedCircleClassifier;

public class NormalizationTrainingTests
{
    [Fact]
    public void Residual_network_with_batch_normalization_learns_and_evaluates_in_inference_mode()
    {
        var network = new NormalizedCircleClassifier(maxBatchSize: 32, seed: 1);
        // 2,001 samples: the last batch of each epoch holds one sample, which batch normalization cannot train on.
        Dataset<float> training = CircleData.Make(2001, seed: 1);
        Dataset<float> test = CircleData.Make(1000, seed: 2);

        Trainer.Fit(network, new Adam<float>(0.01), training, new TrainingOptions { Epochs = 10, BatchSize = 32, Seed = 1 });
        Assert.False(network.IsTraining); // Fit leaves inference mode
        network.IsTraining = true;
        Evaluation evaluation = Trainer.Evaluate(network, test, 32);

        Assert.True(evaluation.Accuracy >= 0.95, $"test accuracy {evaluation.Accuracy:P2}, expected at least 95%");
        Assert.True(network.IsTraining); // Evaluate restored the mode
        Assert.NotEqual(0f, network.Layer2RunningMean[0]); // training moved the running statistics
    }

    [Fact]
    public void Inference_mode_uses_the_running_statistics()
    {
        var network = new NormalizedCircleClassifier(maxBatchSize: 4, seed: 1);
        float[] inputs = [0.1f, 0.2f, -0.3f, 0.4f];
        var trainingOutputs = new float[4];
        var inferenceOutputs = new float[4];
        network.Forward(inputs, trainingOutputs, 2);
        network.IsTraining = false;
        network.Forward(inputs, inferenceOutputs, 2);
        Assert.NotEqual(trainingOutputs, inferenceOutputs);

        // With running mean 0 and variance 1 (their start), inference normalizes by √(1 + ε) only: a single sample works.
        var single = new float[2];
        network.Forward(inputs.AsSpan(0, 2), single);
        Assert.Equal(inferenceOutputs.AsSpan(0, 2).ToArray(), single);
    }

    [Fact]
    public void Single_sample_in_training_mode_is_refused_with_the_reason()
    {
        var network = new NormalizedCircleClassifier(maxBatchSize: 4, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => network.Forward(new float[2], new float[2]));
        Assert.Contains("Layer2 is a batch normalization layer", error.Message);
        Assert.Contains("IsTraining = false", error.Message);
        Assert.Equal("batchSize", error.ParamName);
    }

    [Fact]
    public void Running_statistics_follow_the_momentum_rule()
    {
        var network = new NormalizedCircleClassifier(maxBatchSize: 4, seed: 1);
        float[] inputs = [1, 2, 3, 4, 5, 6, 7, 8];
        float[] targets = [1, 0, 0, 1, 1, 0, 0, 1];
        float[] before = network.Layer2RunningVariance.ToArray();
        network.ComputeGradients(inputs, targets, 4);
        float[] z1 = network.PreActivations(0).ToArray();

        for (int j = 0; j < 16; j++)
        {
            double[] column = Enumerable.Range(0, 4).Select(s => (double)z1[s * 16 + j]).ToArray();
            double mean = column.Average();
            double unbiasedVariance = column.Sum(v => (v - mean) * (v - mean)) / 3;
            Assert.Equal(0.1 * mean, network.Layer2RunningMean[j], 5);
            Assert.Equal(0.9 * before[j] + 0.1 * unbiasedVariance, network.Layer2RunningVariance[j], 4);
        }
    }
}

internal static class CircleData
{
    /// <summary>Points uniform in [−1, 1]², one-hot labelled inside or outside the circle of radius 0.6.</summary>
    public static Dataset<float> Make(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var inputs = new float[count * 2];
        var targets = new float[count * 2];
        for (int i = 0; i < count; i++)
        {
            float x = (float)(2 * random.NextDouble() - 1), y = (float)(2 * random.NextDouble() - 1);
            inputs[2 * i] = x;
            inputs[2 * i + 1] = y;
            targets[2 * i + (x * x + y * y < 0.36f ? 1 : 0)] = 1;
        }
        return new Dataset<float>(inputs, targets, 2, 2);
    }
}
