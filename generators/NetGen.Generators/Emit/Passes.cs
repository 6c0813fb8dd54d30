using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes the forward pass, each layer's forward method, the loss, and each layer's backward method (last layer first).</summary>
internal static class Passes
{
    public static void Write(SourceWriter w, NetworkModel network, List<LayerWriter> layers)
    {
        string t = Literals.ElementType(network.Precision);
        w.Line("/// <summary>Runs the batch through every layer, leaving each layer's z and a in its buffers.</summary>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"private void RunForward(global::System.ReadOnlySpan<{t}> inputs, int batchSize)"))
        {
            w.Line("_lastBatchSize = batchSize;");
            w.Line("_gradientBatchSize = 0; // the dz buffers no longer match the layers' z");
            foreach (LayerWriter layer in layers)
            {
                w.Line(layer.ForwardCall);
            }
        }
        foreach (LayerWriter layer in layers)
        {
            w.Line();
            layer.WriteForward(w);
        }
        if (network.Has(LayerKind.BatchNorm))
        {
            w.Line();
            w.Line("/// <summary>Moves each batch normalization's running mean and variance toward the last batch's statistics.</summary>");
            w.Line(GeneratedCode.Attribute);
            using (w.Block("private void UpdateRunningStatistics(int batchSize)"))
            {
                foreach (LayerWriter layer in layers)
                {
                    layer.WriteRunningStatisticsUpdate(w);
                }
            }
        }
        var loss = new LossWriter(w, network);
        w.Line();
        loss.WriteLoss();
        w.Line();
        loss.WriteLossAndGradient();
        foreach (LayerWriter layer in Enumerable.Reverse(layers))
        {
            w.Line();
            layer.WriteBackward(w);
        }
    }
}
