namespace NetGen.Tests.Convolution;

/// <summary>
/// Residual blocks whose skip is a 1×1 convolution (<see cref="StridedProjectionTorchNet"/>: stride 2 with a strided
/// branch; <see cref="ChannelProjectionTorchNet"/>: stride 1, channels only) against the same networks in libtorch, on the
/// same weights, input and loss, to 1e-10 relative in double: the loss, the logits, and the gradient of every parameter,
/// the projection's <c>[C_out, C_in, 1, 1]</c> weights and the stem's (which gets the gradient the projection sends back
/// to the skip, added to the branch's).
/// </summary>
/// <remarks>
/// The numbers in <see cref="ProjectionSkipTorchReference"/> were printed (with the "R" format) by a throwaway console
/// program outside the repository, run once with TorchSharp-cpu 0.107.0 (libtorch 2.10.0, CPU) on Linux x64, in float64.
/// It built layer n's weights (PyTorch's layout, <c>[C_out, C_in, k, k]</c> for a convolution and the projection,
/// <c>[outputs, inputs]</c> for the dense layer) as <c>sin(0.7·j + n)·√(2/fan_in)</c> and its biases as
/// <c>0.1·cos(j + n)</c>, j the flat index, all requiring gradients, and the input <c>[2, C, H, W]</c> as
/// <c>sin(0.37·j + 0.1)</c>; ran <c>conv2d</c> (padding 1 for the 3×3 kernels, stride 2 for the strided branch
/// convolution and projection), <c>tanh</c>/<c>relu</c>, the sum <c>relu(branch + conv2d(stem, P, stride 2))</c> or
/// <c>tanh(tanh(branch) + conv2d(stem, P))</c>, <c>reshape(2, -1)</c> and <c>linear</c>; called <c>backward()</c> on
/// <c>cross_entropy(logits, [1, 2])</c>; and printed the loss, the logits and every parameter's <c>.grad</c>.
/// <see cref="SetWeights"/> sets the same values through the network's parameter spans. The tests do not depend on TorchSharp.
/// </remarks>
public class ProjectionSkipTorchReferenceTests
{
    private const double Tolerance = 1e-10;
    private const int BatchSize = 2;

    [Fact]
    public void A_strided_projection_block_matches_libtorch() =>
        AssertMatches(new StridedProjectionTorchNet(BatchSize, seed: 0), ProjectionSkipTorchReference.Strided.Loss, ProjectionSkipTorchReference.Strided.Output,
            new Dictionary<string, (double[] Weights, double[] Biases)>
            {
                ["Layer1"] = (ProjectionSkipTorchReference.Strided.Layer1Weights, ProjectionSkipTorchReference.Strided.Layer1Biases),
                ["Layer2"] = (ProjectionSkipTorchReference.Strided.Layer2Weights, ProjectionSkipTorchReference.Strided.Layer2Biases),
                ["Layer3"] = (ProjectionSkipTorchReference.Strided.Layer3Weights, ProjectionSkipTorchReference.Strided.Layer3Biases),
                ["Layer4"] = (ProjectionSkipTorchReference.Strided.Layer4Projection, []),
                ["Layer6"] = (ProjectionSkipTorchReference.Strided.Layer6Weights, ProjectionSkipTorchReference.Strided.Layer6Biases),
            });

    [Fact]
    public void A_channel_only_projection_block_matches_libtorch() =>
        AssertMatches(new ChannelProjectionTorchNet(BatchSize, seed: 0), ProjectionSkipTorchReference.ChannelOnly.Loss, ProjectionSkipTorchReference.ChannelOnly.Output,
            new Dictionary<string, (double[] Weights, double[] Biases)>
            {
                ["Layer1"] = (ProjectionSkipTorchReference.ChannelOnly.Layer1Weights, ProjectionSkipTorchReference.ChannelOnly.Layer1Biases),
                ["Layer2"] = (ProjectionSkipTorchReference.ChannelOnly.Layer2Weights, ProjectionSkipTorchReference.ChannelOnly.Layer2Biases),
                ["Layer3"] = (ProjectionSkipTorchReference.ChannelOnly.Layer3Projection, []),
                ["Layer5"] = (ProjectionSkipTorchReference.ChannelOnly.Layer5Weights, ProjectionSkipTorchReference.ChannelOnly.Layer5Biases),
            });

    private static void AssertMatches(INetwork<double> network, double loss, double[] logits, Dictionary<string, (double[] Weights, double[] Biases)> gradients)
    {
        SetWeights(network);
        double[] inputs = Enumerable.Range(0, BatchSize * network.InputSize).Select(j => Math.Sin(0.37 * j + 0.1)).ToArray();
        double[] targets = new double[BatchSize * network.OutputSize];
        for (int b = 0; b < BatchSize; b++)
        {
            targets[b * network.OutputSize + (b + 1) % network.OutputSize] = 1;
        }

        double actualLoss = network.ComputeGradients(inputs, targets, BatchSize);
        Assert.True(Math.Abs(actualLoss - loss) <= Tolerance * Math.Abs(loss), $"loss {actualLoss}, libtorch {loss}.");
        PoolCases.AssertClose(logits, network.PreActivations(network.Layers.Count - 1).ToArray(), Tolerance, "logits");
        foreach (LayerInfo layer in network.Layers.Where(layer => layer.ParameterCount > 0))
        {
            Assert.True(gradients.ContainsKey(layer.Name), $"{layer.Name} has parameters but no libtorch gradients to check them against.");
            (double[] weights, double[] biases) = gradients[layer.Name];
            PoolCases.AssertClose(weights, network.Gradients.Slice(layer.WeightOffset, layer.WeightCount).ToArray(), Tolerance, $"{layer.Name} weight gradients");
            PoolCases.AssertClose(biases, network.Gradients.Slice(layer.BiasOffset, layer.BiasCount).ToArray(), Tolerance, $"{layer.Name} bias gradients");
        }
    }

    /// <summary>Layer n's weights sin(0.7·j + n)·√(2/fan_in), its biases 0.1·cos(j + n), in PyTorch's layouts (NetGen's own).</summary>
    private static void SetWeights(INetwork<double> network)
    {
        Span<double> parameters = network.Parameters;
        for (int k = 0; k < network.Layers.Count; k++)
        {
            LayerInfo layer = network.Layers[k];
            int n = k + 1;
            int fanIn = layer.WeightCount == 0 ? 1 : layer.WeightCount / (layer.OutputChannels > 0 ? layer.OutputChannels : layer.Outputs);
            for (int j = 0; j < layer.WeightCount; j++)
            {
                parameters[layer.WeightOffset + j] = Math.Sin(0.7 * j + n) * Math.Sqrt(2.0 / fanIn);
            }
            for (int j = 0; j < layer.BiasCount; j++)
            {
                parameters[layer.BiasOffset + j] = 0.1 * Math.Cos(j + n);
            }
        }
    }
}
