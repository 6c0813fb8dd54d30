using NetGen.Tests.GradientChecks;
using NetGen.Tests.Persistence;
using Xunit.Abstractions;

namespace NetGen.Tests.Convolution;

/// <summary>
/// Residual blocks over images whose branch changes the shape, their skip a 1×1 convolution of stride s without bias
/// (PyTorch's <c>downsample = nn.Conv2d(C_in, C_out, 1, stride=s, bias=False)</c>): every gradient against finite
/// differences of the network's own loss, the forward against a nested-loop convolution written here, the fused training
/// step against the plain one, the safetensors round trip and no allocation per step.
/// </summary>
public class ProjectionSkipTests(ITestOutputHelper output)
{
    [Fact]
    public void Strided_and_channel_only_projections_match_finite_differences() =>
        FiniteDifferences.Check(new ProjectedResidualConvNet(FiniteDifferences.BatchSize, seed: 6), nameof(ProjectedResidualConvNet), output);

    [Fact]
    public void A_projection_of_the_network_input_over_a_non_square_image_matches_finite_differences() =>
        FiniteDifferences.Check(new InputProjectionConvNet(FiniteDifferences.BatchSize, seed: 7), nameof(InputProjectionConvNet), output);

    [Fact]
    public void The_projections_have_PyTorchs_shapes_and_parameter_counts()
    {
        // 3x7x7 -> 5x4x4: nn.Conv2d(3, 5, 1, stride=2, bias=False), 15 weights; 5x4x4 -> 4x4x4: nn.Conv2d(5, 4, 1), 20.
        Assert.Equal([LayerKind.Residual, LayerKind.Residual], new[] { ProjectedResidualConvNet.Layers[3].Kind, ProjectedResidualConvNet.Layers[5].Kind });
        Assert.Equal([15, 20], new[] { ProjectedResidualConvNet.Layers[3].ParameterCount, ProjectedResidualConvNet.Layers[5].ParameterCount });
        Assert.Equal(3 * 49, ProjectedResidualConvNet.Layers[3].Inputs);
        Assert.Equal(5 * 16, ProjectedResidualConvNet.Layers[3].Outputs);
        // 3x3x2 from 2x7x5 at stride 3: nn.Conv2d(2, 3, 1, stride=3), 6 weights.
        Assert.Equal(6, InputProjectionConvNet.Layers[1].ParameterCount);
        Assert.Equal(3 * 3 * 2, InputProjectionConvNet.Layers[1].Outputs);
    }

