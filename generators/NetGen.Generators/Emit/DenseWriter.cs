using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes a dense layer's forward and backward methods, sizes as literals, activation fused into the forward loop.</summary>
internal sealed class DenseWriter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string Kernels = "global::NetGen.Kernels";

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
        _w.Line($"/// <summary>{layer.Name} forward, Dense {inputs} -> {units}, {activation}: z{n} = W{n}·x + b{n}, a{n} = {activation}(z{n}), for each sample.</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Forward{layer.Name}(global::System.ReadOnlySpan<{_t}> input, int batchSize)"))
        {
            _w.Line($"ref {_t} weights = ref _parameters[{layer.Name}WeightOffset];");
            _w.Line($"ref {_t} biases = ref _parameters[{layer.Name}BiasOffset];");
            _w.Line($"ref {_t} firstInput = ref {MemoryMarshal}.GetReference(input);");
            using (_w.Block("for (int sample = 0; sample < batchSize; sample++)"))
            {
                _w.Line($"ref {_t} x = ref {Unsafe}.Add(ref firstInput, sample * {inputs});");
                _w.Line($"int row = sample * {units};");
                using (_w.Block($"for (int unit = 0; unit < {units}; unit++)"))
                {
                    _w.Line($"{_t} z = {Unsafe}.Add(ref biases, unit) + {Kernels}.Dot(ref {Unsafe}.Add(ref weights, unit * {inputs}), ref x, {inputs});");
                    _w.Line($"_z{n}[row + unit] = z;");
                    if (Buffers.HasOwnOutput(layer) && layer.Activation != ActivationKind.Softmax)
                    {
                        _w.Line($"_a{n}[row + unit] = {ActivationCode.Apply(layer, "z", _spec.Precision)};");
                    }
                }
                if (layer.Activation == ActivationKind.Softmax)
                {
                    _w.Line($"global::NetGen.Activations.Softmax<{_t}>({Literals.SpanOf(_t, $"_z{n}", "row", units)}, {Literals.SpanOf(_t, $"_a{n}", "row", units)});");
                }
            }
        }
    }

    /// <summary>From dz, accumulates ∂W += dzᵀ·x and ∂b += Σ dz over the batch, and adds dz·W to the input's gradient.</summary>
    public void WriteBackward(LayerSpec layer)
    {
        int n = layer.Number;
        string inputs = Literals.Integer(layer.Inputs);
        string units = Literals.Integer(layer.Units);
        string? inputGradient = Buffers.InputGradient(layer);
        string flow = inputGradient is null ? "(the first layer: no gradient flows further)" : $"and d{inputGradient.TrimStart('_')} += dz{n}·W{n}";
        _w.Line($"/// <summary>{layer.Name} backward: dz{n} from da{n}, then dW{n} += dz{n}ᵀ·x and db{n} += Σ dz{n} over the batch, {flow}.</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Backward{layer.Name}(global::System.ReadOnlySpan<{_t}> input, int batchSize)"))
        {
            if (Buffers.HasOutputGradient(layer, _spec))
            {
                new ActivationWriter(_w, _spec.Precision).WriteDerivative(layer, inPlace: false);
            }
            _w.Line($"ref {_t} weightGradients = ref _gradients[{layer.Name}WeightOffset];");
            _w.Line($"ref {_t} biasGradients = ref _gradients[{layer.Name}BiasOffset];");
            _w.Line($"ref {_t} firstInput = ref {MemoryMarshal}.GetReference(input);");
            if (inputGradient is not null)
            {
                _w.Line($"ref {_t} weights = ref _parameters[{layer.Name}WeightOffset];");
            }
            using (_w.Block("for (int sample = 0; sample < batchSize; sample++)"))
            {
                _w.Line($"ref {_t} x = ref {Unsafe}.Add(ref firstInput, sample * {inputs});");
                if (inputGradient is not null)
                {
                    _w.Line($"ref {_t} inputGradient = ref {inputGradient}[sample * {inputs}];");
                }
                _w.Line($"int row = sample * {units};");
                using (_w.Block($"for (int unit = 0; unit < {units}; unit++)"))
                {
                    _w.Line($"{_t} g = _dz{n}[row + unit];");
                    _w.Line($"{Unsafe}.Add(ref biasGradients, unit) += g;");
                    _w.Line($"{Kernels}.MultiplyAdd(ref {Unsafe}.Add(ref weightGradients, unit * {inputs}), ref x, g, {inputs});");
                    if (inputGradient is not null)
                    {
                        _w.Line($"{Kernels}.MultiplyAdd(ref inputGradient, ref {Unsafe}.Add(ref weights, unit * {inputs}), g, {inputs});");
                    }
                }
            }
        }
    }
}
