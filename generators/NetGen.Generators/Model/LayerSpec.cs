namespace NetGen.Generators.Model;

/// <summary>
/// One layer of the network as generated. A dense layer computes <c>a = activation(W·x + b)</c> with <c>W</c> of shape
/// [<see cref="Units"/>, <see cref="Inputs"/>]; a normalization <c>a = activation(γ·x̂ + β)</c>; a residual block's end
/// <c>a = activation(branch + skip)</c>, the branch being the layer before it and the skip layer <see cref="SkipFrom"/>'s output.
/// </summary>
/// <param name="Number">The layer's 1-based position; the generated names use it (<c>Layer2</c>, <c>_z2</c>).</param>
/// <param name="Kind">What the layer computes.</param>
/// <param name="Inputs">The width it reads (for a residual block's end: the skip's width).</param>
/// <param name="Units">The width it writes.</param>
/// <param name="Activation">The activation.</param>
/// <param name="ActivationParameter">LeakyReLU's negative slope or ELU's alpha; 0 for the others.</param>
/// <param name="WeightInit">The weights' initializer (a normalization's γ: Constant 1).</param>
/// <param name="WeightInitValue">The weights' constant, for <see cref="InitKind.Constant"/>.</param>
/// <param name="BiasInit">The biases' initializer (a normalization's β: Zeros).</param>
/// <param name="BiasInitValue">The biases' constant, for <see cref="InitKind.Constant"/>.</param>
/// <param name="WeightOffset">Where the layer's weights start in the parameter array.</param>
/// <param name="SkipFrom">For a residual block's end, the layer whose output the block adds (0: the network's inputs); else 0.</param>
/// <param name="Epsilon">For a normalization, the ε added to the variance; else 0.</param>
/// <param name="Momentum">For batch normalization, the weight of a batch in the running statistics; else 0.</param>
/// <param name="StateOffset">For batch normalization, where its running mean (then running variance) starts in the state array; else 0.</param>
internal sealed record LayerSpec(
    int Number,
    LayerKind Kind,
    int Inputs,
    int Units,
    ActivationKind Activation,
    double ActivationParameter,
    InitKind WeightInit,
    double WeightInitValue,
    InitKind BiasInit,
    double BiasInitValue,
    int WeightOffset,
    int SkipFrom,
    double Epsilon,
    double Momentum,
    int StateOffset)
{
    public string Name => "Layer" + Number;

    /// <summary>Whether a residual block's skip is a learned projection (its branch changes the width).</summary>
    public bool HasProjection => Kind == LayerKind.Residual && Inputs != Units;

    public int WeightCount => Kind switch
    {
        LayerKind.Dense => Inputs * Units,
        LayerKind.BatchNorm or LayerKind.LayerNorm => Units,
        _ => HasProjection ? Inputs * Units : 0,
    };

    public int BiasCount => Kind == LayerKind.Residual ? 0 : Units;

    public int BiasOffset => WeightOffset + WeightCount;

    public int ParameterCount => WeightCount + BiasCount;

    /// <summary>The running mean and variance of batch normalization.</summary>
    public int StateCount => Kind == LayerKind.BatchNorm ? 2 * Units : 0;
}
