using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes one dense layer's forward and backward methods, sizes as literals, activation fused into the loop.</summary>
internal sealed class LayerWriter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string Kernels = "global::NetGen.Kernels";

    private readonly SourceWriter _w;
    private readonly string _t;
    private readonly PrecisionKind _precision;

    public LayerWriter(SourceWriter writer, PrecisionKind precision)
    {
        _w = writer;
        _precision = precision;
        _t = Literals.ElementType(precision);
    }

    /// <summary>The name of the buffer holding the layer's input for the batch: the network's inputs or the previous activation.</summary>
    public static string InputName(LayerSpec layer) => layer.Number == 1 ? "inputs" : "_a" + (layer.Number - 1);

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
                    _w.Line($"_a{n}[row + unit] = {ActivationCode.Apply(layer, "z", _precision)};");
                }
                if (layer.Activation == ActivationKind.Softmax)
                {
                    _w.Line($"global::NetGen.Activations.Softmax<{_t}>({Literals.SpanOf(_t, $"_z{n}", "row", units)}, {Literals.SpanOf(_t, $"_a{n}", "row", units)});");
                }
            }
        }
    }

    /// <summary>
    /// Given <c>dz</c> of the layer, accumulates the gradients of its weights and biases and, except for the first layer,
    /// turns the gradient flowing into its input into the previous layer's <c>dz</c>.
    /// </summary>
    public void WriteBackward(LayerSpec layer, LayerSpec? previous)
    {
        int n = layer.Number;
        string inputs = Literals.Integer(layer.Inputs);
        string units = Literals.Integer(layer.Units);
        string summary = previous is null
            ? $"{layer.Name} backward: dW{n} += dz{n}ᵀ·x and db{n} += Σ dz{n} over the batch (the first layer: no gradient flows further)."
            : $"{layer.Name} backward: dW{n} += dz{n}ᵀ·a{n - 1} and db{n} += Σ dz{n} over the batch; then dz{n - 1} = (dz{n}·W{n}) ⊙ {Summary.Activation(previous)}'(z{n - 1}).";
        _w.Line($"/// <summary>{summary}</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Backward{layer.Name}(global::System.ReadOnlySpan<{_t}> input, int batchSize)"))
        {
            _w.Line($"ref {_t} weightGradients = ref _gradients[{layer.Name}WeightOffset];");
            _w.Line($"ref {_t} biasGradients = ref _gradients[{layer.Name}BiasOffset];");
            _w.Line($"ref {_t} firstInput = ref {MemoryMarshal}.GetReference(input);");
            if (previous is not null)
            {
                _w.Line($"ref {_t} weights = ref _parameters[{layer.Name}WeightOffset];");
                _w.Line($"// da{n - 1} accumulates in dz{n - 1}'s buffer, which the activation's derivative then scales in place.");
                _w.Line($"global::System.Array.Clear(_dz{n - 1}, 0, batchSize * {inputs});");
            }
            using (_w.Block("for (int sample = 0; sample < batchSize; sample++)"))
            {
                _w.Line($"ref {_t} x = ref {Unsafe}.Add(ref firstInput, sample * {inputs});");
                if (previous is not null)
                {
                    _w.Line($"ref {_t} inputGradient = ref _dz{n - 1}[sample * {inputs}];");
                }
                _w.Line($"int row = sample * {units};");
                using (_w.Block($"for (int unit = 0; unit < {units}; unit++)"))
                {
                    _w.Line($"{_t} g = _dz{n}[row + unit];");
                    _w.Line($"{Unsafe}.Add(ref biasGradients, unit) += g;");
                    _w.Line($"{Kernels}.MultiplyAdd(ref {Unsafe}.Add(ref weightGradients, unit * {inputs}), ref x, g, {inputs});");
                    if (previous is not null)
                    {
                        _w.Line($"{Kernels}.MultiplyAdd(ref inputGradient, ref {Unsafe}.Add(ref weights, unit * {inputs}), g, {inputs});");
                    }
                }
            }
            if (previous is not null)
            {
                WriteActivationDerivative(previous);
            }
        }
    }

    /// <summary>Turns <c>da</c>, held in the layer's <c>dz</c> buffer, into <c>dz = da ⊙ f'(z)</c>.</summary>
    public void WriteActivationDerivative(LayerSpec layer)
    {
        int n = layer.Number;
        if (layer.Activation == ActivationKind.Identity)
        {
            _w.Line($"// dz{n} = da{n}: Identity's derivative is 1.");
            return;
        }
        _w.Line($"// dz{n} = da{n} ⊙ {Summary.Activation(layer)}'(z{n})");
        using (_w.Block($"for (int i = 0; i < batchSize * {Literals.Integer(layer.Units)}; i++)"))
        {
            _w.Line($"_dz{n}[i] *= {ActivationCode.Derivative(layer, $"_z{n}[i]", _precision)};");
        }
    }
}
