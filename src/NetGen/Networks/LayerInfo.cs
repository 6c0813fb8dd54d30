namespace NetGen;

/// <summary>One layer of a generated network: its shape, and where its parameters are in <see cref="INetwork{T}.Parameters"/>.</summary>
/// <param name="Name">The layer's name in the generated code, such as <c>Layer1</c>.</param>
/// <param name="Inputs">The number of inputs (the previous layer's outputs).</param>
/// <param name="Outputs">The number of outputs (units).</param>
/// <param name="Activation">The activation.</param>
/// <param name="WeightOffset">Where the [<paramref name="Outputs"/>, <paramref name="Inputs"/>] row-major weights start.</param>
/// <param name="BiasOffset">Where the <paramref name="Outputs"/> biases start.</param>
public sealed record LayerInfo(string Name, int Inputs, int Outputs, Activation Activation, int WeightOffset, int BiasOffset)
{
    /// <summary>The number of weights, <c>Inputs × Outputs</c>.</summary>
    public int WeightCount => Inputs * Outputs;

    /// <summary>The number of parameters, weights and biases.</summary>
    public int ParameterCount => WeightCount + Outputs;
}
