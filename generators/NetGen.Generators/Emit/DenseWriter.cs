using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes a dense layer's forward and backward methods: the register-blocked products of <c>NetGen.DenseKernels</c> with the layer's sizes as literals, then the activation.</summary>
internal sealed class DenseWriter
{
    private readonly SourceWriter _w;
    private readonly NetworkSpec _spec;
    private readonly string _t;

    public DenseWriter(SourceWriter writer, NetworkSpec spec)
    {
        _w = writer;
        _spec = spec;
        _t = Literals.ElementType(spec.Precision);
    }

    public void WriteForward(LayerSpec layer)
    {
        int n = layer.Number;
        string inputs = Literals.Integer(layer.Inputs);
        string units = Literals.Integer(layer.Units);
        string activation = Summary.Activation(layer);
        _w.Line($"/// <summary>{layer.Name} forward, Dense {inputs} -> {units}, {activation}: z{n} = x·W{n}ᵀ + b{n}, a{n} = {activation}(z{n}), for the batch.</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Forward{layer.Name}(global::System.ReadOnlySpan<{_t}> input, int batchSize)"))
        {
            _w.Line($"global::NetGen.CompilerServices.DenseKernels.Forward<{_t}>(input.Slice(0, batchSize * {inputs}), {layer.Name}Weights, {layer.Name}Biases, " +
                    $"{Literals.SpanOf(_t, $"_z{n}", "0", $"batchSize * {units}")}, batchSize, {inputs}, {units});");
            if (layer.Activation == ActivationKind.Softmax)
            {
                using (_w.Block("for (int sample = 0; sample < batchSize; sample++)"))
                {
                    _w.Line($"int row = sample * {units};");
                    _w.Line($"global::NetGen.Activations.Softmax<{_t}>({Literals.SpanOf(_t, $"_z{n}", "row", units)}, {Literals.SpanOf(_t, $"_a{n}", "row", units)});");
                }
            }
            else
            {
                new ActivationWriter(_w, _spec.Precision).WriteApply(layer);
            }
        }
    }

    /// <summary>
    /// From dz, adds dz·W to the input's gradient, then writes ∂W = dzᵀ·x and ∂b = Σ dz over the batch, or, given an
    /// optimizer (a fused training step), updates W and b from them at once. The input's gradient comes first: it needs W
    /// as the forward pass used it.
    /// </summary>
    public void WriteBackward(LayerSpec layer)
    {
        int n = layer.Number;
        string inputs = Literals.Integer(layer.Inputs);
        string units = Literals.Integer(layer.Units);
        string? inputGradient = Buffers.InputGradient(layer);
        string flow = inputGradient is null ? " (the first layer: no gradient flows further)" : $", d{inputGradient.TrimStart('_')} += dz{n}·W{n}";
        _w.Line($"/// <summary>{layer.Name} backward: dz{n} from da{n}{flow}, then dW{n} = dz{n}ᵀ·x and db{n} = Σ dz{n} over the batch, " +
                $"or, given an optimizer, W{n} and b{n} updated from them at once.</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Backward{layer.Name}(global::System.ReadOnlySpan<{_t}> input, int batchSize, global::NetGen.IElementwiseOptimizer<{_t}>? optimizer)"))
        {
            if (Buffers.HasOutputGradient(layer, _spec))
            {
                new ActivationWriter(_w, _spec.Precision).WriteDerivative(layer, inPlace: false);
            }
            string dz = Literals.SpanOf(_t, $"_dz{n}", "0", $"batchSize * {units}");
            string x = $"input.Slice(0, batchSize * {inputs})";
            if (inputGradient is not null)
            {
                _w.Line($"global::NetGen.CompilerServices.DenseKernels.AccumulateInputGradients<{_t}>({dz}, {layer.Name}Weights, " +
                        $"{Literals.SpanOf(_t, inputGradient, "0", $"batchSize * {inputs}")}, batchSize, {inputs}, {units});");
            }
            using (_w.Block("if (optimizer is null)"))
            {
                _w.Line($"global::NetGen.CompilerServices.DenseKernels.ParameterGradients<{_t}>({dz}, {x}, " +
                        $"{layer.Name}WeightGradients, {layer.Name}BiasGradients, batchSize, {inputs}, {units}, accumulate: false);");
            }
            using (_w.Block("else"))
            {
                _w.Line($"global::NetGen.CompilerServices.DenseKernels.UpdateParameters<{_t}>({dz}, {x}, {layer.Name}Weights, {layer.Name}Biases, batchSize, {inputs}, {units}, " +
                        $"optimizer, {layer.Name}WeightOffset, {layer.Name}BiasOffset);");
            }
        }
    }
}
