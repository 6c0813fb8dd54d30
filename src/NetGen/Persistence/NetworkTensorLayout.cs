using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Names a network's parameters and state as tensors, from its layer table: a dense layer's <c>weight</c> [outputs, inputs]
/// and <c>bias</c> [outputs] (none without biases, <see cref="WeightedLayerAttribute.UseBias"/> false); a normalization's <c>scale</c> and
/// <c>shift</c> [features]; a batch normalization's <c>running_mean</c> and <c>running_var</c> [features] ([channels] over an image) (from
/// <see cref="INetwork{T}.State"/>); a residual block's <c>projection</c> [outputs, inputs] when it has one ([filters, input channels, 1, 1] over images, a 1×1 convolution); a PReLU's slopes,
/// <c>weight</c> [1] when shared or [features] (PyTorch's <c>nn.PReLU.weight</c>); a recurrent layer's PyTorch names,
/// <c>weight_ih_l0</c> [gates·units, features], <c>weight_hh_l0</c> [gates·units, units], <c>bias_ih_l0</c> and <c>bias_hh_l0</c>
/// [gates·units]; a convolution's PyTorch names, <c>weight</c> [filters, input channels, kernel, kernel] and <c>bias</c> [filters]. A dropout,
/// pooling or flatten layer has none. Each name is
/// prefixed with the layer's name and a dot.
/// </summary>
internal static class NetworkTensorLayout
{
    /// <summary>The network's tensors in layer order; together they cover <see cref="INetwork{T}.Parameters"/> and <see cref="INetwork{T}.State"/> exactly.</summary>
    /// <exception cref="InvalidOperationException">The layer table does not describe the parameters or the state (not a network NetGen generated).</exception>
    public static IReadOnlyList<NetworkTensorSlot> Of<T>(INetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var slots = new List<NetworkTensorSlot>();
        int stateOffset = 0;
        foreach (LayerInfo layer in network.Layers)
        {
            switch (layer.Kind)
            {
                case LayerKind.Dense:
                    // On a sequence, the same weights at every step: [units, features].
                    int inputs = layer.InputSteps > 0 ? layer.Inputs / layer.InputSteps : layer.Inputs;
                    int outputs = layer.InputSteps > 0 ? layer.Outputs / layer.InputSteps : layer.Outputs;
                    slots.Add(Parameter(layer, "weight", [outputs, inputs], layer.WeightOffset, layer.WeightCount));
                    if (layer.BiasCount > 0)
                    {
                        slots.Add(Parameter(layer, "bias", [outputs], layer.BiasOffset, layer.BiasCount));
                    }
                    break;
                case LayerKind.BatchNorm or LayerKind.LayerNorm:
                    // Over an image, batch normalization has one of each per channel (PyTorch's BatchNorm2d).
                    int features = layer.Kind == LayerKind.BatchNorm && layer.OutputChannels > 0 ? layer.OutputChannels : layer.Outputs;
                    slots.Add(Parameter(layer, "scale", [features], layer.WeightOffset, layer.WeightCount));
                    slots.Add(Parameter(layer, "shift", [features], layer.BiasOffset, layer.BiasCount));
                    if (layer.Kind == LayerKind.BatchNorm)
                    {
                        slots.Add(new NetworkTensorSlot($"{layer.Name}.running_mean", [features], true, stateOffset, features));
                        slots.Add(new NetworkTensorSlot($"{layer.Name}.running_var", [features], true, stateOffset + features, features));
                        stateOffset += 2 * features;
                    }
                    break;
                case LayerKind.Residual when layer.WeightCount > 0:
                    // Over images the projection is a 1x1 convolution: PyTorch's downsample Conv2d.weight.
                    long[] projection = layer.InputChannels > 0 && layer.OutputChannels > 0
                        ? [layer.OutputChannels, layer.InputChannels, 1, 1]
                        : [layer.Outputs, layer.Inputs];
                    slots.Add(Parameter(layer, "projection", projection, layer.WeightOffset, layer.WeightCount));
                    break;
                case LayerKind.PReLU:
                    slots.Add(Parameter(layer, "weight", [layer.WeightCount == 1 ? 1 : layer.Outputs], layer.WeightOffset, layer.WeightCount));
                    break;
                case LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU:
                    AddRecurrent(slots, layer);
                    break;
                case LayerKind.Conv2D:
                    AddConvolution(slots, layer);
                    break;
            }
        }
        int parameters = slots.Where(s => !s.InState).Sum(s => s.Count);
        if (parameters != network.ParameterCount || stateOffset != network.State.Length)
        {
            throw new InvalidOperationException(
                $"The layer table of {network.GetType().FullName} names {parameters} parameters and {stateOffset} state values, but the network has " +
                $"{network.ParameterCount} and {network.State.Length}.");
        }
        return slots;
    }

