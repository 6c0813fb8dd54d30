using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes a layer's activation over the batch and its <c>dz = da ⊙ f'(z)</c>, as calls into <c>NetGen.ActivationKernels</c>.</summary>
internal sealed class ActivationWriter
{
    private readonly SourceWriter _w;
    private readonly PrecisionKind _precision;
    private readonly string _t;

    public ActivationWriter(SourceWriter writer, PrecisionKind precision)
    {
        _w = writer;
        _precision = precision;
        _t = Literals.ElementType(precision);
    }

    private static string Kind(LayerSpec layer) => $"global::NetGen.Activation.{layer.Activation}";

    /// <summary>LeakyReLU's slope or ELU's alpha, as a literal of the element type (0 for the others).</summary>
    private string Parameter(LayerSpec layer) => Literals.Number(layer.ActivationParameter, _precision);

    private string ReadOnly(string array, string count) => $"new global::System.ReadOnlySpan<{_t}>({array}, 0, {count})";

    /// <summary><c>a = f(z)</c> over the batch; nothing for Identity, whose output array is its pre-activation array.</summary>
    public void WriteApply(LayerSpec layer)
    {
        if (!Buffers.HasOwnOutput(layer))
        {
            return;
        }
        int n = layer.Number;
        string count = $"batchSize * {Literals.Integer(layer.Units)}";
        _w.Line($"// a{n} = {Summary.Activation(layer)}(z{n})");
        _w.Line($"global::NetGen.ActivationKernels.Apply({Kind(layer)}, {Parameter(layer)}, " +
                $"{ReadOnly($"_z{n}", count)}, {Literals.SpanOf(_t, $"_a{n}", "0", count)});");
    }

    /// <summary>
    /// <c>dz = da ⊙ f'(z)</c> over the batch, from <c>_da</c>, or in place when the loss wrote <c>da</c> into <c>_dz</c>.
    /// Nothing for Identity: dz is da.
    /// </summary>
    public void WriteDerivative(LayerSpec layer, bool inPlace)
    {
        int n = layer.Number;
        if (layer.Activation == ActivationKind.Identity)
        {
            return;
        }
        string count = $"batchSize * {Literals.Integer(layer.Units)}";
        _w.Line($"// dz{n} = da{n} ⊙ {Summary.Activation(layer)}'(z{n})");
        _w.Line($"global::NetGen.ActivationKernels.MultiplyByDerivative({Kind(layer)}, {Parameter(layer)}, " +
                $"{ReadOnly(inPlace ? $"_dz{n}" : $"_da{n}", count)}, {ReadOnly($"_z{n}", count)}, {Literals.SpanOf(_t, $"_dz{n}", "0", count)});");
    }
}
