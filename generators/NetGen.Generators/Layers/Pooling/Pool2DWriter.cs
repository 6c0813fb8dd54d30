using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Pooling;

/// <summary>Writes a max or average pooling: its geometry (a static field of literals), a max pooling's argmax buffer, and its forward and backward methods over <c>Pool2DKernels</c>.</summary>
internal sealed class Pool2DWriter : LayerWriter
{
    private const string Kernels = "global::NetGen.CompilerServices.Pool2DKernels";

    private readonly Pool2DLayer _layer;

    public Pool2DWriter(NetworkModel network, Pool2DLayer layer)
        : base(network, layer) => _layer = layer;

    private string Geometry => $"{Name}Geometry";

    private static string I(int value) => Literals.Integer(value);

    public override void WriteFields(SourceWriter w)
    {
        w.Line($"// {Name}'s sizes: {_layer.Input} -> {_layer.Output}, a {I(_layer.Size)}x{I(_layer.Size)} window every {I(_layer.Stride)} pixels.");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private static readonly global::NetGen.CompilerServices.Pool2DGeometry {Geometry} = new(channels: {I(_layer.Input.Channels)}, " +
               $"inputHeight: {I(_layer.Height.Size)}, inputWidth: {I(_layer.Width.Size)}, poolHeight: {I(_layer.Size)}, poolWidth: {I(_layer.Size)}, " +
               $"strideHeight: {I(_layer.Stride)}, strideWidth: {I(_layer.Stride)});");
        if (_layer.IsMax)
        {
            w.Line($"// {Name}: for each output of the last forward pass, the index of the input it took within its channel's plane.");
            w.Line(GeneratedCode.Attribute);
            w.Line($"private readonly int[] _argmax{N};");
        }
    }

    public override void WriteAllocations(SourceWriter w)
    {
        if (_layer.IsMax)
        {
            w.Line($"_argmax{N} = new int[maxBatchSize * {I(_layer.Output.Size)}];");
        }
    }

    private string Argmax => $"new global::System.Span<int>(_argmax{N}, 0, batchSize * {I(_layer.Output.Size)})";

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        string what = _layer.IsMax ? "each window's largest value (its index into _argmax" + N + ")" : "each window's mean";
        WriteMethodHeader(w, $"{Name} forward, {_layer.TypeDescription} {_layer.Input} -> {_layer.Output}: {what} into _a{N}.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {I(_layer.Input.Size)});");
            w.Line($"global::System.Span<{T}> z = {NewBatchSpan($"_z{N}", Layer.Output)};");
            w.Line(_layer.IsMax
                ? $"{Kernels}.MaxForward<{T}>(x, output: z, argmax: {Argmax}, in {Geometry}, batch: batchSize);"
                : $"{Kernels}.AverageForward<{T}>(x, output: z, in {Geometry}, batch: batchSize);");
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
        WriteMethodHeader(w, _layer.IsMax
            ? $"{Name} backward: adds each value of _da{N} to the input of {inputGradient} its output took."
            : $"{Name} backward: adds each value of _da{N}, divided by {I(_layer.Size * _layer.Size)}, to every input of its window in {inputGradient}.");
        using (w.Block($"private void Backward{Name}(int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> da = {NewBatchSpan($"_da{N}", Layer.Output)};");
            w.Line($"global::System.Span<{T}> dx = {NewBatchSpan(inputGradient, Layer.Input)};");
            w.Line(_layer.IsMax
                ? $"{Kernels}.MaxBackward<{T}>(da, argmax: {Argmax}, inputGradients: dx, in {Geometry}, batch: batchSize);"
                : $"{Kernels}.AverageBackward<{T}>(da, inputGradients: dx, in {Geometry}, batch: batchSize);");
        }
    }
}
