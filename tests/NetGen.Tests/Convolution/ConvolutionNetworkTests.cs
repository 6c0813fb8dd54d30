using NetGen.Tests.GradientChecks;
using NetGen.Tests.Data;
using Xunit.Abstractions;

namespace NetGen.Tests.Convolution;

/// <summary>
/// Generated convolutional networks end to end: every parameter's gradient against finite differences of the network's
/// own loss (in double), training on the embedded MNIST subset, and nothing allocated per step. The kernels themselves are
/// checked against libtorch in Conv2DTorchReferenceTests and PoolTorchReferenceTests.
/// </summary>
public class ConvolutionNetworkTests(ITestOutputHelper output)
{
    [Fact]
    public void Strided_padded_convolutions_and_max_pooling_match_finite_differences() =>
        FiniteDifferences.Check(new StridedConvNet(FiniteDifferences.BatchSize, seed: 3), nameof(StridedConvNet), output);

    [Fact]
    public void Dilated_convolutions_and_average_poolings_match_finite_differences() =>
        FiniteDifferences.Check(new DilatedConvNet(FiniteDifferences.BatchSize, seed: 4), nameof(DilatedConvNet), output);

    [Fact]
    public void Channel_batch_normalization_and_residual_convolutions_match_finite_differences() =>
        FiniteDifferences.Check(new NormalizedResidualConvNet(FiniteDifferences.BatchSize, seed: 5), nameof(NormalizedResidualConvNet), output);

    [Fact]
    public void Shapes_and_parameter_counts_are_those_declared()
    {
        var network = new StridedConvNet(1, seed: 1);
        Assert.Equal(2 * 8 * 10, StridedConvNet.InputSize);
        Assert.Equal(3, StridedConvNet.OutputSize);
        // 3·2·3·3 + 3, 4·3·3·3 + 4, 3·24 + 3: counted by hand from the declaration.
        Assert.Equal(57 + 112 + 75, network.Parameters.Length);
    }

    [Fact]
    public void Small_cnn_learns_the_embedded_mnist_subset()
    {
        MnistData data = Mnist.Load(RepositoryPaths.EmbeddedMnistSubset);
        var network = new SmallConvDigits(maxBatchSize: 64, seed: 1);
        Trainer.Fit(network, new Adam<float>(), data.Training.ToDataset<float>(), new TrainingOptions { Epochs = 2, BatchSize = 64, Seed = 1 });
        Evaluation test = Trainer.Evaluate(network, data.Test.ToDataset<float>(), 64);
        Assert.Equal(2000, test.Count);
        // The MLP of TrainingTests reaches 90 % after 5 epochs; a CNN should do at least as well after 2.
        Assert.True(test.Accuracy >= 0.93, $"test accuracy {test.Accuracy:P2} on 2,000 held-out images, expected at least 93%");
    }

    [Fact]
    public void A_training_step_allocates_nothing()
    {
        long allocated = SteadyStateAllocations.OfTrainingStep(new SmallConvDigits(maxBatchSize: 8, seed: 1), batchSize: 8);
        Assert.True(allocated == 0, $"A training step and a forward pass allocated {allocated} bytes; they must allocate none.");
    }
}
