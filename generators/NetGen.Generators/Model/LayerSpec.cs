namespace NetGen.Generators.Model;

/// <summary>One dense layer: <c>a = activation(W·x + b)</c> with <c>W</c> of shape [<see cref="Units"/>, <see cref="Inputs"/>].</summary>
/// <param name="Number">The layer's 1-based position; the generated names use it (<c>Layer2</c>, <c>_z2</c>).</param>
/// <param name="Inputs">The previous layer's units, or the network's inputs.</param>
/// <param name="Units">The layer's outputs.</param>
/// <param name="Activation">The activation.</param>
/// <param name="ActivationParameter">LeakyReLU's negative slope or ELU's alpha; 0 for the others.</param>
/// <param name="WeightInit">The weights' initializer.</param>
/// <param name="WeightInitValue">The weights' constant, for <see cref="InitKind.Constant"/>.</param>
/// <param name="BiasInit">The biases' initializer.</param>
/// <param name="BiasInitValue">The biases' constant, for <see cref="InitKind.Constant"/>.</param>
/// <param name="WeightOffset">Where the layer's weights start in the parameter array.</param>
internal sealed record LayerSpec(
    int Number,
    int Inputs,
    int Units,
    ActivationKind Activation,
    double ActivationParameter,
    InitKind WeightInit,
    double WeightInitValue,
    InitKind BiasInit,
    double BiasInitValue,
    int WeightOffset)
{
    public string Name => "Layer" + Number;

    public int WeightCount => Inputs * Units;

    public int BiasOffset => WeightOffset + WeightCount;

    public int ParameterCount => WeightCount + Units;
}
