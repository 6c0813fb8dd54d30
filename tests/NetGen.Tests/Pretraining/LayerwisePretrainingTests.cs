using NetGen;

namespace NetGen.Tests.Pretraining;

public class LayerwisePretrainingTests
{
    private static readonly PretrainingOptions Options = new() { EpochsPerLayer = 6, BatchSize = 10, LearningRate = 0.1, Seed = 3 };

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.0)]
    [InlineData(true, 0.25)]
    [InlineData(false, 0.25)]
    public void The_reconstruction_error_of_each_layer_decreases(bool tiedWeights, double corruption)
    {
        INetwork<double> network = new MixedPretrainingStack(maxBatchSize: 16, seed: 1);
        PretrainingResult result = LayerwisePretraining.Pretrain(
            network, PretrainingData.Create<double>(), new PretrainingOptions { EpochsPerLayer = 6, BatchSize = 10, TiedWeights = tiedWeights, Corruption = corruption, Seed = 3 });

        Assert.Equal([0, 1, 2], result.Layers.Select(l => l.LayerIndex));
        Assert.Equal(
            [ReconstructionLoss.SigmoidCrossEntropy, ReconstructionLoss.SigmoidCrossEntropy, ReconstructionLoss.LinearSquaredError],
            result.Layers.Select(l => l.Loss));
        foreach (LayerPretraining layer in result.Layers)
        {
            IReadOnlyList<double> errors = layer.ReconstructionErrors;
            Assert.Equal(Options.EpochsPerLayer + 1, errors.Count);
            Assert.True(errors[^1] < 0.9 * errors[0],
                $"{layer.LayerName} ({layer.Loss}): reconstruction error {errors[0]:G6} before, {errors[^1]:G6} after: {string.Join(", ", errors.Select(e => e.ToString("G4")))}");
            Assert.True(errors.Skip(1).All(e => e < errors[0]), $"{layer.LayerName}: an epoch ended above the error before training: {string.Join(", ", errors)}");
        }
    }

    [Fact]
    public void Only_the_hidden_dense_layers_change()
    {
        INetwork<double> network = new MixedPretrainingStack(maxBatchSize: 16, seed: 1);
        double[] before = network.Parameters.ToArray();
        LayerwisePretraining.Pretrain(network, PretrainingData.Create<double>(), Options);
        double[] after = network.Parameters.ToArray();

        LayerInfo output = network.Layers[^1];
        Assert.Equal(before.AsSpan(output.WeightOffset, output.ParameterCount).ToArray(), after.AsSpan(output.WeightOffset, output.ParameterCount).ToArray());
        foreach (LayerInfo hidden in network.Layers.Take(3))
        {
            int changedWeights = Enumerable.Range(hidden.WeightOffset, hidden.WeightCount).Count(i => before[i] != after[i]);
            int changedBiases = Enumerable.Range(hidden.BiasOffset, hidden.BiasCount).Count(i => before[i] != after[i]);
            Assert.True(changedWeights > hidden.WeightCount / 2, $"{hidden.Name}: {changedWeights} of {hidden.WeightCount} weights changed.");
            Assert.True(changedBiases > hidden.BiasCount / 2, $"{hidden.Name}: {changedBiases} of {hidden.BiasCount} biases changed.");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_parameters_and_another_seed_others()
    {
        double[] Run(int seed)
        {
            var network = new SigmoidPretrainingStack(maxBatchSize: 16, seed: 1);
            LayerwisePretraining.Pretrain(
                network, PretrainingData.Create<float>(), new PretrainingOptions { EpochsPerLayer = 2, BatchSize = 10, Corruption = 0.2, Seed = seed });
            return [.. network.Parameters.ToArray().Select(p => (double)p)];
        }

        double[] first = Run(5);
        Assert.Equal(first, Run(5));
        Assert.NotEqual(first, Run(6));
    }

    [Fact]
    public void Each_layer_is_trained_on_the_activations_the_network_computes()
    {
        INetwork<double> network = new MixedPretrainingStack(maxBatchSize: 16, seed: 1);
        Dataset<double> data = PretrainingData.Create<double>(count: 16);
        LayerwisePretraining.Pretrain(network, data, Options);

        var outputs = new double[16 * 3];
        network.Forward(data.Inputs, outputs, 16);
        double[] inputs = data.Inputs.ToArray();
        for (int l = 0; l < 3; l++)
        {
            LayerInfo layer = network.Layers[l];
            inputs = DenseForward.Outputs(network, layer, inputs, 16);
            double[] expected = network.PreActivations(l).ToArray();
            expected = [.. expected.Select(z => layer.Activation switch
            {
                Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
                Activation.Tanh => Math.Tanh(z),
                Activation.ReLU => Math.Max(z, 0),
                _ => z,
            })];
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - inputs[i]) <= 1e-12, $"{layer.Name}, value {i}: the network computes {expected[i]:R}, pretraining {inputs[i]:R}.");
            }
        }
    }

    [Fact]
    public void Progress_is_reported_after_every_epoch_of_every_layer()
    {
        var reports = new List<PretrainingProgress>();
        INetwork<float> network = new SigmoidPretrainingStack(maxBatchSize: 16, seed: 1);
        PretrainingResult result = LayerwisePretraining.Pretrain(
            network, PretrainingData.Create<float>(), new PretrainingOptions { EpochsPerLayer = 2 }, new ListProgress(reports));

        Assert.Equal(
            [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)],
            reports.Select(r => (r.HiddenLayer, r.Epoch)));
        Assert.All(reports, r => Assert.Equal(3, r.HiddenLayers));
        Assert.Equal(result.Layers[1].ReconstructionErrors[2], reports[3].ReconstructionError);
    }

    [Fact]
    public void A_normalization_layer_is_refused_by_name()
    {
        INetwork<float> network = new BatchNormPretrainingStack(maxBatchSize: 16, seed: 1);
        var error = Assert.Throws<NotSupportedException>(() => LayerwisePretraining.Pretrain(network, PretrainingData.Create<float>(), Options));
        Assert.Contains(network.Layers[1].Name, error.Message);
        Assert.Contains("BatchNorm", error.Message);
    }

    [Fact]
    public void An_unsupported_activation_is_refused_by_name()
    {
        var network = new EluPretrainingStack(maxBatchSize: 16, seed: 1);
        float[] before = network.Parameters.ToArray();
        var error = Assert.Throws<NotSupportedException>(() => LayerwisePretraining.Pretrain(network, PretrainingData.Create<float>(), Options));
        Assert.Contains("Layer1", error.Message);
        Assert.Contains("ELU", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Data_of_another_width_is_refused_with_both_widths()
    {
        INetwork<float> network = new SigmoidPretrainingStack(maxBatchSize: 16, seed: 1);
        var data = new Dataset<float>(new float[15 * 4], new float[3 * 4], 15, 3);
        var error = Assert.Throws<ArgumentException>(() => LayerwisePretraining.Pretrain(network, data, Options));
        Assert.Contains("16", error.Message);
        Assert.Contains("15", error.Message);
    }

    [Fact]
    public void A_non_finite_input_is_refused_with_its_sample()
    {
        INetwork<float> network = new SigmoidPretrainingStack(maxBatchSize: 16, seed: 1);
        var inputs = new float[16 * 4];
        inputs[2 * 16 + 5] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => LayerwisePretraining.Pretrain(network, new Dataset<float>(inputs, new float[3 * 4], 16, 3), Options));
        Assert.Contains("Input 5 of sample 2 is NaN", error.Message);
    }

    [Fact]
    public void Cross_entropy_is_refused_for_inputs_outside_0_to_1()
    {
        INetwork<double> network = new MixedPretrainingStack(maxBatchSize: 16, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => LayerwisePretraining.Pretrain(
            network, PretrainingData.Create<double>(), new PretrainingOptions { EpochsPerLayer = 1, Reconstruction = ReconstructionLoss.SigmoidCrossEntropy }));
        Assert.Contains("Layer3", error.Message); // the tanh outputs of Layer2 go below 0
        Assert.Contains("[0, 1]", error.Message);
    }

    [Fact]
    public void A_diverging_layer_throws_and_keeps_its_old_weights()
    {
        var network = new MixedPretrainingStack(maxBatchSize: 16, seed: 1);
        double[] before = network.Parameters.ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => LayerwisePretraining.Pretrain(
            network, PretrainingData.Create<double>(), new PretrainingOptions { EpochsPerLayer = 3, LearningRate = 1e6, Reconstruction = ReconstructionLoss.LinearSquaredError }));
        Assert.Contains("Layer1", error.Message);
        Assert.Contains("Lower the learning rate (1000000)", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Options_out_of_range_are_refused(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainingOptions { EpochsPerLayer = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainingOptions { BatchSize = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainingOptions { LearningRate = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainingOptions { Corruption = value == 0 ? 1 : value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainingOptions { LearningRate = double.NaN });
    }

    private sealed class ListProgress(List<PretrainingProgress> reports) : IProgress<PretrainingProgress>
    {
        public void Report(PretrainingProgress value) => reports.Add(value);
    }
}
