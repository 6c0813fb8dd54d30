using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Dense;

/// <summary>Writes a dense layer: its weight and bias spans, their initialization, and its forward and backward methods over <c>DenseKernels</c>.</summary>
internal sealed class DenseWriter : LayerWriter
{
    private const string Kernels = "global::NetGen.CompilerServices.DenseKernels";

    private readonly DenseLayer _layer;

    public DenseWriter(NetworkModel network, DenseLayer layer)
        : base(network, layer) => _layer = layer;

    private string Inputs => Literals.Integer(_layer.Inputs);

    private string Units => Literals.Integer(_layer.Units);

    private string Shape => $"[{Units}, {Inputs}]";

    /// <summary>The rows the kernels run over: the samples, or on a sequence every step of every sample.</summary>
    private string Rows => _layer.Input.IsSequence ? $"batchSize * {Literals.Integer(_layer.Input.Steps)}" : "batchSize";

    private string InputValues => Literals.Integer(_layer.Input.Size);

    private string Biases => _layer.BiasCount > 0 ? $"{Name}Biases" : "biases: default";

    private string BiasGradients => _layer.BiasCount > 0 ? $"{Name}BiasGradients" : "biasGradients: default";

    public override void WriteProperties(SourceWriter w)
    {
        WriteSpanProperty(w, $"{Name}Weights", "_parameters", $"{Name}WeightOffset", _layer.WeightCount, $"{Name}'s weights, {Shape} row-major.");
        if (_layer.BiasCount > 0)
        {
            WriteSpanProperty(w, $"{Name}Biases", "_parameters", $"{Name}BiasOffset", _layer.BiasCount, $"{Name}'s {Units} biases.");
        }
        WriteSpanProperty(w, $"{Name}WeightGradients", "_gradients", $"{Name}WeightOffset", _layer.WeightCount, $"The gradient of {Name}'s weights, {Shape} row-major.");
        if (_layer.BiasCount > 0)
        {
            WriteSpanProperty(w, $"{Name}BiasGradients", "_gradients", $"{Name}BiasOffset", _layer.BiasCount, $"The gradient of {Name}'s biases.");
        }
    }

    public override void WriteInitialization(SourceWriter w)
    {
        w.Line(_layer.BiasInit is null ? $"// {Name}: weights {_layer.WeightInit}, no biases" : $"// {Name}: weights {_layer.WeightInit}, biases {_layer.BiasInit}");
        w.Line(_layer.WeightInit.Call($"{Name}Weights", _layer.Inputs, _layer.Units));
        if (_layer.BiasInit is not null)
        {
            w.Line(_layer.BiasInit.Call($"{Name}Biases", _layer.Inputs, _layer.Units));
        }
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        string bias = _layer.BiasCount > 0 ? $" + b{N}" : "";
        WriteMethodHeader(w, $"{Name} forward, Dense {Inputs} -> {Units}, {Layer.Activation}: {(_layer.Input.IsSequence ? "for each step x of each sample" : "for each sample x of the batch")}, " +
                             $"z{N} = W{N}·x{bias} (<see cref=\"{Name}Weights\"/>) into _z{N}" +
                             (Layer.Activation.IsIdentity ? "." : $", then _a{N} = {Layer.Activation}(_z{N})."));
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {InputValues});");
            w.Line($"global::System.Span<{T}> z = {NewBatchSpan($"_z{N}", Layer.Output)};");
            w.Line($"{Kernels}.Forward<{T}>(x, {Name}Weights, {Biases}, z, {Rows}, inputs: {Inputs}, units: {Units});");
            ActivationWriter.WriteApply(w, Layer, Network.Precision);
        }
    }

    public override bool UpdatesItsParameters => true;

    public override string BackwardCall => $"Backward{Name}({Buffers.Input(Layer)}, batchSize, optimizer);";

    /// <summary>
    /// dz from da, then the input's gradient from W as the forward pass used it, then W's and b's gradients, or, given an
    /// optimizer (a fused training step), W and b updated from them at once.
    /// </summary>
    public override void WriteBackward(SourceWriter w)
    {
        string? inputGradient = Buffers.InputGradient(Layer);
        bool fromLoss = !Buffers.HasOutputGradient(Layer, Network);
        string dzFrom = fromLoss ? $"_dz{N} (written by the loss)" : Layer.Activation.IsIdentity ? $"_dz{N} (the same array as _da{N}: Identity)" : $"_dz{N} = _da{N} ⊙ {Layer.Activation}'(_z{N})";
        string flow = inputGradient is null ? "" : $" adds dz·W{N} to {inputGradient},";
        string parameters = _layer.BiasCount > 0 ? $"W{N}'s and b{N}'s" : $"W{N}'s";
        WriteMethodHeader(w, $"{Name} backward: from {dzFrom},{flow} then writes {parameters} gradients " +
                             $"(dW = dzᵀ·x{(_layer.BiasCount > 0 ? ", db = Σ dz" : "")} over the batch), or, given an optimizer, updates them at once.");
        using (w.Block($"private void Backward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize, global::NetGen.IElementwiseOptimizer<{T}>? optimizer)"))
        {
            ActivationWriter.WriteGradient(w, Layer, Network);
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {InputValues});");
            if (inputGradient is not null)
            {
                w.Line($"{Kernels}.AccumulateInputGradients<{T}>(dz, {Name}Weights, {BatchSpan(inputGradient, Layer.Input)}, {Rows}, inputs: {Inputs}, units: {Units});");
            }
            using (w.Block("if (optimizer is null)"))
            {
                w.Line($"{Kernels}.ParameterGradients<{T}>(dz, x, {Name}WeightGradients, {BiasGradients}, {Rows}, inputs: {Inputs}, units: {Units}, accumulate: false);");
            }
            using (w.Block("else"))
            {
                w.Line($"{Kernels}.UpdateParameters<{T}>(dz, x, {Name}Weights, {Biases}, {Rows}, inputs: {Inputs}, units: {Units}, " +
                       $"optimizer, {Name}WeightOffset, {(_layer.BiasCount > 0 ? $"{Name}BiasOffset" : $"{Name}WeightOffset + {Literals.Integer(_layer.WeightCount)}")});");
            }
        }
    }
}
