using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes a residual block's end: the sum of the branch and the skip (identity, or a learned projection when the widths differ).</summary>
internal sealed class ResidualWriter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string Kernels = "global::NetGen.Kernels";

    private readonly SourceWriter _w;
    private readonly NetworkSpec _spec;
    private readonly string _t;

    public ResidualWriter(SourceWriter writer, NetworkSpec spec)
    {
        _w = writer;
        _spec = spec;
        _t = Literals.ElementType(spec.Precision);
    }

    public void WriteForward(LayerSpec layer)
    {
        int n = layer.Number;
        string units = Literals.Integer(layer.Units);
        string skip = layer.HasProjection ? $"P{n}·{SkipName(layer)}" : SkipName(layer);
        string activation = Summary.Activation(layer);
        _w.Line($"/// <summary>{layer.Name} forward, the end of a residual block: z{n} = a{n - 1} + {skip}, a{n} = {activation}(z{n}).</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Forward{layer.Name}(global::System.ReadOnlySpan<{_t}> branch, global::System.ReadOnlySpan<{_t}> skip, int batchSize)"))
        {
            _w.Line($"int count = batchSize * {units};");
            if (!layer.HasProjection)
            {
                _w.Line($"{Kernels}.Add(branch.Slice(0, count), skip.Slice(0, count), {Literals.SpanOf(_t, $"_z{n}", "0", "count")});");
            }
            else
            {
                string inputs = Literals.Integer(layer.Inputs);
                _w.Line($"ref {_t} projection = ref _parameters[{layer.Name}WeightOffset];");
                _w.Line($"ref {_t} firstSkip = ref {MemoryMarshal}.GetReference(skip);");
                using (_w.Block("for (int sample = 0; sample < batchSize; sample++)"))
                {
                    _w.Line($"ref {_t} x = ref {Unsafe}.Add(ref firstSkip, sample * {inputs});");
                    _w.Line($"int row = sample * {units};");
                    using (_w.Block($"for (int unit = 0; unit < {units}; unit++)"))
                    {
                        _w.Line($"_z{n}[row + unit] = branch[row + unit] + global::NetGen.CompilerServices.UnsafeKernels.Dot(ref {Unsafe}.Add(ref projection, unit * {inputs}), ref x, {inputs});");
                    }
                }
            }
            new ActivationWriter(_w, _spec.Precision).WriteApply(layer);
        }
    }

    public void WriteBackward(LayerSpec layer)
    {
        int n = layer.Number;
        string units = Literals.Integer(layer.Units);
        string? skipGradient = Buffers.SkipGradient(layer);
        string skipFlow = skipGradient is null ? "" : layer.HasProjection ? $", d{skipGradient.TrimStart('_')} += dz{n}·P{n}" : $", d{skipGradient.TrimStart('_')} += dz{n}";
        string projection = layer.HasProjection ? $", dP{n} += dz{n}ᵀ·{SkipName(layer)}" : "";
        _w.Line($"/// <summary>{layer.Name} backward: dz{n} from da{n}, then da{n - 1} += dz{n}{projection}{skipFlow}.</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private void Backward{layer.Name}(global::System.ReadOnlySpan<{_t}> skip, int batchSize)"))
        {
            new ActivationWriter(_w, _spec.Precision).WriteDerivative(layer, inPlace: false);
            _w.Line($"int count = batchSize * {units};");
            string dz = Literals.SpanOf(_t, $"_dz{n}", "0", "count");
            string branchGradient = Literals.SpanOf(_t, $"_da{n - 1}", "0", "count");
            _w.Line($"{Kernels}.Add({branchGradient}, {dz}, {branchGradient});");
            if (!layer.HasProjection)
            {
                if (skipGradient is not null)
                {
                    string target = Literals.SpanOf(_t, skipGradient, "0", "count");
                    _w.Line($"{Kernels}.Add({target}, {dz}, {target});");
                }
                return;
            }
            string inputs = Literals.Integer(layer.Inputs);
            _w.Line($"ref {_t} projectionGradients = ref _gradients[{layer.Name}WeightOffset];");
            if (skipGradient is not null)
            {
                _w.Line($"ref {_t} projection = ref _parameters[{layer.Name}WeightOffset];");
            }
            _w.Line($"ref {_t} firstSkip = ref {MemoryMarshal}.GetReference(skip);");
            using (_w.Block("for (int sample = 0; sample < batchSize; sample++)"))
            {
                _w.Line($"ref {_t} x = ref {Unsafe}.Add(ref firstSkip, sample * {inputs});");
                if (skipGradient is not null)
                {
                    _w.Line($"ref {_t} skipGradient = ref {skipGradient}[sample * {inputs}];");
                }
                _w.Line($"int row = sample * {units};");
                using (_w.Block($"for (int unit = 0; unit < {units}; unit++)"))
                {
                    _w.Line($"{_t} g = _dz{n}[row + unit];");
                    _w.Line($"global::NetGen.CompilerServices.UnsafeKernels.MultiplyAdd(ref {Unsafe}.Add(ref projectionGradients, unit * {inputs}), ref x, g, {inputs});");
                    if (skipGradient is not null)
                    {
                        _w.Line($"global::NetGen.CompilerServices.UnsafeKernels.MultiplyAdd(ref skipGradient, ref {Unsafe}.Add(ref projection, unit * {inputs}), g, {inputs});");
                    }
                }
            }
        }
    }

    private static string SkipName(LayerSpec layer) => layer.SkipFrom == 0 ? "x" : "a" + layer.SkipFrom;
}
