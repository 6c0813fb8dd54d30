using System.Linq;

namespace NetGen.Generators.Model;

/// <summary>Everything the emitter needs to write one network, and nothing from the compilation (so that it caches).</summary>
/// <param name="Namespace">The class's namespace as C# writes it (keywords escaped with <c>@</c>), or <see langword="null"/> for the global namespace.</param>
/// <param name="ClassName">The annotated class's name as C# writes it (<c>@class</c>).</param>
/// <param name="Input">What one sample of the network's input is.</param>
/// <param name="Loss">The training loss.</param>
/// <param name="Precision">The element type.</param>
/// <param name="InputMeanSquare">E[x²] of the inputs, which the gradient analysis assumes.</param>
/// <param name="Layers">The layers in order, <c>Repeat</c> groups and residual blocks already unrolled; the last one is dense.</param>
internal sealed record NetworkModel(
    string? Namespace,
    string ClassName,
    Shape Input,
    LossKind Loss,
    PrecisionKind Precision,
    double InputMeanSquare,
    EquatableArray<Layer> Layers)
{
    public Layer OutputLayer => Layers[Layers.Count - 1];

    public Shape Output => OutputLayer.Output;

    public int ParameterCount => Layers.Sum(layer => layer.ParameterCount);

    /// <summary>The number of non-trained values: the running statistics of batch normalization.</summary>
    public int StateCount => Layers.Sum(layer => layer.StateCount);

    /// <summary>The file name of the generated source: the full name without <c>@</c> escapes.</summary>
    public string HintName => ((Namespace is null ? "" : Namespace + ".") + ClassName).Replace("@", "") + ".g.cs";

    public bool Has(LayerKind kind) => Layers.Any(layer => layer.Kind == kind);
}
