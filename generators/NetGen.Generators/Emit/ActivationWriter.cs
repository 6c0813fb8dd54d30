using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes a layer's activation over the batch and its <c>dz = da ⊙ f'(z)</c>, as calls into <c>NetGen.ActivationKernels</c>.</summary>
internal static class ActivationWriter
{
    /// <summary>
    /// <c>_an = f(_zn)</c> over the batch, from the forward method's local span <c>z</c>; nothing for Identity, whose output
    /// array is its pre-activation array.
    /// </summary>
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
        w.Line($"// _a{n} = {layer.Activation}(_z{n})");
        w.Line($"global::System.Span<{Literals.ElementType(precision)}> a = new(_a{n}, 0, z.Length);");
        w.Line($"global::NetGen.ActivationKernels.Apply<{Literals.ElementType(precision)}>({Kind(layer)}, {Parameter(layer, precision)}z, a);");
    }

    /// <summary>
    /// The backward method's local span <c>dz</c> = ∂loss/∂z over the batch: <c>_dzn = _dan ⊙ f'(_zn)</c>, or for Identity
    /// <c>_dzn</c> itself (the same array as <c>_dan</c>), or, for the output layer, what the loss wrote there.
    /// </summary>
    public static void WriteGradient(SourceWriter w, Layer layer, NetworkModel network)
    {
        int n = layer.Number;
        string t = Literals.ElementType(network.Precision);
        string count = $"batchSize * {Literals.Integer(layer.Output.Size)}";
        w.Line($"global::System.Span<{t}> dz = new(_dz{n}, 0, {count});");
        if (layer.Activation.IsIdentity || !Buffers.HasOutputGradient(layer, network))
        {
            return;
        }
        w.Line($"// dz = _da{n} ⊙ {layer.Activation}'(_z{n})");
        w.Line($"global::NetGen.ActivationKernels.MultiplyByDerivative<{t}>({Kind(layer)}, {Parameter(layer, network.Precision)}" +
               $"new global::System.ReadOnlySpan<{t}>(_da{n}, 0, dz.Length), new global::System.ReadOnlySpan<{t}>(_z{n}, 0, dz.Length), dz);");
    }

    /// <summary><c>_dzn ⊙= f'(_zn)</c> in place, where the loss wrote ∂loss/∂a into <c>_dzn</c>.</summary>
    public static void WriteDerivativeInPlace(SourceWriter w, Layer layer, PrecisionKind precision)
    {
        int n = layer.Number;
        string t = Literals.ElementType(precision);
        w.Line($"// _dz{n} = ∂loss/∂a{n} ⊙ {layer.Activation}'(_z{n}), in place");
        w.Line($"global::System.Span<{t}> dz = new(_dz{n}, 0, batchSize * OutputSize);");
        w.Line($"global::NetGen.ActivationKernels.MultiplyByDerivative<{t}>({Kind(layer)}, {Parameter(layer, precision)}dz, new global::System.ReadOnlySpan<{t}>(_z{n}, 0, dz.Length), dz);");
    }

    private static void WriteSoftmax(SourceWriter w, Layer layer, PrecisionKind precision)
    {
        int n = layer.Number;
        string t = Literals.ElementType(precision);
        string units = Literals.Integer(layer.Output.Features);
        bool sequence = layer.Output.IsSequence;
        w.Line(sequence ? $"// _a{n} = softmax(_z{n}) of each step of each sample" : $"// _a{n} = softmax(_z{n}) of each sample");
        string rows = sequence ? $"batchSize * {Literals.Integer(layer.Output.Steps)}" : "batchSize";
        using (w.Block(sequence ? $"for (int step = 0; step < {rows}; step++)" : "for (int sample = 0; sample < batchSize; sample++)"))
        {
            w.Line($"int row = {(sequence ? "step" : "sample")} * {units};");
            w.Line($"global::NetGen.Activations.Softmax<{t}>({Literals.SpanOf(t, $"_z{n}", "row", units)}, {Literals.SpanOf(t, $"_a{n}", "row", units)});");
        }
    }

    private static string Kind(Layer layer) => $"global::NetGen.Activation.{layer.Activation.Kind}";

    /// <summary>LeakyReLU's slope or ELU's alpha as a literal of the element type, then a comma; nothing for the others.</summary>
    private static string Parameter(Layer layer, PrecisionKind precision) => layer.Activation.Kind is ActivationKind.LeakyReLU or ActivationKind.ELU
        ? Literals.Number(layer.Activation.Parameter, precision) + ", "
        : "";
}
