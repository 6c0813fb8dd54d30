using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes a layer's activation over the batch and its <c>dz = da ⊙ f'(z)</c>, as calls into <c>NetGen.ActivationKernels</c>.</summary>
internal static class ActivationWriter
{
    /// <summary><c>_an = f(_zn)</c> over the batch; nothing for Identity, whose output array is its pre-activation array.</summary>
    public static void WriteApply(SourceWriter w, Layer layer, PrecisionKind precision)
    {
        if (!Buffers.HasOwnOutput(layer))
        {
            return;
        }
        if (layer.Activation.Kind == ActivationKind.Softmax)
        {
            WriteSoftmax(w, layer, precision);
            return;
        }
        int n = layer.Number;
        string t = Literals.ElementType(precision);
        string count = $"batchSize * {Literals.Integer(layer.Output.Size)}";
        w.Line($"// _a{n} = {layer.Activation}(_z{n})");
        w.Line($"global::NetGen.ActivationKernels.Apply({Kind(layer)}, {Parameter(layer, precision)}, " +
               $"new global::System.ReadOnlySpan<{t}>(_z{n}, 0, {count}), {Literals.SpanOf(t, $"_a{n}", "0", count)});");
    }

    /// <summary>
    /// <c>_dzn = gradient ⊙ f'(_zn)</c> over the batch, from <paramref name="gradient"/> (<c>_dan</c>, or <c>_dzn</c> itself
    /// where the loss wrote ∂loss/∂a there). Nothing for Identity: dz is da.
    /// </summary>
    public static void WriteDerivative(SourceWriter w, Layer layer, PrecisionKind precision, string gradient)
    {
        if (layer.Activation.IsIdentity)
        {
            return;
        }
        int n = layer.Number;
        string t = Literals.ElementType(precision);
        string count = $"batchSize * {Literals.Integer(layer.Output.Size)}";
        w.Line($"// _dz{n} = {gradient} ⊙ {layer.Activation}'(_z{n})");
        w.Line($"global::NetGen.ActivationKernels.MultiplyByDerivative({Kind(layer)}, {Parameter(layer, precision)}, " +
               $"new global::System.ReadOnlySpan<{t}>({gradient}, 0, {count}), new global::System.ReadOnlySpan<{t}>(_z{n}, 0, {count}), " +
               $"{Literals.SpanOf(t, $"_dz{n}", "0", count)});");
    }

    private static void WriteSoftmax(SourceWriter w, Layer layer, PrecisionKind precision)
    {
        int n = layer.Number;
        string t = Literals.ElementType(precision);
        string units = Literals.Integer(layer.Output.Size);
        w.Line($"// _a{n} = softmax(_z{n}) of each sample");
        using (w.Block("for (int sample = 0; sample < batchSize; sample++)"))
        {
            w.Line($"int row = sample * {units};");
            w.Line($"global::NetGen.Activations.Softmax<{t}>({Literals.SpanOf(t, $"_z{n}", "row", units)}, {Literals.SpanOf(t, $"_a{n}", "row", units)});");
        }
    }

    private static string Kind(Layer layer) => $"global::NetGen.Activation.{layer.Activation.Kind}";

    /// <summary>LeakyReLU's slope or ELU's alpha, as a literal of the element type (0 for the others).</summary>
    private static string Parameter(Layer layer, PrecisionKind precision) => Literals.Number(layer.Activation.Parameter, precision);
}
