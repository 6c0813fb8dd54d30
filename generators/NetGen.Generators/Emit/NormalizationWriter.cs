using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes a batch or layer normalization's forward and backward methods, which call <c>NetGen.BatchNormalization</c> or <c>NetGen.LayerNormalization</c>.</summary>
internal sealed class NormalizationWriter
{
    private readonly SourceWriter _w;
    private readonly NetworkSpec _spec;
    private readonly string _t;

    public NormalizationWriter(SourceWriter writer, NetworkSpec spec)
    {
        _w = writer;
        _spec = spec;
        _t = Literals.ElementType(spec.Precision);
    }

    public void WriteForward(LayerSpec layer)
    {
        int n = layer.Number;
        string units = Literals.Integer(layer.Units);
        string epsilon = Literals.Number(layer.Epsilon, _spec.Precision);
        string activation = Summary.Activation(layer);
        string statistics = layer.Kind == LayerKind.BatchNorm ? "each feature over the batch (training) or by the running statistics (inference)" : "each sample over its features";
        _w.Line($"/// <summary>{layer.Name} forward, {layer.Kind} of {units} features, {activation}: x̂ = normalized x, {statistics}; z{n} = γ·x̂ + β, a{n} = {activation}(z{n}).</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Forward{layer.Name}(global::System.ReadOnlySpan<{_t}> input, int batchSize)"))
        {
            _w.Line($"int count = batchSize * {units};");
            string common = $"input.Slice(0, count), batchSize, {units}, {layer.Name}Scale, {layer.Name}Shift, {epsilon}";
            if (layer.Kind == LayerKind.BatchNorm)
            {
                using (_w.Block("if (IsTraining)"))
                {
                    _w.Line($"global::NetGen.BatchNormalization.ForwardTraining<{_t}>({common}, _mean{n}, _variance{n}, _inverseStd{n}, {Slice($"_normalized{n}")}, {Slice($"_z{n}")});");
                }
                using (_w.Block("else"))
                {
                    _w.Line($"global::NetGen.BatchNormalization.ForwardInference<{_t}>({common}, {layer.Name}RunningMean, {layer.Name}RunningVariance, _inverseStd{n}, {Slice($"_normalized{n}")}, {Slice($"_z{n}")});");
                }
            }
            else
            {
                _w.Line($"global::NetGen.LayerNormalization.Forward<{_t}>({common}, _inverseStd{n}, {Slice($"_normalized{n}")}, {Slice($"_z{n}")});");
            }
            new ActivationWriter(_w, _spec.Precision).WriteApply(layer);
        }
    }

    public void WriteBackward(LayerSpec layer)
    {
        int n = layer.Number;
        string units = Literals.Integer(layer.Units);
        string? inputGradient = Buffers.InputGradient(layer);
        string flow = inputGradient is null ? "(the first layer: no gradient flows further)" : $"and d{inputGradient.TrimStart('_')} += ∂loss/∂x";
        _w.Line($"/// <summary>{layer.Name} backward: dz{n} from da{n}, then dγ += Σ dz{n}·x̂ and dβ += Σ dz{n} over the batch, {flow}.</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Backward{layer.Name}(int batchSize)"))
        {
            new ActivationWriter(_w, _spec.Precision).WriteDerivative(layer, inPlace: false);
            _w.Line($"int count = batchSize * {units};");
            string target = inputGradient is null ? $"global::System.Span<{_t}>.Empty" : Slice(inputGradient);
            string arguments = $"{Slice($"_dz{n}")}, {Slice($"_normalized{n}")}, _inverseStd{n}, {layer.Name}Scale, batchSize, {units}, " +
                               $"{layer.Name}ScaleGradients, {layer.Name}ShiftGradients, {target}";
            if (layer.Kind == LayerKind.BatchNorm)
            {
                using (_w.Block("if (IsTraining)"))
                {
                    _w.Line($"global::NetGen.BatchNormalization.BackwardTraining<{_t}>({arguments});");
                }
                using (_w.Block("else"))
                {
                    _w.Line($"global::NetGen.BatchNormalization.BackwardInference<{_t}>({arguments});");
                }
            }
            else
            {
                _w.Line($"global::NetGen.LayerNormalization.Backward<{_t}>({arguments});");
            }
        }
    }

    private string Slice(string array) => Literals.SpanOf(_t, array, "0", "count");
}
