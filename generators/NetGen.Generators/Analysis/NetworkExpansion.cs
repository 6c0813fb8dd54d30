using System.Collections.Generic;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>One layer of the unrolled network, with the attribute it comes from (for a residual block's end: its <c>[EndResidual]</c>) and its block.</summary>
internal sealed record ExpandedLayer(Layer Layer, LayerDeclaration Source, ResidualDeclaration? Block);

/// <summary>
/// Unrolls a well-formed declaration into its layers, once: shapes flow from the inputs through every layer, and each
/// layer gets its place in the parameter and state arrays. The shape rules are checked on the way.
/// </summary>
internal sealed class NetworkExpansion
{
    private readonly List<ExpandedLayer> _layers = new();
    private readonly List<DeclarationProblem> _problems;
    private readonly HashSet<ResidualDeclaration> _reported = new();
    private readonly HashSet<LayerDeclaration> _reportedShapes = new();
    private long _parameters;
    private bool _shapeRulesBroken;
    private bool _inputMadeUp;
    private int _state;

    private readonly string _networkName;

    private NetworkExpansion(List<DeclarationProblem> problems, string networkName)
    {
        _problems = problems;
        _networkName = networkName;
    }

    /// <summary>The layers, or null when the parameters would not fit one array (a problem says so).</summary>
    public static List<ExpandedLayer>? Expand(NetworkDeclaration declaration, List<LayerNode> nodes, List<DeclarationProblem> problems)
    {
        var expansion = new NetworkExpansion(problems, declaration.Type.Name);
        expansion.Add(nodes, declaration.InputShape);
        if (expansion._parameters > int.MaxValue)
        {
            problems.Add(new DeclarationProblem(NetworkTooLarge, declaration.Network, null, declaration.Type.Name,
                expansion._parameters == long.MaxValue
                    ? "it has more than 2^63 parameters"
                    : $"it has {expansion._parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} parameters",
                "2,147,483,647 parameters"));
            return null;
        }
        return expansion._layers;
    }

    /// <summary>Adds the layers of <paramref name="nodes"/> reading <paramref name="shape"/>; returns the shape after them.</summary>
    private Shape Add(List<LayerNode> nodes, Shape shape)
    {
        foreach (LayerNode node in nodes)
        {
            shape = node switch
            {
                SingleNode single => AddCopies(single.Layer, shape),
                ResidualNode block => AddBlocks(block, shape),
                RepeatNode group => AddGroups(group, shape),
                _ => shape,
            };
        }
        return shape;
    }

    private Shape AddCopies(ComputedLayerDeclaration declaration, Shape shape)
    {
        for (int copy = 0; copy < declaration.Copies; copy++)
        {
            shape = Place(declaration.ToLayer(_layers.Count + 1, shape), declaration, null);
        }
        return shape;
    }

    private Shape AddGroups(RepeatNode group, Shape shape)
    {
        for (int copy = 0; copy < group.Start.Count.Value; copy++)
        {
            shape = Add(group.Body, shape);
        }
        return shape;
    }

    private Shape AddBlocks(ResidualNode block, Shape shape)
    {
        for (int copy = 0; copy < block.Start.Repeat.Value; copy++)
        {
            int skipFrom = _layers.Count;
            Shape skip = shape;
            Shape branch = Add(block.Branch, shape);
            ResidualLayer end = block.End.ToLayer(_layers.Count + 1, skip, branch, skipFrom);
            // Over images, only a change a projection could make is Projection's fault; another is reported by the block's end (NG0029).
            bool images = skip.IsImage || branch.IsImage;
            if (end.HasProjection && !block.Start.Projection.Value && (!images || end.Accepts(skip)) && _reported.Add(block.Start))
            {
                string input = skipFrom == 0 ? "the network's inputs" : $"layer {skipFrom}";
                string Size(Shape s) => images ? s.ToString() : $"{s} units";
                _problems.Add(new DeclarationProblem(ResidualWidthMismatch, block.Start.Attribute, block.Start.Projection.Name,
                    block.Start.Description, input, Size(skip), $"layer {_layers.Count}", Size(branch), images ? "shape" : "width"));
            }
            shape = Place(end, block.End, block.Start);
        }
        return shape;
    }

    /// <summary>Gives the layer its offsets and adds it; returns its output shape.</summary>
    private Shape Place(Layer layer, LayerDeclaration source, ResidualDeclaration? block)
    {
        bool accepted = layer.Accepts(layer.Input);
        bool inputMadeUp = _inputMadeUp;
        // A refused layer's output, and the images after it, have sizes made up from an input it could not read: the layers
        // that read them are not checked (their problems would be the refused layer's, said again).
        _inputMadeUp = (!accepted && !inputMadeUp) || (inputMadeUp && layer.Output.IsImage);
        if (!accepted && !inputMadeUp && _reportedShapes.Add(source))
        {
            (string takes, string fix) = layer.AcceptedInput;
            string from = layer.InputFrom == 0 ? "the network's input" : $"layer {layer.InputFrom}'s output";
            _problems.Add(new DeclarationProblem(LayerDoesNotTakeItsInput, source.Attribute, null, source.Description, takes, from, Shapes.Describe(layer.Input), fix));
        }
        else if (accepted && !inputMadeUp && !_shapeRulesBroken && source is ComputedLayerDeclaration computed)
        {
            // After the first image that does not fit, the sizes further on are made up: report only the first.
            string from = layer.Number == 1 ? "the network's input" : $"layer {layer.Number - 1} ({_layers[layer.Number - 2].Layer.TypeDescription})";
            int before = _problems.Count;
            computed.CheckInput(layer, from, _problems);
            _shapeRulesBroken = _problems.Count > before;
        }
        if (layer.LargestBufferPerSample > int.MaxValue && _reportedShapes.Add(source))
        {
            _problems.Add(new DeclarationProblem(NetworkTooLarge, source.Attribute, null, _networkName,
                $"a buffer of {source.Description} holds {layer.LargestBufferPerSample.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} values per sample", "2,147,483,647 values"));
        }
        // Past int.MaxValue parameters the network is refused; keep counting without placing, so that nothing overflows.
        if (_parameters <= int.MaxValue)
        {
            layer = layer with { WeightOffset = (int)_parameters, StateOffset = _state };
            _state += layer.StateCount;
        }
        _parameters = layer.LongParameterCount > long.MaxValue - _parameters ? long.MaxValue : _parameters + layer.LongParameterCount;
        _layers.Add(new ExpandedLayer(layer, source, block));
        return layer.Output;
    }
}
