using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Residual;

/// <summary>Writes a residual block's end: the sum of the branch and the skip (identity, or a learned projection over <c>DenseKernels</c>).</summary>
internal sealed class ResidualWriter : LayerWriter
{
    private const string DenseKernels = "global::NetGen.CompilerServices.DenseKernels";
    private const string Kernels = "global::NetGen.Kernels";

    private readonly ResidualLayer _layer;

    public ResidualWriter(NetworkModel network, ResidualLayer layer)
        : base(network, layer) => _layer = layer;

    private string Inputs => Literals.Integer(_layer.Input.Size);

    private string Units => Literals.Integer(_layer.Output.Size);

    private string Skip => Buffers.Output(_layer.SkipFrom);

    public override void WriteProperties(SourceWriter w)
    {
        if (_layer.HasProjection)
        {
            string shape = $"[{Units}, {Inputs}]";
            WriteSpanProperty(w, $"{Name}Projection", "_parameters", $"{Name}WeightOffset", _layer.WeightCount, $"{Name}'s skip projection P, {shape} row-major.");
            WriteSpanProperty(w, $"{Name}ProjectionGradients", "_gradients", $"{Name}WeightOffset", _layer.WeightCount, $"The gradient of {Name}'s skip projection.");
        }
    }

    public override void WriteInitialization(SourceWriter w)
    {
        if (_layer.HasProjection)
        {
            w.Line($"// {Name}: skip projection {ResidualLayer.ProjectionInit}");
            w.Line(ResidualLayer.ProjectionInit.Call($"{Name}Projection", _layer.Input.Size, _layer.Output.Size));
        }
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, {Skip}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        string skip = _layer.HasProjection ? $"{Name}Projection·skip" : "skip";
        string activation = Layer.Activation.IsIdentity ? "" : $", then _a{N} = {Layer.Activation}(_z{N})";
        WriteMethodHeader(w, $"{Name} forward, the end of a residual block: _z{N} = branch + {skip}, the skip being {SkipDescription}{activation}.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> branch, global::System.ReadOnlySpan<{T}> skip, int batchSize)"))
        {
            w.Line($"global::System.Span<{T}> z = {NewBatchSpan($"_z{N}", Layer.Output)};");
            if (_layer.HasProjection)
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
        string skipFlow = skipGradient is null ? "" : _layer.HasProjection ? $" and dz·P to {skipGradient}" : $" and to {skipGradient}";
        string projection = _layer.HasProjection ? $"; then writes P's gradient dzᵀ·skip, or, given an optimizer, updates P at once" : "";
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
}
