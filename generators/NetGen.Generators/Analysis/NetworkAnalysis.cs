using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>
/// The one reading of a network declaration: read, validated, unrolled and turned into its <see cref="NetworkModel"/>
/// once. The generator writes <see cref="Model"/>; the declaration analyzer reports <see cref="Problems"/>; the gradient
/// analyzer and the code fixes run the gradient rules on the model and its <see cref="Layers"/>.
/// </summary>
internal sealed class NetworkAnalysis
{
    public const int MaxLayers = 1000;

    private NetworkAnalysis(NetworkDeclaration declaration, List<DeclarationProblem> problems, IReadOnlyList<ExpandedLayer> layers, NetworkModel? model)
    {
        Declaration = declaration;
        Problems = problems;
        Layers = layers;
        Model = model;
    }

    public NetworkDeclaration Declaration { get; }

    /// <summary>What is wrong with the declaration (none when an argument does not bind: the compiler reports that).</summary>
    public IReadOnlyList<DeclarationProblem> Problems { get; }

    /// <summary>The unrolled layers with the attributes they come from; empty when the declaration has an error.</summary>
    public IReadOnlyList<ExpandedLayer> Layers { get; }

    /// <summary>The model the generator writes, or <see langword="null"/> when the declaration has an error.</summary>
    public NetworkModel? Model { get; }

    /// <summary>The analysis of <paramref name="type"/>, or <see langword="null"/> when it has no NetGen attribute.</summary>
    public static NetworkAnalysis? Analyze(INamedTypeSymbol type, CancellationToken cancellationToken = default)
    {
        if (NetworkReader.Read(type) is not NetworkDeclaration declaration)
        {
            return null;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var problems = new List<DeclarationProblem>();
        if (declaration.HasUnresolvedArguments)
        {
            return new NetworkAnalysis(declaration, problems, [], null);
        }
        List<ExpandedLayer>? layers = Validate(declaration, problems);
        if (layers is null || problems.Any(p => p.IsError))
        {
            return new NetworkAnalysis(declaration, problems, [], null);
        }
        INamedTypeSymbol symbol = declaration.Type;
        var model = new NetworkModel(
            symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length),
            SyntaxFacts.GetKeywordKind(symbol.Name) == SyntaxKind.None ? symbol.Name : "@" + symbol.Name,
            declaration.InputShape,
            declaration.Loss.Value,
            declaration.Precision.Value,
            declaration.InputMeanSquare.Value,
            new EquatableArray<Layer>(layers.Select(l => l.Layer).ToImmutableArray()));
        return new NetworkAnalysis(declaration, problems, layers, model);
    }

    /// <summary>Every rule, in the order that lets each assume the previous held; the unrolled layers when the structure allows.</summary>
    private static List<ExpandedLayer>? Validate(NetworkDeclaration declaration, List<DeclarationProblem> problems)
    {
        ClassRules.Check(declaration.Type, problems);
        if (declaration.Network is not AttributeData network)
        {
            problems.Add(new DeclarationProblem(DenseWithoutNetwork, declaration.Layers[0].Attribute, null, declaration.Type.Name));
            return null;
        }
        if (!declaration.Layers.OfType<DenseDeclaration>().Any())
        {
            problems.Add(new DeclarationProblem(NetworkHasNoLayers, network, null, declaration.Type.Name));
            return null;
        }
        if (declaration.IsImage)
        {
            ImageInputRules.Check(declaration, network, problems);
        }
        else
        {
            ArgumentRules.Size(declaration.Inputs, network, $"Inputs of network '{declaration.Type.Name}'", problems);
        }
        if (declaration.Steps.IsExplicit && !declaration.IsImage)
        {
            ArgumentRules.Size(declaration.Steps, network, $"Steps of network '{declaration.Type.Name}'", problems);
            if (declaration.InputShape.LongSize > int.MaxValue)
            {
                problems.Add(new DeclarationProblem(NetworkTooLarge, network, declaration.Steps.Name, declaration.Type.Name,
                    $"one input sequence holds {declaration.Steps.Value} × {declaration.Inputs.Value} values", "2,147,483,647 values"));
            }
        }
        ArgumentRules.Defined(declaration.Loss, network, "Loss", problems);
        ArgumentRules.Defined(declaration.Precision, network, "Precision", problems);
        ArgumentRules.Number(declaration.InputMeanSquare, network, "InputMeanSquare",
            "a finite positive number: the mean of the squared inputs (1 for standardized inputs)", v => v > 0, PrecisionKind.Double, problems);
        PrecisionKind precision = declaration.Precision.Value;
        foreach (LayerDeclaration layer in declaration.Layers)
        {
            layer.Check(precision, problems);
        }
        List<LayerNode> nodes = LayerTree.Build(declaration.Layers, problems);
        LayerTree.CheckOutput(nodes, problems);
        if (problems.Any(p => p.IsError))
        {
            return null;
        }
        // Only now are sizes positive and blocks well formed: count before unrolling, so that a huge Repeat is cheap to refuse.
        const long limit = 1L << 62;
        long layerCount = nodes.Aggregate(0L, (sum, node) => System.Math.Min(limit, sum + node.CountLayers(limit)));
        if (layerCount > MaxLayers)
        {
            string count = layerCount == limit ? "more than 2^62" : layerCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problems.Add(new DeclarationProblem(NetworkTooLarge, network, null, declaration.Type.Name,
                $"it declares {count} layers (Repeat and residual blocks included)", $"{MaxLayers} layers"));
            return null;
        }
        List<ExpandedLayer>? layers = NetworkExpansion.Expand(declaration, nodes, problems);
        if (layers is null)
        {
            return null;
        }
        OutputRules.CheckSoftmaxPlacement(layers, problems);
        if (!problems.Any(p => p.IsError))
        {
            OutputRules.CheckLossFitsOutput(declaration, network, layers, problems);
        }
        return layers;
    }
}
