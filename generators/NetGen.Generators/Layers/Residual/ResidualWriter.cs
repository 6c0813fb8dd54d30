using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Residual;

/// <summary>
/// Writes a residual block's end: the sum of the branch and the skip (identity, or a learned projection: over vectors a
/// matrix through <c>DenseKernels</c>, over images a 1×1 convolution through <c>Conv2DKernels</c>, with its geometry and
/// workspace as a convolution's).
/// </summary>
internal sealed class ResidualWriter : LayerWriter
{
    private const string DenseKernels = "global::NetGen.CompilerServices.DenseKernels";
    private const string ConvolutionKernels = "global::NetGen.CompilerServices.Conv2DKernels";
    private const string Kernels = "global::NetGen.Kernels";

    private readonly ResidualLayer _layer;

    public ResidualWriter(NetworkModel network, ResidualLayer layer)
        : base(network, layer) => _layer = layer;

    private string Inputs => Literals.Integer(_layer.Input.Size);

    private string Units => Literals.Integer(_layer.Output.Size);

    private string Skip => Buffers.Output(_layer.SkipFrom);

    private string Geometry => $"{Name}ProjectionGeometry";

    private string ProjectionShape => _layer.ProjectsImages
        ? $"[{I(_layer.Output.Channels)}, {I(_layer.Input.Channels)}, 1, 1]"
        : $"[{Units}, {Inputs}]";

    private static string I(int value) => Literals.Integer(value);

    public override void WriteFields(SourceWriter w)
    {
        if (!_layer.ProjectsImages)
        {
            return;
        }
        string stride = I(_layer.ProjectionStride);
        w.Line($"// {Name}'s skip projection: a 1x1 convolution of stride {stride} without bias, {_layer.Input} -> {_layer.Output}.");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private static readonly global::NetGen.CompilerServices.Conv2DGeometry {Geometry} = new(");
        w.Line($"    inputChannels: {I(_layer.Input.Channels)}, inputHeight: {I(_layer.Input.Height)}, inputWidth: {I(_layer.Input.Width)}, " +
               $"outputChannels: {I(_layer.Output.Channels)}, kernelHeight: 1, kernelWidth: 1, strideHeight: {stride}, strideWidth: {stride});");
        w.Line($"// {Name}'s workspace for the projection's convolution kernels, for maxBatchSize samples.");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private readonly {T}[] _workspace{N};");
    }

    public override void WriteAllocations(SourceWriter w)
    {
        if (_layer.ProjectsImages)
        {
            w.Line($"_workspace{N} = new {T}[{ConvolutionKernels}.WorkspaceLength(in {Geometry}, maxBatchSize)];");
        }
    }

    public override void WriteProperties(SourceWriter w)
    {
        if (_layer.HasProjection)
        {
            string what = _layer.ProjectsImages ? $"{ProjectionShape} row-major (PyTorch's downsample Conv2d.weight)" : $"{ProjectionShape} row-major";
            WriteSpanProperty(w, $"{Name}Projection", "_parameters", $"{Name}WeightOffset", _layer.WeightCount, $"{Name}'s skip projection P, {what}.");
            WriteSpanProperty(w, $"{Name}ProjectionGradients", "_gradients", $"{Name}WeightOffset", _layer.WeightCount, $"The gradient of {Name}'s skip projection.");
        }
    }

    public override void WriteInitialization(SourceWriter w)
    {
        if (_layer.HasProjection)
        {
            (int fanIn, int fanOut) = _layer.ProjectionFans;
            w.Line($"// {Name}: skip projection {ResidualLayer.ProjectionInit}" + (_layer.ProjectsImages ? $" (fan_in = {I(fanIn)}, fan_out = {I(fanOut)})" : ""));
            w.Line(ResidualLayer.ProjectionInit.Call($"{Name}Projection", fanIn, fanOut));
        }
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, {Skip}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        string skip = !_layer.HasProjection ? "skip"
            : _layer.ProjectsImages ? $"{Name}Projection ⋆ skip ({Geometry})"
            : $"{Name}Projection·skip";
        string activation = Layer.Activation.IsIdentity ? "" : $", then _a{N} = {Layer.Activation}(_z{N})";
        WriteMethodHeader(w, $"{Name} forward, the end of a residual block: _z{N} = branch + {skip}, the skip being {SkipDescription}{activation}.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> branch, global::System.ReadOnlySpan<{T}> skip, int batchSize)"))
        {
            w.Line($"global::System.Span<{T}> z = {NewBatchSpan($"_z{N}", Layer.Output)};");
            if (_layer.ProjectsImages)
            {
                w.Line($"{ConvolutionKernels}.Forward<{T}>(skip.Slice(0, batchSize * {Inputs}), {Name}Projection, biases: default, output: z, " +
                       $"workspace: _workspace{N}, in {Geometry}, batch: batchSize);");
                w.Line($"{Kernels}.Add<{T}>(z, branch.Slice(0, z.Length), z);");
            }
            else if (_layer.HasProjection)
            {
                w.Line($"{DenseKernels}.Forward<{T}>(skip.Slice(0, batchSize * {Inputs}), {Name}Projection, biases: default, z, " +
                       $"batchSize, inputs: {Inputs}, units: {Units});");
                w.Line($"{Kernels}.Add<{T}>(z, branch.Slice(0, z.Length), z);");
            }
            else
            {
                w.Line($"{Kernels}.Add<{T}>(branch.Slice(0, z.Length), skip.Slice(0, z.Length), z);");
            }
            ActivationWriter.WriteApply(w, Layer, Network.Precision);
        }
    }

