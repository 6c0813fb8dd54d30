using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>The C# expressions of a layer's activation and its derivative, as calls into <c>NetGen.Activations</c>.</summary>
internal static class ActivationCode
{
    private const string Activations = "global::NetGen.Activations.";

    /// <summary>f(z) for the element-wise activations (Softmax is applied per sample, not here).</summary>
    public static string Apply(LayerSpec layer, string z, PrecisionKind precision) => layer.Activation switch
    {
        ActivationKind.Identity or ActivationKind.Softmax => z,
        ActivationKind.LeakyReLU or ActivationKind.ELU =>
            $"{Activations}{layer.Activation}({z}, {Literals.Number(layer.ActivationParameter, precision)})",
        _ => $"{Activations}{layer.Activation}({z})",
    };

    /// <summary>f'(z); not called for Identity, whose derivative is 1.</summary>
    public static string Derivative(LayerSpec layer, string z, PrecisionKind precision) => layer.Activation switch
    {
        ActivationKind.LeakyReLU or ActivationKind.ELU =>
            $"{Activations}{layer.Activation}Derivative({z}, {Literals.Number(layer.ActivationParameter, precision)})",
        _ => $"{Activations}{layer.Activation}Derivative({z})",
    };
}