    /// <summary>PyTorch's names and shapes for its one layer (<c>_l0</c>): weight_ih, weight_hh, bias_ih, bias_hh, the gates stacked.</summary>
    private static void AddRecurrent(List<NetworkTensorSlot> slots, LayerInfo layer)
    {
        int gates = layer.Kind switch { LayerKind.LSTM => 4, LayerKind.GRU => 3, _ => 1 };
        int features = layer.InputSteps > 0 ? layer.Inputs / layer.InputSteps : layer.Inputs;
        // WeightCount = gates·units·(features + units): units is the positive root.
        int units = (int)Math.Round((-features + Math.Sqrt((double)features * features + 4.0 * layer.WeightCount / gates)) / 2);
        int inputWeights = gates * units * features;
        slots.Add(Parameter(layer, "weight_ih_l0", [gates * units, features], layer.WeightOffset, inputWeights));
        slots.Add(Parameter(layer, "weight_hh_l0", [gates * units, units], layer.WeightOffset + inputWeights, layer.WeightCount - inputWeights));
        if (layer.BiasCount > 0)
        {
            slots.Add(Parameter(layer, "bias_ih_l0", [gates * units], layer.BiasOffset, layer.BiasCount / 2));
            slots.Add(Parameter(layer, "bias_hh_l0", [gates * units], layer.BiasOffset + layer.BiasCount / 2, layer.BiasCount / 2));
        }
    }

    /// <summary>PyTorch's <c>nn.Conv2d</c>: <c>weight</c> [filters, input channels, k, k], then <c>bias</c> [filters] unless declared without.</summary>
    private static void AddConvolution(List<NetworkTensorSlot> slots, LayerInfo layer)
    {
        int filters = layer.OutputChannels, channels = layer.InputChannels;
        if (filters <= 0 || channels <= 0)
        {
            throw new InvalidOperationException($"{layer.Name} is a convolution, but the layer table does not give its channels.");
        }
        // WeightCount = filters·channels·k² (square kernels).
        int kernel = (int)Math.Round(Math.Sqrt((double)layer.WeightCount / ((double)filters * channels)));
        slots.Add(Parameter(layer, "weight", [filters, channels, kernel, kernel], layer.WeightOffset, layer.WeightCount));
        if (layer.BiasCount > 0)
        {
            slots.Add(Parameter(layer, "bias", [filters], layer.BiasOffset, layer.BiasCount));
        }
    }

    private static NetworkTensorSlot Parameter(LayerInfo layer, string suffix, long[] shape, int offset, int count)
    {
        long elements = shape.Aggregate(1L, (product, dimension) => product * dimension);
        if (elements != count)
        {
            throw new InvalidOperationException(
                $"{layer.Name}.{suffix} should hold {SafeTensorsTensor.FormatShape(shape)} = {elements} values, but the layer table gives {count}.");
        }
        return new NetworkTensorSlot($"{layer.Name}.{suffix}", shape, false, offset, count);
    }
}
