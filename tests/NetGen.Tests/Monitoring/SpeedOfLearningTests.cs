using Xunit.Abstractions;

namespace NetGen.Tests.Monitoring;

public class SpeedOfLearningTests(ITestOutputHelper output)
{
    private const int Samples = 1000;

    private string Describe(string name, LayerLearningSpeed[] speeds)
    {
        string line = $"{name}: " + string.Join(", ", speeds.Select(s => $"{s.LayerName} {s.BiasGradientNorm:G3}"))
            + $"; last/first {speeds[^1].BiasGradientNorm / speeds[0].BiasGradientNorm:F1}x";
        output.WriteLine(line);
        return line;
    }

    [Fact]
    public void The_first_hidden_layer_of_a_deep_sigmoid_network_learns_far_slower_than_the_fourth()
    {
        Dataset<float> data = MonitorData.First(Samples);
        var network = new DeepSigmoid(maxBatchSize: 100, seed: 1);
        LayerLearningSpeed[] speeds = SpeedOfLearning.Measure(network, data, Samples);
        string line = Describe("sigmoid, LeCun normal, N(0,1) biases", speeds);

        Assert.Equal(["Layer1", "Layer2", "Layer3", "Layer4"], speeds.Select(s => s.LayerName));
        double ratio = speeds[3].BiasGradientNorm / speeds[0].BiasGradientNorm;
        Assert.True(ratio >= 30, line);
        for (int l = 0; l + 1 < speeds.Length; l++)
        {
            Assert.True(speeds[l].BiasGradientNorm < speeds[l + 1].BiasGradientNorm, line);
        }
    }

    [Fact]
    public void A_ReLU_He_network_of_the_same_shape_keeps_first_and_last_within_10x()
    {
        Dataset<float> data = MonitorData.First(Samples);
        var network = new DeepReLU(maxBatchSize: 100, seed: 1);
        LayerLearningSpeed[] speeds = SpeedOfLearning.Measure(network, data, Samples);
        string line = Describe("ReLU, He normal", speeds);
        double ratio = speeds[3].BiasGradientNorm / speeds[0].BiasGradientNorm;
        Assert.InRange(ratio, 0.1, 10);
        Assert.All(speeds, s => Assert.True(s.BiasGradientNorm > 0, line));
    }

    [Fact]
    public void Measuring_changes_no_parameter_restores_the_gradients_and_does_not_depend_on_the_batch_size()
    {
        Dataset<float> data = MonitorData.First(200);
        var network = new DeepSigmoid(maxBatchSize: 64, seed: 2);
        network.Gradients.Fill(0.5f);
        float[] parameters = network.Parameters.ToArray();

        LayerLearningSpeed[] byBatchOf64 = SpeedOfLearning.Measure(network, data);
        Assert.Equal(parameters, network.Parameters.ToArray());
        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0.5f, g));

        LayerLearningSpeed[] byBatchOf7 = SpeedOfLearning.Measure(network, data, batchSize: 7);
        for (int l = 0; l < byBatchOf64.Length; l++)
        {
            Assert.Equal(byBatchOf64[l].BiasGradientNorm, byBatchOf7[l].BiasGradientNorm, byBatchOf64[l].BiasGradientNorm * 1e-4);
        }

        // Against one gradient over all 200 samples, computed by a network large enough for a single batch.
        var whole = new DeepSigmoid(maxBatchSize: 200, seed: 2);
        whole.ComputeGradients(data.Inputs, data.Targets, 200);
        double expected = Math.Sqrt(whole.Layer1BiasGradients.ToArray().Sum(g => (double)g * g));
        Assert.Equal(expected, byBatchOf64[0].BiasGradientNorm, expected * 1e-4);
    }
}
