using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>A dense layer's forward pass in <see cref="double"/>, from the weights and biases stored in a network's parameters.</summary>
internal static class DenseForward
{
    /// <summary>
    /// The activations <c>f(W·x + b)</c> of <paramref name="layer"/> for <paramref name="count"/> samples of its inputs, sample
    /// after sample, <c>W</c> read as the row-major [outputs, inputs] matrix at <see cref="LayerInfo.WeightOffset"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The layer is not dense, or its activation is not sigmoid, tanh, ReLU or identity.</exception>
    public static double[] Outputs<T>(INetwork<T> network, LayerInfo layer, ReadOnlySpan<double> inputs, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layer.Kind != LayerKind.Dense || !HiddenActivation.IsSupported(layer.Activation))
        {
            throw new NotSupportedException(
                $"{layer.Name} is a {layer.Kind} layer with {layer.Activation}; only dense layers with sigmoid, tanh, ReLU or identity are computed here.");
        }
        ReadOnlySpan<T> parameters = network.Parameters;
        var weights = new double[layer.Outputs * layer.Inputs];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = double.CreateTruncating(parameters[layer.WeightOffset + i]);
        }
        var biases = new double[layer.Outputs];
        for (int i = 0; i < layer.BiasCount; i++)
        {
            biases[i] = double.CreateTruncating(parameters[layer.BiasOffset + i]);
        }

        var outputs = new double[count * layer.Outputs];
        for (int s = 0; s < count; s++)
        {
            ReadOnlySpan<double> input = inputs.Slice(s * layer.Inputs, layer.Inputs);
            Span<double> output = outputs.AsSpan(s * layer.Outputs, layer.Outputs);
            for (int j = 0; j < layer.Outputs; j++)
            {
                output[j] = TensorPrimitives.Dot(weights.AsSpan(j * layer.Inputs, layer.Inputs), input) + biases[j];
            }
        }
        HiddenActivation.Apply(layer.Activation, outputs, outputs);
        return outputs;
    }
}
