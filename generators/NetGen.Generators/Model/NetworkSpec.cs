namespace NetGen.Generators.Model;

/// <summary>Everything the emitter needs to write one network, and nothing from the compilation (so that it caches).</summary>
/// <param name="Namespace">The class's namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ClassName">The annotated class's name.</param>
/// <param name="Inputs">The number of inputs of one sample.</param>
/// <param name="Loss">The training loss.</param>
/// <param name="Precision">The element type.</param>
/// <param name="Layers">The dense layers in order, <c>Repeat</c> already expanded.</param>
internal sealed record NetworkSpec(
    string? Namespace,
    string ClassName,
    int Inputs,
    LossKind Loss,
    PrecisionKind Precision,
    EquatableArray<LayerSpec> Layers)
{
    public LayerSpec OutputLayer => Layers[Layers.Count - 1];

    public int Outputs => OutputLayer.Units;

    public int ParameterCount => OutputLayer.BiasOffset + OutputLayer.Units;

    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;
}
