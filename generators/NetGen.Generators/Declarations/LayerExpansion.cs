using System.Collections.Generic;
using NetGen.Generators.Model;

namespace NetGen.Generators.Declarations;

/// <summary>One layer of the network as computed: <c>Repeat</c> and residual blocks unrolled, widths known.</summary>
/// <param name="Number">The layer's 1-based position in the network.</param>
/// <param name="Kind">What the layer computes.</param>
/// <param name="Inputs">The width it reads (for a residual block's end: the width of the block's input, the skip).</param>
/// <param name="Units">The width it writes.</param>
/// <param name="Source">The attribute it comes from (for a residual block's end: its <c>[EndResidual]</c>).</param>
/// <param name="Block">For a residual block's end, its <c>[Residual]</c>; else null.</param>
/// <param name="SkipFrom">For a residual block's end, the number of the layer whose output the block adds (0: the network's inputs).</param>
internal sealed record ExpandedLayer(int Number, LayerKind Kind, int Inputs, int Units, LayerDeclaration Source, ResidualDeclaration? Block, int SkipFrom);

/// <summary>Unrolls a declaration whose structure and sizes are valid into the layers it computes.</summary>
internal static class LayerExpansion
{
    /// <summary>The number of layers the declaration unrolls to, without unrolling it (so a huge Repeat is cheap to refuse).</summary>
    public static long CountLayers(IReadOnlyList<LayerDeclaration> layers)
    {
        long count = 0, blockCount = 0;
        int blockRepeat = 1;
        bool inBlock = false;
        foreach (LayerDeclaration layer in layers)
        {
            long own = layer switch
            {
                DenseDeclaration dense => dense.Repeat.Value,
                NormalizationDeclaration => 1,
                EndResidualDeclaration => 1,
                _ => 0,
            };
            if (layer is ResidualDeclaration block)
            {
                inBlock = true;
                blockRepeat = block.Repeat.Value;
                blockCount = 0;
            }
            else if (layer is EndResidualDeclaration)
            {
                count += blockRepeat * (blockCount + own);
                inBlock = false;
            }
            else if (inBlock)
            {
                blockCount += own;
            }
            else
            {
                count += own;
            }
        }
        return count;
    }

    public static List<ExpandedLayer> Expand(int inputs, IReadOnlyList<LayerDeclaration> layers)
    {
        var expanded = new List<ExpandedLayer>();
        int width = inputs;
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i] is ResidualDeclaration block)
            {
                int end = i + 1;
                while (layers[end] is not EndResidualDeclaration)
                {
                    end++;
                }
                for (int copy = 0; copy < block.Repeat.Value; copy++)
                {
                    int skipFrom = expanded.Count, skipWidth = width;
                    for (int j = i + 1; j < end; j++)
                    {
                        width = Add(expanded, layers[j], width);
                    }
                    expanded.Add(new ExpandedLayer(expanded.Count + 1, LayerKind.Residual, skipWidth, width, layers[end], block, skipFrom));
                }
                i = end;
            }
            else
            {
                width = Add(expanded, layers[i], width);
            }
        }
        return expanded;
    }

    /// <summary>Adds the layers of one Dense or normalization attribute; returns the width after them.</summary>
    private static int Add(List<ExpandedLayer> expanded, LayerDeclaration layer, int width)
    {
        if (layer is DenseDeclaration dense)
        {
            for (int copy = 0; copy < dense.Repeat.Value; copy++)
            {
                expanded.Add(new ExpandedLayer(expanded.Count + 1, LayerKind.Dense, width, dense.Units.Value, dense, null, 0));
                width = dense.Units.Value;
            }
        }
        else if (layer is NormalizationDeclaration normalization)
        {
            expanded.Add(new ExpandedLayer(expanded.Count + 1, normalization.Kind, width, width, normalization, null, 0));
        }
        return width;
    }
}
