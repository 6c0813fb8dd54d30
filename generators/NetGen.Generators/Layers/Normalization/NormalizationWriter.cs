using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Normalization;

/// <summary>Writes a normalization's fields, spans, initialization, and forward and backward methods over <c>NetGen.BatchNormalization</c> or <c>NetGen.LayerNormalization</c>.</summary>
internal sealed class NormalizationWriter : LayerWriter
{
    private readonly NormalizationLayer _layer;

    public NormalizationWriter(NetworkModel network, NormalizationLayer layer)
        : base(network, layer) => _layer = layer;

    private bool IsBatchNorm => _layer is BatchNormLayer;

    private string Features => Literals.Integer(_layer.Output.Size);

    /// <summary>Over the channels of an image (PyTorch's BatchNorm2d), rather than each feature of a vector.</summary>
    private bool PerChannel => IsBatchNorm && _layer.Input.IsImage;

    /// <summary>The normalized groups: the features, or an image's channels.</summary>
    private string Groups => Literals.Integer(_layer.Features);

    /// <summary>The sizes the kernels take after the batch size: <c>features</c>, or <c>channels, pixels</c>.</summary>
    private string Sizes => PerChannel ? $"channels: {Groups}, pixels: {Literals.Integer(_layer.Input.Pixels)}" : Features;

    private string Kernels => PerChannel ? "global::NetGen.ChannelBatchNormalization"
        : IsBatchNorm ? "global::NetGen.BatchNormalization" : "global::NetGen.LayerNormalization";

    private string Unit => PerChannel ? "channel" : "feature";

    public override void WriteFields(SourceWriter w)
    {
        w.Line(IsBatchNorm
            ? $"// {Name}'s normalized inputs x̂, 1/√(σ² + ε) per {Unit}, and the batch's mean and variance per {Unit}."
            : $"// {Name}'s normalized inputs x̂, and 1/√(σ² + ε) per sample.");
        w.Line(GeneratedCode.Attribute);
        w.Line(IsBatchNorm
            ? $"private readonly {T}[] _normalized{N}, _inverseStd{N}, _mean{N}, _variance{N};"
            : $"private readonly {T}[] _normalized{N}, _inverseStd{N};");
    }

    public override void WriteAllocations(SourceWriter w)
    {
        w.Line($"_normalized{N} = new {T}[maxBatchSize * {Features}];");
        if (IsBatchNorm)
        {
            w.Line($"_inverseStd{N} = new {T}[{Groups}];");
            w.Line($"_mean{N} = new {T}[{Groups}];");
            w.Line($"_variance{N} = new {T}[{Groups}];");
        }
        else
        {
            w.Line($"_inverseStd{N} = new {T}[maxBatchSize];");
        }
    }

    public override void WriteProperties(SourceWriter w)
    {
        WriteSpanProperty(w, $"{Name}Scale", "_parameters", $"{Name}WeightOffset", _layer.WeightCount, $"{Name}'s scales γ, one per {Unit}.");
        WriteSpanProperty(w, $"{Name}Shift", "_parameters", $"{Name}BiasOffset", _layer.BiasCount, $"{Name}'s shifts β, one per {Unit}.");
        WriteSpanProperty(w, $"{Name}ScaleGradients", "_gradients", $"{Name}WeightOffset", _layer.WeightCount, $"The gradient of {Name}'s scales.");
        WriteSpanProperty(w, $"{Name}ShiftGradients", "_gradients", $"{Name}BiasOffset", _layer.BiasCount, $"The gradient of {Name}'s shifts.");
        if (IsBatchNorm)
        {
            string state = $"{Name}StateOffset";
            WriteSpanProperty(w, $"{Name}RunningMean", "_state", state, _layer.Features, $"{Name}'s running mean, used in inference mode.");
            WriteSpanProperty(w, $"{Name}RunningVariance", "_state", $"{state} + {Groups}", _layer.Features, $"{Name}'s running variance, used in inference mode.");
        }
    }

