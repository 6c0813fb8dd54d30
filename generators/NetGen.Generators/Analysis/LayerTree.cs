using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Layers.Repeat;
using NetGen.Generators.Layers.Residual;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>A part of a declaration: one layer attribute, a residual block, or a repeated group.</summary>
internal abstract class LayerNode
{
    /// <summary>How many layers it unrolls to, at most <paramref name="limit"/> (so that nested repeats cannot overflow).</summary>
    public abstract long CountLayers(long limit);

    protected static long Sum(IEnumerable<LayerNode> nodes, long limit) => nodes.Aggregate(0L, (sum, node) => System.Math.Min(limit, sum + node.CountLayers(limit)));

    protected static long Times(long count, long each, long limit) => each == 0 ? 0 : count > limit / each ? limit : System.Math.Min(limit, count * each);
}

internal sealed class SingleNode(ComputedLayerDeclaration layer) : LayerNode
{
    public ComputedLayerDeclaration Layer { get; } = layer;

    public override long CountLayers(long limit) => System.Math.Min(limit, Layer.Copies);
}

internal sealed class ResidualNode(ResidualDeclaration start, EndResidualDeclaration end, List<LayerNode> branch) : LayerNode
{
    public ResidualDeclaration Start { get; } = start;

    public EndResidualDeclaration End { get; } = end;

    public List<LayerNode> Branch { get; } = branch;

    public override long CountLayers(long limit) => Times(Start.Repeat.Value, Sum(Branch, limit) + 1, limit);
}

internal sealed class RepeatNode(RepeatDeclaration start, List<LayerNode> body) : LayerNode
{
    public RepeatDeclaration Start { get; } = start;

    public List<LayerNode> Body { get; } = body;

    public override long CountLayers(long limit) => Times(Start.Count.Value, Sum(Body, limit), limit);
}

/// <summary>Groups the flat list of layer attributes into blocks, with the rules on how they open and close.</summary>
internal static class LayerTree
{
    /// <summary>The top-level nodes; problems for blocks that do not pair, are empty, or nest where they may not.</summary>
    public static List<LayerNode> Build(IReadOnlyList<LayerDeclaration> layers, List<DeclarationProblem> problems)
    {
        var open = new Stack<(LayerDeclaration Start, List<LayerNode> Body)>();
        var top = new List<LayerNode>();
        List<LayerNode> Current() => open.Count > 0 ? open.Peek().Body : top;
        foreach (LayerDeclaration layer in layers)
        {
            switch (layer)
            {
                case ResidualDeclaration block:
                    if (open.FirstOrDefault(o => o.Start is ResidualDeclaration).Start is ResidualDeclaration outer)
                    {
                        problems.Add(new DeclarationProblem(NestedResidualBlock, block.Attribute, null, block.Description, outer.Description));
                    }
                    open.Push((block, new List<LayerNode>()));
                    break;
                case RepeatDeclaration group:
                    open.Push((group, new List<LayerNode>()));
                    break;
                case EndResidualDeclaration end when open.Count > 0 && open.Peek().Start is ResidualDeclaration:
                    (LayerDeclaration start, List<LayerNode> branch) = open.Pop();
                    if (branch.Count == 0)
                    {
                        problems.Add(new DeclarationProblem(EmptyResidualBlock, start.Attribute, null, start.Description));
                    }
                    Current().Add(new ResidualNode((ResidualDeclaration)start, end, branch));
                    break;
                case EndResidualDeclaration end:
                    problems.Add(new DeclarationProblem(EndResidualWithoutResidual, end.Attribute, null, end.Description));
                    break;
                case EndRepeatDeclaration end when open.Count > 0 && open.Peek().Start is RepeatDeclaration:
                    (LayerDeclaration groupStart, List<LayerNode> body) = open.Pop();
                    if (body.Count == 0)
                    {
                        problems.Add(new DeclarationProblem(EmptyRepeatGroup, groupStart.Attribute, null, groupStart.Description));
                    }
                    Current().Add(new RepeatNode((RepeatDeclaration)groupStart, body));
                    break;
                case EndRepeatDeclaration end:
                    problems.Add(new DeclarationProblem(EndRepeatWithoutRepeat, end.Attribute, null, end.Description));
                    break;
                case ComputedLayerDeclaration computed:
                    Current().Add(new SingleNode(computed));
                    break;
            }
        }
        foreach ((LayerDeclaration start, _) in open)
        {
            problems.Add(start is ResidualDeclaration
                ? new DeclarationProblem(ResidualBlockNotClosed, start.Attribute, null, start.Description)
                : new DeclarationProblem(RepeatGroupNotClosed, start.Attribute, null, start.Description));
        }
        return top;
    }

    /// <summary>The output layer is the last one unrolled, and must be a <c>[Dense]</c> layer.</summary>
    public static void CheckOutput(List<LayerNode> nodes, List<DeclarationProblem> problems)
    {
        LayerNode? last = nodes.LastOrDefault();
        while (last is RepeatNode group)
        {
            last = group.Body.LastOrDefault();
        }
        LayerDeclaration? culprit = last switch
        {
            SingleNode { Layer: DenseDeclaration } => null,
            SingleNode single => single.Layer,
            ResidualNode block => block.End,
            _ => null,
        };
        if (culprit is not null)
        {
            problems.Add(new DeclarationProblem(OutputMustBeDense, culprit.Attribute, null, culprit.Description));
        }
    }
}
