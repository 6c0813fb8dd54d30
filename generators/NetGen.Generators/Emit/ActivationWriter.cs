using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes the element-wise activation loops that follow a normalization or a residual sum, and every layer's <c>dz = da ⊙ f'(z)</c>.</summary>
internal sealed class ActivationWriter
{
    private readonly SourceWriter _w;
    private readonly PrecisionKind _precision;

    public ActivationWriter(SourceWriter writer, PrecisionKind precision)
    {
        _w = writer;
        _precision = precision;
    }

    /// <summary><c>a = f(z)</c> over the batch; nothing for Identity, whose output array is its pre-activation array.</summary>
    public void WriteApply(LayerSpec layer)
    {
        if (!Buffers.HasOwnOutput(layer))
        {
            return;
        }
        int n = layer.Number;
        _w.Line($"// a{n} = {Summary.Activation(layer)}(z{n})");
        using (_w.Block($"for (int i = 0; i < batchSize * {Literals.Integer(layer.Units)}; i++)"))
        {
            _w.Line($"_a{n}[i] = {ActivationCode.Apply(layer, $"_z{n}[i]", _precision)};");
        }
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
        _w.Line($"// dz{n} = da{n} ⊙ {Summary.Activation(layer)}'(z{n})");
        using (_w.Block($"for (int i = 0; i < batchSize * {Literals.Integer(layer.Units)}; i++)"))
        {
            string source = inPlace ? $"_dz{n}[i]" : $"_da{n}[i]";
            _w.Line($"_dz{n}[i] = {source} * {ActivationCode.Derivative(layer, $"_z{n}[i]", _precision)};");
        }
    }
}