    public override void WriteInitialization(SourceWriter w)
    {
        w.Line($"// {Name}: scales 1, shifts 0 (the identity){(IsBatchNorm ? "; running mean 0, running variance 1" : "")}");
        w.Line($"{Name}Scale.Fill({Literals.Number(1, Network.Precision)});");
        w.Line($"{Name}Shift.Clear();");
        if (IsBatchNorm)
        {
            w.Line($"{Name}RunningMean.Clear();");
            w.Line($"{Name}RunningVariance.Fill({Literals.Number(1, Network.Precision)});");
        }
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        string statistics = PerChannel ? "each channel over the batch and its pixels (training) or by the running statistics (inference)"
            : IsBatchNorm ? "each feature over the batch (training) or by the running statistics (inference)" : "each sample over its features";
        string activation = Layer.Activation.IsIdentity ? "" : $", then _a{N} = {Layer.Activation}(_z{N})";
        string what = PerChannel ? $"{_layer.Input} images" : $"{Features} features";
        WriteMethodHeader(w, $"{Name} forward, {Layer.Kind} of {what}: x̂ = x normalized, {statistics}; _z{N} = γ·x̂ + β{activation}.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {Features});");
            w.Line($"global::System.Span<{T}> normalized = {NewBatchSpan($"_normalized{N}", Layer.Output)};");
            w.Line($"global::System.Span<{T}> z = {NewBatchSpan($"_z{N}", Layer.Output)};");
            string epsilon = Literals.Number(_layer.Epsilon, Network.Precision);
            string common = $"x, batchSize, {Sizes}, {Name}Scale, {Name}Shift, epsilon: {epsilon}";
            if (IsBatchNorm)
            {
                using (w.Block("if (IsTraining)"))
                {
                    w.Line($"{Kernels}.ForwardTraining<{T}>({common}, _mean{N}, _variance{N}, _inverseStd{N}, normalized, z);");
                }
                using (w.Block("else"))
                {
                    w.Line($"{Kernels}.ForwardInference<{T}>({common}, {Name}RunningMean, {Name}RunningVariance, _inverseStd{N}, normalized, z);");
                }
            }
            else
            {
                w.Line($"{Kernels}.Forward<{T}>({common}, _inverseStd{N}, normalized, z);");
            }
            ActivationWriter.WriteApply(w, Layer, Network.Precision);
        }
    }

    public override string BackwardCall => $"Backward{Name}(batchSize);";

    public override void WriteBackward(SourceWriter w)
    {
        string? inputGradient = Buffers.InputGradient(Layer);
        string dz = Layer.Activation.IsIdentity ? $"_dz{N} (the same array as _da{N}: Identity)" : $"_dz{N} = _da{N} ⊙ {Layer.Activation}'(_z{N})";
        string flow = inputGradient is null ? "" : $", and adds ∂loss/∂x to {inputGradient}";
        WriteMethodHeader(w, $"{Name} backward: from {dz}, writes dγ = Σ dz·x̂ and dβ = Σ dz over the batch{flow}.");
        using (w.Block($"private void Backward{Name}(int batchSize)"))
        {
            ActivationWriter.WriteGradient(w, Layer, Network);
            w.Line($"global::System.ReadOnlySpan<{T}> normalized = {NewBatchSpan($"_normalized{N}", Layer.Output)};");
            w.Line("// The kernel adds to dγ and dβ: start them at 0.");
            w.Line($"{Name}ScaleGradients.Clear();");
            w.Line($"{Name}ShiftGradients.Clear();");
            string dx = inputGradient is null ? $"global::System.Span<{T}>.Empty" : BatchSpan(inputGradient, Layer.Input);
            string arguments = $"dz, normalized, _inverseStd{N}, {Name}Scale, batchSize, {Sizes}, {Name}ScaleGradients, {Name}ShiftGradients, {dx}";
            if (IsBatchNorm)
            {
                using (w.Block("if (IsTraining)"))
                {
                    w.Line($"{Kernels}.BackwardTraining<{T}>({arguments});");
                }
                using (w.Block("else"))
                {
                    w.Line($"{Kernels}.BackwardInference<{T}>({arguments});");
                }
            }
            else
            {
                w.Line($"{Kernels}.Backward<{T}>({arguments});");
            }
        }
    }

    public override void WriteRunningStatisticsUpdate(SourceWriter w)
    {
        if (_layer is BatchNormLayer batchNorm)
        {
            string count = PerChannel ? $"batchSize * {Literals.Integer(_layer.Input.Pixels)}" : "batchSize";
            w.Line($"global::NetGen.BatchNormalization.UpdateRunningStatistics<{T}>(_mean{N}, _variance{N}, {count}, " +
                   $"momentum: {Literals.Number(batchNorm.Momentum, Network.Precision)}, {Name}RunningMean, {Name}RunningVariance);");
        }
    }
}
