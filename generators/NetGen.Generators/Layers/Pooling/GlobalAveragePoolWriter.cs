using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Pooling;

/// <summary>Writes a global average pooling: its forward and backward methods over <c>Pool2DKernels</c>.</summary>
internal sealed class GlobalAveragePoolWriter : LayerWriter
{
    private const string Kernels = "global::NetGen.CompilerServices.Pool2DKernels";

    public GlobalAveragePoolWriter(NetworkModel network, GlobalAveragePoolLayer layer)
        : base(network, layer)
    {
    }

    private string Channels => Literals.Integer(Layer.Input.Channels);

    private string Pixels => Literals.Integer(Layer.Input.Pixels);

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        WriteMethodHeader(w, $"{Name} forward, GlobalAveragePool {Layer.Input} -> {Channels}: the mean of each channel's {Pixels} pixels into _a{N}.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {Literals.Integer(Layer.Input.Size)});");
            w.Line($"{Kernels}.GlobalAverageForward<{T}>(x, output: {BatchSpan($"_z{N}", Layer.Output)}, channels: {Channels}, pixels: {Pixels}, batch: batchSize);");
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
        WriteMethodHeader(w, $"{Name} backward: adds each channel's gradient in _da{N}, divided by {Pixels}, to every pixel of that channel in {inputGradient}.");
        using (w.Block($"private void Backward{Name}(int batchSize)"))
        {
            w.Line($"{Kernels}.GlobalAverageBackward<{T}>({ReadOnlyBatchSpan($"_da{N}", Layer.Output)}, inputGradients: {BatchSpan(inputGradient, Layer.Input)}, " +
                   $"channels: {Channels}, pixels: {Pixels}, batch: batchSize);");
        }
    }
}
