using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Layers.Normalization;
using NetGen.Generators.Layers.Recurrent;
using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes the public methods of <c>INetwork&lt;T&gt;</c> and <c>Backpropagate</c>, which they share.</summary>
internal static class PublicMethods
{
    private const string Arguments = "global::NetGen.CompilerServices.NetworkArguments";
    private const string ExclusiveUse = "global::NetGen.CompilerServices.ExclusiveUse";

    public static void Write(SourceWriter w, NetworkModel network, List<LayerWriter> layers)
    {
        string t = Literals.ElementType(network.Precision);
        string output = $"_a{network.OutputLayer.Number}";
        string checkBatch = $"{Arguments}.CheckBatch(batchSize, MaxBatchSize, inputs.Length, InputSize, targets.Length, OutputSize, \"targets\");";

        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public void Forward(global::System.ReadOnlySpan<{t}> input, global::System.Span<{t}> output)"))
        {
            w.Line($"{Arguments}.CheckSample(input.Length, output.Length, InputSize, OutputSize);");
            WriteBatchNormCheck(w, network, "1");
            WriteExclusively(w, network, () =>
            {
                w.Line("RunForward(input, batchSize: 1);");
                w.Line($"{Literals.SpanOf(t, output, "0", "OutputSize")}.CopyTo(output);");
            });
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public void Forward(global::System.ReadOnlySpan<{t}> inputs, global::System.Span<{t}> outputs, int batchSize)"))
        {
            w.Line($"{Arguments}.CheckBatch(batchSize, MaxBatchSize, inputs.Length, InputSize, outputs.Length, OutputSize, \"outputs\");");
            WriteBatchNormCheck(w, network, "batchSize");
            WriteExclusively(w, network, () =>
            {
                w.Line("RunForward(inputs, batchSize);");
                w.Line($"{Literals.SpanOf(t, output, "0", "batchSize * OutputSize")}.CopyTo(outputs);");
            });
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public {t} ComputeLoss(global::System.ReadOnlySpan<{t}> inputs, global::System.ReadOnlySpan<{t}> targets, int batchSize)"))
        {
            w.Line(checkBatch);
            WriteBatchNormCheck(w, network, "batchSize");
            WriteExclusively(w, network, () =>
            {
                w.Line("RunForward(inputs, batchSize);");
                w.Line("return OutputLoss(targets, batchSize);");
            });
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public {t} ComputeGradients(global::System.ReadOnlySpan<{t}> inputs, global::System.ReadOnlySpan<{t}> targets, int batchSize)"))
        {
            WriteExclusively(w, network, () => w.Line("return Backpropagate(inputs, targets, batchSize, optimizer: null);"));
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public {t} TrainStep(global::System.ReadOnlySpan<{t}> inputs, global::System.ReadOnlySpan<{t}> targets, int batchSize, global::NetGen.IOptimizer<{t}> optimizer)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(optimizer);");
            WriteExclusively(w, network, () =>
            {
                using (w.Block($"if (optimizer is not global::NetGen.IElementwiseOptimizer<{t}> elementwise)"))
                {
                    w.Line($"{t} loss = Backpropagate(inputs, targets, batchSize, optimizer: null);");
                    w.Line("optimizer.Step(_parameters.Span, _gradients.Span);");
                    w.Line("return loss;");
                }
                w.Line("// Fused: the layers that can are updated during the backward pass, each as its gradients are computed.");
                w.Line("return Backpropagate(inputs, targets, batchSize, elementwise);");
            });
        }
        w.Line();
        WriteBackpropagate(w, network, layers, checkBatch);
        WritePreActivations(w, network);
        WritePreActivationGradients(w, network);
        WriteHiddenStateGradients(w, network);
    }

    private static void WriteBackpropagate(SourceWriter w, NetworkModel network, List<LayerWriter> layers, string checkBatch)
    {
        string t = Literals.ElementType(network.Precision);
        var updatedAtEnd = network.Layers.Where((layer, i) => layer.ParameterCount > 0 && !layers[i].UpdatesItsParameters).ToList();
        w.Line("/// <summary>");
        w.Line("/// Forward and backward over the batch; returns its loss. Without an optimizer, writes every gradient to <see cref=\"Gradients\"/>.");
        w.Line(updatedAtEnd.Count > 0
            ? "/// With one, takes a step of it: dense layers and skip projections are updated as their gradients are computed, the other layers at the end."
            : "/// With one, takes a step of it: each layer's parameters are updated as their gradients are computed.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"private {t} Backpropagate(global::System.ReadOnlySpan<{t}> inputs, global::System.ReadOnlySpan<{t}> targets, int batchSize, global::NetGen.IElementwiseOptimizer<{t}>? optimizer)"))
        {
            w.Line(checkBatch);
            WriteBatchNormCheck(w, network, "batchSize");
            w.Line("optimizer?.BeginStep(ParameterCount);");
            w.Line("RunForward(inputs, batchSize);");
            if (network.Has(LayerKind.BatchNorm))
            {
                using (w.Block("if (IsTraining)"))
                {
                    w.Line("UpdateRunningStatistics(batchSize);");
                }
            }
            w.Line($"{t} loss = OutputLossAndGradient(targets, batchSize);");
            var accumulated = network.Layers.Where(layer => Buffers.HasOutputGradient(layer, network)).ToList();
            if (accumulated.Count > 0)
            {
                w.Line(network.Has(LayerKind.Residual)
                    ? "// Each layer adds the gradient with respect to its input to the da of the layer it reads (a residual block's input gets it from the branch and the skip): clear them first."
                    : "// Each layer adds the gradient with respect to its input to the da of the layer it reads: clear them first.");
                foreach (Layer layer in accumulated)
                {
                    w.Line($"global::System.Array.Clear(_da{layer.Number}, 0, batchSize * {Literals.Integer(layer.Output.Size)});");
                }
            }
            foreach (LayerWriter layer in Enumerable.Reverse(layers))
            {
                w.Line(layer.BackwardCall);
            }
            if (updatedAtEnd.Count > 0)
            {
                using (w.Block("if (optimizer is not null)"))
                {
                    foreach (Layer layer in updatedAtEnd)
                    {
                        string count = Literals.Integer(layer.ParameterCount);
                        w.Line($"optimizer.Update({layer.Name}WeightOffset, _parameters.Slice({layer.Name}WeightOffset, {count}), _gradients.Slice({layer.Name}WeightOffset, {count}));");
                    }
                }
            }
            w.Line("_gradientBatchSize = batchSize;");
            w.Line("return loss;");
        }
        w.Line();
    }

    /// <summary><c>IRecurrentNetwork&lt;T&gt;.HiddenStateGradients</c>, for a network with recurrent layers.</summary>
    private static void WriteHiddenStateGradients(SourceWriter w, NetworkModel network)
    {
        List<RecurrentLayer> recurrent = network.Layers.OfType<RecurrentLayer>().ToList();
        if (recurrent.Count == 0)
        {
            return;
        }
        string t = Literals.ElementType(network.Precision);
        string indices = string.Join(", ", recurrent.Select(layer => (layer.Number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public global::System.ReadOnlySpan<{t}> HiddenStateGradients(int layerIndex) => layerIndex switch", close: "};"))
        {
            foreach (RecurrentLayer layer in recurrent)
            {
                w.Line($"{layer.Number - 1} => new global::System.ReadOnlySpan<{t}>(_hiddenGradients{layer.Number}, 0, _lastBatchSize * {Literals.Integer(layer.Steps * layer.Units)}),");
            }
            w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(\"layerIndex\", layerIndex, \"The recurrent layers are at indices {indices}.\"),");
        }
        w.Line();
    }

    /// <summary><c>PreActivations</c>: each layer's z from the last forward pass.</summary>
    private static void WritePreActivations(SourceWriter w, NetworkModel network) =>
        WriteLayerBuffers(w, network, "PreActivations", "_z", "_lastBatchSize");

    /// <summary><c>PreActivationGradients</c>: each layer's dz from the last backward pass, none after a forward pass.</summary>
    private static void WritePreActivationGradients(SourceWriter w, NetworkModel network) =>
        WriteLayerBuffers(w, network, "PreActivationGradients", "_dz", "_gradientBatchSize");

    /// <summary>A method that returns, by layer index, the first <paramref name="batchSize"/> samples of the layer's <paramref name="buffer"/>.</summary>
    private static void WriteLayerBuffers(SourceWriter w, NetworkModel network, string method, string buffer, string batchSize)
    {
        string t = Literals.ElementType(network.Precision);
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public global::System.ReadOnlySpan<{t}> {method}(int layerIndex) => layerIndex switch", close: "};"))
        {
            foreach (Layer layer in network.Layers)
            {
                w.Line($"{layer.Number - 1} => new global::System.ReadOnlySpan<{t}>({buffer}{layer.Number}, 0, {batchSize} * {Literals.Integer(layer.Output.Size)}),");
            }
            w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(\"layerIndex\", layerIndex, \"The network has {network.Layers.Count} layers, indexed from 0.\"),");
        }
        w.Line();
    }

    /// <summary>Writes <paramref name="body"/> as a call that has the network's buffers to itself: a concurrent one is refused.</summary>
    private static void WriteExclusively(SourceWriter w, NetworkModel network, System.Action body)
    {
        w.Line($"{ExclusiveUse}.Enter(ref _inUse, nameof({network.ClassName}));");
        using (w.Block("try"))
        {
            body();
        }
        using (w.Block("finally"))
        {
            w.Line($"{ExclusiveUse}.Exit(ref _inUse);");
        }
    }

    /// <summary>
    /// Batch normalization in training mode needs two values per feature: two samples for one over a vector (or a 1x1
    /// image); one over an image's channels of two pixels or more takes any batch.
    /// </summary>
    private static void WriteBatchNormCheck(SourceWriter w, NetworkModel network, string batchSize)
    {
        if (network.Layers.OfType<BatchNormLayer>().FirstOrDefault(layer => layer.ValuesPerSample < 2) is BatchNormLayer first)
        {
            w.Line($"{Arguments}.CheckBatchNormBatch({batchSize}, IsTraining, \"{first.Name}\");");
        }
    }
}
