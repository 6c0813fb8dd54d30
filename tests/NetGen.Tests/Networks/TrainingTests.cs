using NetGen.Tests.Data;

namespace NetGen.Tests.Networks;

/// <summary>Generated networks learn: small problems to a stated accuracy from a fixed seed, deterministically.</summary>
public class TrainingTests
{
    [Fact]
    public void Circle_classifier_learns_a_nonlinear_boundary()
    {
        var network = new CircleClassifier(maxBatchSize: 32, seed: 1);
        Dataset<float> training = Circles(2000, seed: 1, oneHot: true);
        Dataset<float> test = Circles(1000, seed: 2, oneHot: true);
        Evaluation before = Trainer.Evaluate(network, test, 32);

        Trainer.Fit(network, new Adam<float>(0.01), training, new TrainingOptions { Epochs = 20, BatchSize = 32, Seed = 1 });

        Evaluation after = Trainer.Evaluate(network, test, 32);
        Assert.InRange(before.Accuracy, 0.0, 0.8); // a random network is no better than guessing "outside"
        Assert.True(after.Accuracy >= 0.97, $"test accuracy {after.Accuracy:P2} after training, expected at least 97%");
        Assert.True(after.Loss < before.Loss / 5, $"loss {before.Loss} -> {after.Loss}");
    }

    [Fact]
    public void Sigmoid_output_with_binary_cross_entropy_learns_the_same_problem()
    {
        var network = new CircleDetector(maxBatchSize: 32, seed: 1);
        Dataset<float> training = Circles(2000, seed: 1, oneHot: false);
        Dataset<float> test = Circles(1000, seed: 2, oneHot: false);

        Trainer.Fit(network, new Adam<float>(0.01), training, new TrainingOptions { Epochs = 30, BatchSize = 32, Seed = 1 });

        Evaluation after = Trainer.Evaluate(network, test, 32);
        Assert.True(after.Accuracy >= 0.95, $"test accuracy {after.Accuracy:P2} after training, expected at least 95%");
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_losses()
    {
        (float[] weights, double[] losses) Run()
        {
            var network = new CircleClassifier(maxBatchSize: 16, seed: 7);
            TrainingHistory history = Trainer.Fit(network, new Sgd<float>(0.1, momentum: 0.9), Circles(500, seed: 3, oneHot: true),
                new TrainingOptions { Epochs = 3, BatchSize = 16, Seed = 7 });
            return (network.Parameters.ToArray(), history.Epochs.Select(e => e.TrainingLoss).ToArray());
        }
        var first = Run();
        var second = Run();
        Assert.Equal(first.weights, second.weights);
        Assert.Equal(first.losses, second.losses);
    }

    [Fact]
    public void Small_mlp_learns_the_embedded_mnist_subset()
    {
        MnistData data = Mnist.Load(RepositoryPaths.EmbeddedMnistSubset);
        var network = new SmallDigits(maxBatchSize: 64, seed: 1);

        Trainer.Fit(network, new Adam<float>(), data.Training.ToDataset<float>(), new TrainingOptions { Epochs = 5, BatchSize = 64, Seed = 1 });

        Evaluation test = Trainer.Evaluate(network, data.Test.ToDataset<float>(), 64);
        Assert.Equal(2000, test.Count);
        Assert.True(test.Accuracy >= 0.90, $"test accuracy {test.Accuracy:P2} on 2,000 held-out images, expected at least 90%");
    }

    /// <summary>Points uniform in [−1, 1]², labelled 1 when inside the circle of radius 0.6 (about 28% of them).</summary>
    private static Dataset<float> Circles(int count, int seed, bool oneHot)
    {
        var random = new SeededRandom(seed);
        int targetSize = oneHot ? 2 : 1;
        var inputs = new float[count * 2];
        var targets = new float[count * targetSize];
        for (int i = 0; i < count; i++)
        {
            float x = (float)(2 * random.NextDouble() - 1), y = (float)(2 * random.NextDouble() - 1);
            inputs[2 * i] = x;
            inputs[2 * i + 1] = y;
            int inside = x * x + y * y < 0.36f ? 1 : 0;
            if (oneHot)
            {
                targets[2 * i + inside] = 1;
            }
            else
            {
                targets[i] = inside;
            }
        }
        return new Dataset<float>(inputs, targets, 2, targetSize);
    }
}
