using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>
/// The names of the arrays a layer works on. Per layer n: <c>_zn</c> pre-activation, <c>_an</c> output (the same array as
/// <c>_zn</c> when the activation is Identity), <c>_dan</c> = ∂loss/∂a (not for the output layer, whose gradient the loss
/// writes), <c>_dzn</c> = ∂loss/∂z (the same array as <c>_dan</c> for a hidden Identity layer).
/// </summary>
internal static class Buffers
{
    /// <summary>What the layer reads: the network's inputs or the previous layer's output.</summary>
    public static string Input(Layer layer) => layer.Number == 1 ? "inputs" : "_a" + (layer.Number - 1);

    /// <summary>Where the gradient with respect to the layer's input accumulates, or null when the input is the network's.</summary>
    public static string? InputGradient(Layer layer) => layer.Number == 1 ? null : "_da" + (layer.Number - 1);

    /// <summary>The output of layer <paramref name="number"/>, or the network's inputs for 0.</summary>
    public static string Output(int number) => number == 0 ? "inputs" : "_a" + number;

    /// <summary>The gradient of layer <paramref name="number"/>'s output, or null for the network's inputs.</summary>
    public static string? OutputGradient(int number) => number == 0 ? null : "_da" + number;

    public static bool HasOwnOutput(Layer layer) => !layer.Activation.IsIdentity;

    public static bool HasOutputGradient(Layer layer, NetworkModel network) => layer.Number < network.Layers.Count;

    public static bool HasOwnPreActivationGradient(Layer layer, NetworkModel network) =>
        !HasOutputGradient(layer, network) || !layer.Activation.IsIdentity;
}