    /// <summary>
    /// z = tanh(branch's z) + P ⋆ x, the projection computed here by its definition: output pixel (i, j) of channel o is
    /// Σ_c P[o, c]·x[c, s·i, s·j]. Nothing of the convolution kernels is used.
    /// </summary>
    [Fact]
    public void The_projection_is_a_strided_1x1_convolution_of_the_skip()
    {
        const int batch = 2, inChannels = 2, height = 7, width = 5, outChannels = 3, outHeight = 3, outWidth = 2, stride = 3;
        var network = new InputProjectionConvNet(batch, seed: 8);
        var random = new SeededRandom(9);
        double[] inputs = Enumerable.Range(0, batch * InputProjectionConvNet.InputSize).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        network.Forward(inputs, new double[batch * InputProjectionConvNet.OutputSize], batch);

        double[] branch = network.PreActivations(0).ToArray(), z = network.PreActivations(1).ToArray(), p = network.Layer2Projection.ToArray();
        Assert.Equal(outChannels * inChannels, p.Length);
        Assert.Equal(batch * outChannels * outHeight * outWidth, z.Length);
        double largestProjected = 0;
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < outChannels; o++)
            {
                for (int i = 0; i < outHeight; i++)
                {
                    for (int j = 0; j < outWidth; j++)
                    {
                        double projected = 0;
                        for (int c = 0; c < inChannels; c++)
                        {
                            projected += p[o * inChannels + c] * inputs[((b * inChannels + c) * height + stride * i) * width + stride * j];
                        }
                        int at = ((b * outChannels + o) * outHeight + i) * outWidth + j;
                        double expected = Math.Tanh(branch[at]) + projected;
                        Assert.True(Math.Abs(z[at] - expected) <= 1e-14, $"sample {b}, channel {o}, pixel ({i}, {j}): {z[at]}, expected {expected}");
                        largestProjected = Math.Max(largestProjected, Math.Abs(projected));
                    }
                }
            }
        }
        Assert.True(largestProjected > 0.1, $"the projection's largest output is {largestProjected}: too small for the check to see it");
    }

    [Fact]
    public void A_fused_training_step_takes_the_plain_step()
    {
        double[] fused = Train(fusedStep: true), plain = Train(fusedStep: false);
        Assert.Equal(plain, fused);
        Assert.NotEqual(new ProjectedResidualConvNet(4, seed: 10).Layer4Projection.ToArray(), fused.AsSpan(ProjectedResidualConvNet.Layers[3].WeightOffset, 15).ToArray());
    }

    private static double[] Train(bool fusedStep)
    {
        var network = new ProjectedResidualConvNet(4, seed: 10);
        var optimizer = new Adam<double>(0.01);
        var random = new SeededRandom(11);
        for (int step = 0; step < 3; step++)
        {
            double[] inputs = Enumerable.Range(0, 4 * ProjectedResidualConvNet.InputSize).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            double[] targets = new double[4 * 3];
            for (int s = 0; s < 4; s++)
            {
                targets[s * 3 + (s + step) % 3] = 1;
            }
            if (fusedStep)
            {
                network.TrainStep(inputs, targets, 4, optimizer);
            }
            else
            {
                network.ComputeGradients(inputs, targets, 4);
                optimizer.Step(network.Parameters, network.Gradients);
            }
        }
        return network.Parameters.ToArray();
    }

    [Fact]
    public void The_projections_are_saved_as_1x1_kernels_and_loaded_back()
    {
        var network = new ProjectedResidualConvNet(2, seed: 12);
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        var file = new IndependentSafeTensorsReader(stream.ToArray());

        LayerInfo strided = ProjectedResidualConvNet.Layers[3], channelsOnly = ProjectedResidualConvNet.Layers[5];
        Assert.Equal([5L, 3L, 1L, 1L], file.Tensors[$"{strided.Name}.projection"].Shape);
        Assert.Equal([4L, 5L, 1L, 1L], file.Tensors[$"{channelsOnly.Name}.projection"].Shape);
        Assert.Equal(network.Layer4Projection.ToArray(), file.Doubles($"{strided.Name}.projection"));
        Assert.Equal(network.Layer6Projection.ToArray(), file.Doubles($"{channelsOnly.Name}.projection"));
        Assert.Equal(ProjectedResidualConvNet.ParameterCount * 8L, file.Tensors.Values.Sum(entry => entry.End - entry.Begin));

        var loaded = new ProjectedResidualConvNet(2, seed: 13);
        Assert.NotEqual(network.Layer4Projection.ToArray(), loaded.Layer4Projection.ToArray());
        stream.Position = 0;
        NetworkWeights.Load(loaded, stream);
        Assert.Equal(network.Parameters.ToArray(), loaded.Parameters.ToArray());
        var random = new SeededRandom(14);
        double[] inputs = Enumerable.Range(0, 2 * ProjectedResidualConvNet.InputSize).Select(_ => random.NextDouble()).ToArray();
        double[] expected = new double[2 * 3], actual = new double[2 * 3];
        network.Forward(inputs, expected, 2);
        loaded.Forward(inputs, actual, 2);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_training_step_with_a_projection_allocates_nothing()
    {
        long allocated = SteadyStateAllocations.OfTrainingStep(new DownsamplingResidualConvNet(maxBatchSize: 8, seed: 1), batchSize: 8);
        Assert.True(allocated == 0, $"A training step and a forward pass allocated {allocated} bytes; they must allocate none.");
    }
}
