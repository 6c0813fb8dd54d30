using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>
/// The names of the arrays a layer works on. Per layer n: <c>_zn</c> pre-activation, <c>_an</c> output (the same array as
/// <c>_zn</c> when the activation is Identity), <c>_dan</c> = ∂loss/∂a (not for the output layer, whose gradient the loss
/// writes), <c>_dzn</c> = ∂loss/∂z (the same array as <c>_dan</c> for a hidden Identity layer).
/// </summary>
internal static class Buffers
{
    /// <summary>What the layer reads: the network's inputs or the previous layer's output. For a residual block's end, the branch.</summary>
    public static string Input(LayerSpec layer) => layer.Number == 1 ? "inputs" : "_a" + (layer.Number - 1);

    /// <summary>A residual block's skip: the output of the layer before the block, or the network's inputs.</summary>
    public static string Skip(LayerSpec layer) => layer.SkipFrom == 0 ? "inputs" : "_a" + layer.SkipFrom;

    /// <summary>Where the gradient with respect to the layer's input accumulates, or null when the input is the network's.</summary>
    public static string? InputGradient(LayerSpec layer) => layer.Number == 1 ? null : "_da" + (layer.Number - 1);

    /// <summary>Where the gradient with respect to a residual block's skip accumulates, or null when the skip is the network's inputs.</summary>
    public static string? SkipGradient(LayerSpec layer) => layer.SkipFrom == 0 ? null : "_da" + layer.SkipFrom;

    public static bool HasOwnOutput(LayerSpec layer) => layer.Activation != ActivationKind.Identity;

    public static bool HasOutputGradient(LayerSpec layer, NetworkSpec spec) => layer.Number < spec.Layers.Count;

    public static bool HasOwnPreActivationGradient(LayerSpec layer, NetworkSpec spec) =>
        !HasOutputGradient(layer, spec) || layer.Activation != ActivationKind.Identity;
}
