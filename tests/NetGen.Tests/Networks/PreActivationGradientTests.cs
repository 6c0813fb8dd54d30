using NetGen.Tests.Convolution;

namespace NetGen.Tests.Networks;

/// <summary>A dense network whose ∂loss/∂z the test recomputes by hand: 5 → 7 (tanh) → 6 (ReLU) → 4, softmax cross-entropy.</summary>
[Network(Inputs = 5, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(7, Activation.Tanh)]
[Dense(6, Activation.ReLU, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4)]
public partial class HandCheckedDenseNet;

/// <summary>
/// <see cref="INetwork{T}.PreActivationGradients"/> and the monitor's measurement built on it
/// (<see cref="LayerGradientStatistics.PreActivationGradientRms"/>, <see cref="LayerGradientStatistics.MeasuredGradient"/>).
/// </summary>
public class PreActivationGradientTests
{
    private const int Batch = 3;

    [Fact]
    public void A_dense_network_s_dz_are_those_of_a_backward_pass_written_here()
    {
        var network = new HandCheckedDenseNet(Batch, seed: 4);
        (double[] inputs, double[] targets) = Data(HandCheckedDenseNet.InputSize, HandCheckedDenseNet.OutputSize, seed: 9);
        network.ComputeGradients(inputs, targets, Batch);
        double[][] expected = HandBackward(network, inputs, targets);
        for (int k = 0; k < expected.Length; k++)
        {
            double[] actual = network.PreActivationGradients(k).ToArray();
            Assert.Equal(expected[k].Length, actual.Length);
            double scale = expected[k].Max(Math.Abs);
            Assert.True(scale > 0);
            for (int i = 0; i < actual.Length; i++)
            {
                Assert.True(Math.Abs(actual[i] - expected[k][i]) <= 1e-12 * scale, $"layer {k}, entry {i}: {actual[i]:R} against {expected[k][i]:R}");
            }
        }
    }

    [Fact]
    public void The_monitor_s_measured_gradient_is_the_root_mean_square_of_a_sample_s_dz_relative_to_the_output_s()
    {
        var network = new HandCheckedDenseNet(Batch, seed: 4);
        (double[] inputs, double[] targets) = Data(HandCheckedDenseNet.InputSize, HandCheckedDenseNet.OutputSize, seed: 9);
        network.ComputeGradients(inputs, targets, Batch);
        double[][] dz = HandBackward(network, inputs, targets);
        GradientReport report = new GradientMonitor<double>(network).Measure();
        double Rms(double[] values) => Batch * Math.Sqrt(values.Sum(v => v * v) / values.Length);
        double output = Rms(dz[^1]);
        for (int k = 0; k < dz.Length; k++)
        {
            Assert.Equal(Rms(dz[k]), report.Layers[k].PreActivationGradientRms, 1e-12);
            Assert.Equal(Rms(dz[k]) / output, report.Layers[k].MeasuredGradient, 1e-12);
        }
        Assert.Equal(1.0, report.Layers[^1].MeasuredGradient, 15);
    }

    [Fact]
    public void Convolution_and_normalization_dz_sum_to_their_bias_gradients_over_the_pixels_and_samples()
    {
        CheckBiasSums(new StridedConvNet(Batch, seed: 2));
        CheckBiasSums(new NormalizedResidualConvNet(Batch, seed: 2));
    }

    [Fact]
    public void A_forward_pass_after_the_backward_one_leaves_no_dz()
    {
        var network = new HandCheckedDenseNet(Batch, seed: 4);
        (double[] inputs, double[] targets) = Data(HandCheckedDenseNet.InputSize, HandCheckedDenseNet.OutputSize, seed: 9);
        network.ComputeGradients(inputs, targets, Batch);
        Assert.Equal(Batch * 7, network.PreActivationGradients(0).Length);
        network.Forward(inputs, new double[Batch * HandCheckedDenseNet.OutputSize], Batch);
        Assert.True(network.PreActivationGradients(0).IsEmpty);
        Assert.True(double.IsNaN(new GradientMonitor<double>(network).Measure().Layers[0].MeasuredGradient));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.PreActivationGradients(3).Length);
    }

    private static void CheckBiasSums(INetwork<double> network)
    {
        (double[] inputs, double[] targets) = Data(network.InputSize, network.OutputSize, seed: 5);
        network.ComputeGradients(inputs, targets, Batch);
        ReadOnlySpan<double> gradients = network.Gradients;
        int checkedLayers = 0;
        for (int k = 0; k < network.Layers.Count; k++)
        {
            LayerInfo layer = network.Layers[k];
            if (layer.BiasCount == 0)
            {
                continue;
            }
            double[] dz = network.PreActivationGradients(k).ToArray();
            int pixels = layer.Outputs / layer.BiasCount;
            for (int c = 0; c < layer.BiasCount; c++)
            {
                double sum = 0;
                for (int sample = 0; sample < Batch; sample++)
                {
                    for (int p = 0; p < pixels; p++)
                    {
                        sum += dz[sample * layer.Outputs + c * pixels + p];
                    }
                }
                Assert.Equal(gradients[layer.BiasOffset + c], sum, 1e-12);
            }
            checkedLayers++;
        }
        Assert.True(checkedLayers >= 2);
    }

    private static (double[] Inputs, double[] Targets) Data(int inputSize, int outputSize, int seed)
    {
        var inputs = new double[Batch * inputSize];
        var targets = new double[Batch * outputSize];
        RandomBatches.Fill(new SeededRandom(seed), inputs, targets, Batch);
        return (inputs, targets);
    }

    /// <summary>dz of the batch's mean softmax cross-entropy for each layer, from the network's parameters, by loops.</summary>
    private static double[][] HandBackward(INetwork<double> network, double[] inputs, double[] targets)
    {
        ReadOnlySpan<double> parameters = network.Parameters;
        Func<double, double>[] activations = [Math.Tanh, z => Math.Max(0, z), z => z];
        Func<double, double>[] derivatives = [z => 1 - Math.Tanh(z) * Math.Tanh(z), z => z > 0 ? 1 : 0, _ => 1];
        int layers = network.Layers.Count;
        var z = new double[layers][];
        var a = new double[layers + 1][];
        a[0] = inputs;
        for (int k = 0; k < layers; k++)
        {
            LayerInfo layer = network.Layers[k];
            z[k] = new double[Batch * layer.Outputs];
            a[k + 1] = new double[Batch * layer.Outputs];
            for (int sample = 0; sample < Batch; sample++)
            {
                for (int unit = 0; unit < layer.Outputs; unit++)
                {
                    double sum = parameters[layer.BiasOffset + unit];
                    for (int input = 0; input < layer.Inputs; input++)
                    {
                        sum += parameters[layer.WeightOffset + unit * layer.Inputs + input] * a[k][sample * layer.Inputs + input];
                    }
                    z[k][sample * layer.Outputs + unit] = sum;
                    a[k + 1][sample * layer.Outputs + unit] = activations[k](sum);
                }
            }
        }
        var dz = new double[layers][];
        int classes = network.Layers[^1].Outputs;
        dz[layers - 1] = new double[Batch * classes];
        for (int sample = 0; sample < Batch; sample++)
        {
            double[] row = z[layers - 1].AsSpan(sample * classes, classes).ToArray();
            double max = row.Max(), total = row.Sum(v => Math.Exp(v - max));
            for (int c = 0; c < classes; c++)
            {
                dz[layers - 1][sample * classes + c] = (Math.Exp(row[c] - max) / total - targets[sample * classes + c]) / Batch;
            }
        }
        for (int k = layers - 2; k >= 0; k--)
        {
            LayerInfo layer = network.Layers[k], above = network.Layers[k + 1];
            dz[k] = new double[Batch * layer.Outputs];
            for (int sample = 0; sample < Batch; sample++)
            {
                for (int unit = 0; unit < layer.Outputs; unit++)
                {
                    double da = 0;
                    for (int next = 0; next < above.Outputs; next++)
                    {
                        da += parameters[above.WeightOffset + next * above.Inputs + unit] * dz[k + 1][sample * above.Outputs + next];
                    }
                    dz[k][sample * layer.Outputs + unit] = da * derivatives[k](z[k][sample * layer.Outputs + unit]);
                }
            }
        }
        return dz;
    }
}
