using System.Linq;

namespace NetGen.Generators.Model;

/// <summary>Everything the emitter needs to write one network, and nothing from the compilation (so that it caches).</summary>
/// <param name="Namespace">The class's namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ClassName">The annotated class's name.</param>
/// <param name="Inputs">The number of inputs of one sample.</param>
/// <param name="Loss">The training loss.</param>
/// <param name="Precision">The element type.</param>
/// <param name="InputMeanSquare">E[x²] of the inputs, which the gradient analysis assumes.</param>
/// <param name="Layers">The layers in order, <c>Repeat</c> and residual blocks already unrolled; the last one is dense.</param>
internal sealed record NetworkSpec(
    string? Namespace,
    string ClassName,
    int Inputs,
    LossKind Loss,
    PrecisionKind Precision,
    double InputMeanSquare,
    EquatableArray<LayerSpec> Layers)
{
    public LayerSpec OutputLayer => Layers[Layers.Count - 1];

    public int Outputs => OutputLayer.Units;

    public int ParameterCount => OutputLayer.BiasOffset + OutputLayer.BiasCount;

    /// <summary>The number of non-trained values: the running statistics of batch normalization.</summary>
    public int StateCount => Layers.Sum(layer => layer.StateCount);

    public bool HasBatchNorm => Layers.Any(layer => layer.Kind == LayerKind.BatchNorm);

    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;
}
