using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Convolution;

/// <summary>
/// Writes a convolution: its geometry (a static field of literals), its workspace, its weight and bias spans and their
/// initialization, and its forward and backward methods over <c>Conv2DKernels</c>.
/// </summary>
internal sealed class Conv2DWriter : LayerWriter
{
    private const string Kernels = "global::NetGen.CompilerServices.Conv2DKernels";

    private readonly Conv2DLayer _layer;

    public Conv2DWriter(NetworkModel network, Conv2DLayer layer)
        : base(network, layer) => _layer = layer;

    private string Geometry => $"{Name}Geometry";

    private string Shape => $"[{I(_layer.Filters)}, {I(_layer.InputChannels)}, {I(_layer.Kernel)}, {I(_layer.Kernel)}]";

    private string Biases => _layer.BiasCount > 0 ? $"{Name}Biases" : "default";

    private static string I(int value) => Literals.Integer(value);

    public override void WriteFields(SourceWriter w)
    {
        ImageAxis height = _layer.Height, width = _layer.Width;
        w.Line($"// {Name}'s sizes: {_layer.Input} -> {_layer.Output}, {I(_layer.Filters)} filters of {I(_layer.InputChannels)}x{I(_layer.Kernel)}x{I(_layer.Kernel)}.");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private static readonly global::NetGen.CompilerServices.Conv2DGeometry {Geometry} = new(");
        w.Line($"    inputChannels: {I(_layer.InputChannels)}, inputHeight: {I(height.Size)}, inputWidth: {I(width.Size)}, " +
               $"outputChannels: {I(_layer.Filters)}, kernelHeight: {I(height.Kernel)}, kernelWidth: {I(width.Kernel)},");
        w.Line($"    strideHeight: {I(height.Stride)}, strideWidth: {I(width.Stride)}, " +
               $"paddingTop: {I(height.Before)}, paddingLeft: {I(width.Before)}, paddingBottom: {I(height.After)}, paddingRight: {I(width.After)}, " +
               $"dilationHeight: {I(height.Dilation)}, dilationWidth: {I(width.Dilation)});");
        w.Line($"// {Name}'s workspace for the convolution kernels, for maxBatchSize samples.");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private readonly {T}[] _workspace{N};");
    }

    public override void WriteAllocations(SourceWriter w) =>
        w.Line($"_workspace{N} = new {T}[{Kernels}.WorkspaceLength(in {Geometry}, maxBatchSize)];");

    public override void WriteProperties(SourceWriter w)
    {
        WriteSpanProperty(w, $"{Name}Weights", "_parameters", $"{Name}WeightOffset", _layer.WeightCount, $"{Name}'s kernels, {Shape} row-major (PyTorch's Conv2d.weight).");
        if (_layer.BiasCount > 0)
        {
            WriteSpanProperty(w, $"{Name}Biases", "_parameters", $"{Name}BiasOffset", _layer.BiasCount, $"{Name}'s {I(_layer.Filters)} biases, one per filter.");
        }
        WriteSpanProperty(w, $"{Name}WeightGradients", "_gradients", $"{Name}WeightOffset", _layer.WeightCount, $"The gradient of {Name}'s kernels, {Shape} row-major.");
        if (_layer.BiasCount > 0)
        {
            WriteSpanProperty(w, $"{Name}BiasGradients", "_gradients", $"{Name}BiasOffset", _layer.BiasCount, $"The gradient of {Name}'s biases.");
        }
    }

    public override void WriteInitialization(SourceWriter w)
    {
        (int fanIn, int fanOut) = _layer.WeightFans;
        w.Line(_layer.BiasInit is null
            ? $"// {Name}: kernels {_layer.WeightInit} (fan_in = {I(fanIn)}), no biases"
            : $"// {Name}: kernels {_layer.WeightInit} (fan_in = {I(fanIn)}), biases {_layer.BiasInit}");
        w.Line(_layer.WeightInit.Call($"{Name}Weights", fanIn, fanOut));
        if (_layer.BiasInit is not null)
        {
            w.Line(_layer.BiasInit.Call($"{Name}Biases", fanIn, fanOut));
        }
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        string bias = _layer.BiasCount > 0 ? $" + b{N}" : "";
        WriteMethodHeader(w, $"{Name} forward, Conv2D {_layer.Input} -> {_layer.Output}, {Layer.Activation}: for each image x of the batch, " +
                             $"z{N} = W{N} ⋆ x{bias} (<see cref=\"{Name}Weights\"/>, {Geometry}) into _z{N}" +
                             (Layer.Activation.IsIdentity ? "." : $", then _a{N} = {Layer.Activation}(_z{N})."));
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {I(_layer.Input.Size)});");
            w.Line($"global::System.Span<{T}> z = {NewBatchSpan($"_z{N}", Layer.Output)};");
            w.Line($"{Kernels}.Forward<{T}>(x, {Name}Weights, biases: {Biases}, output: z, workspace: _workspace{N}, in {Geometry}, batch: batchSize);");
            ActivationWriter.WriteApply(w, Layer, Network.Precision);
        }
    }

    public override string BackwardCall => $"Backward{Name}({Buffers.Input(Layer)}, batchSize);";

    /// <summary>dz from da, then the kernels' and biases' gradients and the input's, which the kernel adds: the parameter gradients are cleared first.</summary>
    public override void WriteBackward(SourceWriter w)
    {
        string? inputGradient = Buffers.InputGradient(Layer);
        string dzFrom = Layer.Activation.IsIdentity ? $"_dz{N} (the same array as _da{N}: Identity)" : $"_dz{N} = _da{N} ⊙ {Layer.Activation}'(_z{N})";
        string parameters = _layer.BiasCount > 0 ? $"W{N}'s and b{N}'s" : $"W{N}'s";
        string flow = inputGradient is null ? "" : $", and adds the input's gradient (the transposed convolution of dz) to {inputGradient}";
        WriteMethodHeader(w, $"{Name} backward: from {dzFrom}, writes {parameters} gradients{flow}.");
        using (w.Block($"private void Backward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            ActivationWriter.WriteGradient(w, Layer, Network);
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {I(_layer.Input.Size)});");
            w.Line("// The kernel adds to the parameter gradients: they start from zero.");
            w.Line($"{Name}WeightGradients.Clear();");
            if (_layer.BiasCount > 0)
            {
                w.Line($"{Name}BiasGradients.Clear();");
            }
            string inputGradients = inputGradient is null ? "default" : BatchSpan(inputGradient, Layer.Input);
            w.Line($"{Kernels}.Backward<{T}>(x, {Name}Weights, outputGradients: dz, weightGradients: {Name}WeightGradients, " +
                   $"biasGradients: {(_layer.BiasCount > 0 ? $"{Name}BiasGradients" : "default")}, inputGradients: {inputGradients}, " +
                   $"workspace: _workspace{N}, in {Geometry}, batch: batchSize);");
        }
    }
}