    private string SkipDescription => _layer.SkipFrom == 0 ? "the network's inputs" : $"Layer{_layer.SkipFrom}'s output";

    public override bool UpdatesItsParameters => _layer.HasProjection;

    public override string BackwardCall => _layer.HasProjection
        ? $"Backward{Name}({Skip}, batchSize, optimizer);"
        : $"Backward{Name}(batchSize);";

    public override void WriteBackward(SourceWriter w)
    {
        string? skipGradient = Buffers.OutputGradient(_layer.SkipFrom);
        string branchGradient = "_da" + (N - 1);
        string dz = Layer.Activation.IsIdentity ? $"_dz{N} (the same array as _da{N}: Identity)" : $"_dz{N} = _da{N} ⊙ {Layer.Activation}'(_z{N})";
        string skipFlow = skipGradient is null ? ""
            : !_layer.HasProjection ? $" and to {skipGradient}"
            : _layer.ProjectsImages ? $" and the transposed 1x1 convolution of dz to {skipGradient}"
            : $" and dz·P to {skipGradient}";
        string projection = !_layer.HasProjection ? ""
            : _layer.ProjectsImages ? "; then writes P's gradient and, given an optimizer, updates P with it"
            : "; then writes P's gradient dzᵀ·skip, or, given an optimizer, updates P at once";
        WriteMethodHeader(w, $"{Name} backward: from {dz}, adds dz to {branchGradient} (the branch){skipFlow}{projection}.");
        string signature = _layer.HasProjection
            ? $"private void Backward{Name}(global::System.ReadOnlySpan<{T}> skip, int batchSize, global::NetGen.IElementwiseOptimizer<{T}>? optimizer)"
            : $"private void Backward{Name}(int batchSize)";
        using (w.Block(signature))
        {
            ActivationWriter.WriteGradient(w, Layer, Network);
            w.Line($"global::System.Span<{T}> branchGradient = {NewBatchSpan(branchGradient, Layer.Output)};");
            w.Line($"{Kernels}.Add<{T}>(branchGradient, dz, branchGradient);");
            if (!_layer.HasProjection)
            {
                if (skipGradient is not null)
                {
                    w.Line($"global::System.Span<{T}> skipGradient = {NewBatchSpan(skipGradient, Layer.Input)};");
                    w.Line($"{Kernels}.Add<{T}>(skipGradient, dz, skipGradient);");
                }
                return;
            }
            w.Line($"global::System.ReadOnlySpan<{T}> x = skip.Slice(0, batchSize * {Inputs});");
            if (_layer.ProjectsImages)
            {
                WriteImageProjectionBackward(w, skipGradient);
            }
            else
            {
                WriteMatrixProjectionBackward(w, skipGradient);
            }
        }
    }

    /// <summary>The convolution kernel adds P's gradient and the skip's: P's is cleared first, then, with an optimizer, applied at once (P is read no further back).</summary>
    private void WriteImageProjectionBackward(SourceWriter w, string? skipGradient)
    {
        w.Line("// The kernel adds to the projection's gradient: it starts from zero.");
        w.Line($"{Name}ProjectionGradients.Clear();");
        string skipGradients = skipGradient is null ? "default" : BatchSpan(skipGradient, Layer.Input);
        w.Line($"{ConvolutionKernels}.Backward<{T}>(x, {Name}Projection, outputGradients: dz, weightGradients: {Name}ProjectionGradients, " +
               $"biasGradients: default, inputGradients: {skipGradients}, workspace: _workspace{N}, in {Geometry}, batch: batchSize);");
        w.Line($"optimizer?.Update({Name}WeightOffset, {Name}Projection, {Name}ProjectionGradients);");
    }

    private void WriteMatrixProjectionBackward(SourceWriter w, string? skipGradient)
    {
        if (skipGradient is not null)
        {
            w.Line($"{DenseKernels}.AccumulateInputGradients<{T}>(dz, {Name}Projection, {BatchSpan(skipGradient, Layer.Input)}, batchSize, inputs: {Inputs}, units: {Units});");
        }
        using (w.Block("if (optimizer is null)"))
        {
            w.Line($"{DenseKernels}.ParameterGradients<{T}>(dz, x, {Name}ProjectionGradients, biasGradients: default, " +
                   $"batchSize, inputs: {Inputs}, units: {Units}, accumulate: false);");
        }
        using (w.Block("else"))
        {
            w.Line($"{DenseKernels}.UpdateParameters<{T}>(dz, x, {Name}Projection, biases: default, batchSize, inputs: {Inputs}, units: {Units}, " +
                   $"optimizer, {Name}WeightOffset, {Name}WeightOffset + {Literals.Integer(_layer.WeightCount)});");
        }
    }
}
