using System.Collections.Generic;
using System.Globalization;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Declarations;

/// <summary>The rules on how the layer attributes fit together: blocks, the output layer, widths, sizes, Softmax.</summary>
internal static class StructureRules
{
    /// <summary>Residual blocks open and close in pairs, hold a layer, do not nest; the last attribute is a Dense layer.</summary>
    public static void CheckBlocksAndOutput(IReadOnlyList<LayerDeclaration> layers, List<DeclarationProblem> problems)
    {
        // A stack, so that a nested block's [EndResidual] closes it rather than being reported as unmatched too.
        var open = new Stack<ResidualDeclaration>();
        int layersInBlock = 0;
        foreach (LayerDeclaration layer in layers)
        {
            switch (layer)
            {
                case ResidualDeclaration block:
                    if (open.Count > 0)
                    {
                        problems.Add(new DeclarationProblem(NestedResidualBlock, block.Attribute, null, block.Description, open.Peek().Description));
                    }
                    open.Push(block);
                    layersInBlock = 0;
                    break;
                case EndResidualDeclaration end when open.Count == 0:
                    problems.Add(new DeclarationProblem(EndResidualWithoutResidual, end.Attribute, null, end.Description));
                    break;
                case EndResidualDeclaration:
                    ResidualDeclaration closed = open.Pop();
                    if (layersInBlock == 0)
                    {
                        problems.Add(new DeclarationProblem(EmptyResidualBlock, closed.Attribute, null, closed.Description));
                    }
                    layersInBlock = 1; // the closed block counts as a layer of an enclosing one
                    break;
                default:
                    layersInBlock++;
                    break;
            }
        }
        foreach (ResidualDeclaration unclosed in open)
        {
            problems.Add(new DeclarationProblem(ResidualBlockNotClosed, unclosed.Attribute, null, unclosed.Description));
        }
        LayerDeclaration last = layers[layers.Count - 1];
        if (last is not DenseDeclaration && last is not ResidualDeclaration)
        {
            problems.Add(new DeclarationProblem(OutputMustBeDense, last.Attribute, null, last.Description));
        }
    }

    public static void CheckParameterCount(NetworkDeclaration declaration, List<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        // Each term is below 2^62, so adding one to a sum that is still at most int.MaxValue cannot overflow; stop past it.
        long parameters = 0;
        foreach (ExpandedLayer layer in layers)
        {
            parameters += layer.Kind switch
            {
                LayerKind.Dense => (long)layer.Inputs * layer.Units + layer.Units,
                LayerKind.BatchNorm or LayerKind.LayerNorm => 2L * layer.Units,
                _ => layer.Inputs == layer.Units ? 0 : (long)layer.Inputs * layer.Units,
            };
            if (parameters > int.MaxValue)
            {
                break;
            }
        }
        if (parameters > int.MaxValue)
        {
            problems.Add(new DeclarationProblem(NetworkTooLarge, declaration.Network, null, declaration.Type.Name,
                $"it has {parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters", "2,147,483,647 parameters"));
        }
    }

    /// <summary>A block with <c>Projection = false</c> must keep its input's width.</summary>
    public static void CheckResidualWidths(List<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        var reported = new HashSet<ResidualDeclaration>();
        foreach (ExpandedLayer layer in layers)
        {
            if (layer.Block is { } block && layer.Inputs != layer.Units && !block.Projection.Value && reported.Add(block))
            {
                string input = layer.SkipFrom == 0 ? "the network's inputs" : $"layer {layer.SkipFrom}";
                problems.Add(new DeclarationProblem(ResidualWidthMismatch, block.Attribute, block.Projection.Name,
                    block.Description, input, layer.Inputs, $"layer {layer.Number - 1}", layer.Units));
            }
        }
    }

    /// <summary>Softmax only on the last layer, which is then a Dense layer.</summary>
    public static void CheckSoftmaxPlacement(List<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        var reported = new HashSet<LayerDeclaration>();
        foreach (ExpandedLayer layer in layers)
        {
            if (layer.Source is ActivatedDeclaration source && source.Activation.Value == ActivationKind.Softmax
                && layer.Number < layers.Count && reported.Add(source))
            {
                string where = source is DenseDeclaration { Repeat.Value: > 1 } dense && layers[layers.Count - 1].Source == source
                    ? $"Repeat = {dense.Repeat.Value} makes layers {layer.Number} to {layers.Count - 1} hidden"
                    : $"layer {layer.Number} of {layers.Count}";
                problems.Add(new DeclarationProblem(SoftmaxMustBeOutput, source.Attribute, source.Activation.Name, source.Description, where));
            }
        }
    }
}
