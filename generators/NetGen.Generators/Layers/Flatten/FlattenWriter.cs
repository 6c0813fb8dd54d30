using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Flatten;

/// <summary>Writes a flatten layer: a copy forward, an addition backward (the layout is already the vector's).</summary>
internal sealed class FlattenWriter : LayerWriter
{
    public FlattenWriter(NetworkModel network, FlattenLayer layer)
        : base(network, layer)
    {
    }

    private string Values => Literals.Integer(Layer.Output.Size);

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        WriteMethodHeader(w, $"{Name} forward, Flatten {Layer.Input} -> {Values}: each sample's values in memory order (NCHW) into _a{N}.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"input.Slice(0, batchSize * {Values}).CopyTo({BatchSpan($"_a{N}", Layer.Output)});");
        }
    }

    public override string BackwardCall => $"Backward{Name}(batchSize);";

    public override void WriteBackward(SourceWriter w)
    {
        string? inputGradient = Buffers.InputGradient(Layer);
        if (inputGradient is null)
        {
            WriteEmptyBackward(w);
            return;
        }
        WriteMethodHeader(w, $"{Name} backward: adds _da{N} to {inputGradient}, value for value.");
        using (w.Block($"private void Backward{Name}(int batchSize)"))
        {
            w.Line($"global::System.Span<{T}> dx = {NewBatchSpan(inputGradient, Layer.Input)};");
            w.Line($"global::NetGen.Kernels.Add<{T}>(dx, {ReadOnlyBatchSpan($"_da{N}", Layer.Output)}, dx);");
        }
    }
}
