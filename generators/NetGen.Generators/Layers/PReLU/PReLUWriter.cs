using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.PReLU;

/// <summary>Writes a PReLU layer: its slopes, their initialization, and its forward and backward methods over <c>PReLUKernels</c>.</summary>
internal sealed class PReLUWriter : LayerWriter
{
    private const string Kernels = "global::NetGen.CompilerServices.PReLUKernels";

    private readonly PReLULayer _layer;

    public PReLUWriter(NetworkModel network, PReLULayer layer)
        : base(network, layer) => _layer = layer;

    private string Features => Literals.Integer(_layer.Output.Size);

    private string SlopesDescription => _layer.SharedSlope ? "one slope shared by every feature" : "one slope per feature";

    public override void WriteProperties(SourceWriter w)
    {
        WriteSpanProperty(w, $"{Name}Slopes", "_parameters", $"{Name}WeightOffset", _layer.WeightCount, $"{Name}'s slopes below 0: {SlopesDescription}.");
        WriteSpanProperty(w, $"{Name}SlopeGradients", "_gradients", $"{Name}WeightOffset", _layer.WeightCount, $"The gradient of {Name}'s slopes.");
    }

    public override void WriteInitialization(SourceWriter w)
    {
        w.Line($"// {Name}: slopes {Literals.Number(_layer.InitialSlope, PrecisionKind.Double).TrimEnd('d')}");
        w.Line($"{Name}Slopes.Fill({Literals.Number(_layer.InitialSlope, Network.Precision)});");
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        WriteMethodHeader(w, $"{Name} forward, PReLU of {Features} features ({SlopesDescription}): _a{N} = x where x > 0, else slope·x.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"{Kernels}.Forward<{T}>(input.Slice(0, batchSize * {Features}), {Name}Slopes, {BatchSpan($"_a{N}", Layer.Output)}, batchSize, {Features});");
        }
    }

    public override string BackwardCall => $"Backward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteBackward(SourceWriter w)
    {
        string? inputGradient = Buffers.InputGradient(Layer);
        string flow = inputGradient is null ? "" : $"adds da·(x > 0 ? 1 : slope) to {inputGradient} and ";
        WriteMethodHeader(w, $"{Name} backward: from _da{N}, {flow}writes the slopes' gradient Σ da·x over the values x ≤ 0.");
        using (w.Block($"private void Backward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            string dx = inputGradient is null ? $"global::System.Span<{T}>.Empty" : BatchSpan(inputGradient, Layer.Input);
            w.Line($"{Kernels}.Backward<{T}>({ReadOnlyBatchSpan($"_da{N}", Layer.Output)}, input.Slice(0, batchSize * {Features}), {Name}Slopes, {dx}, " +
                   $"{Name}SlopeGradients, batchSize, {Features});");
        }
    }
}
