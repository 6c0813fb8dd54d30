using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Layers.Convolution;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Layers.Flatten;
using NetGen.Generators.Layers.Dropout;
using NetGen.Generators.Layers.Normalization;
using NetGen.Generators.Layers.Pooling;
using NetGen.Generators.Layers.PReLU;
using NetGen.Generators.Layers.Recurrent;
using NetGen.Generators.Layers.Repeat;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Model;

namespace NetGen.Generators.Analysis;

/// <summary>Reads a class's <c>[Network]</c> and layer attributes into a <see cref="NetworkDeclaration"/>.</summary>
internal static class NetworkReader
{
    /// <summary>Every layer attribute NetGen knows, with how to read it: one line per kind.</summary>
    private static readonly Dictionary<string, Func<AttributeData, int, LayerDeclaration>> LayerAttributes = new()
    {
        [DenseDeclaration.AttributeName] = (attribute, position) => new DenseDeclaration(attribute, position),
        [NormalizationDeclaration.BatchNormAttributeName] = (attribute, position) => new NormalizationDeclaration(attribute, position, LayerKind.BatchNorm),
        [NormalizationDeclaration.LayerNormAttributeName] = (attribute, position) => new NormalizationDeclaration(attribute, position, LayerKind.LayerNorm),
        [PReLUDeclaration.AttributeName] = (attribute, position) => new PReLUDeclaration(attribute, position),
        [DropoutDeclaration.AttributeName] = (attribute, position) => new DropoutDeclaration(attribute, position),
        [ResidualDeclaration.AttributeName] = (attribute, position) => new ResidualDeclaration(attribute, position),
        [EndResidualDeclaration.AttributeName] = (attribute, position) => new EndResidualDeclaration(attribute, position),
        [RepeatDeclaration.AttributeName] = (attribute, position) => new RepeatDeclaration(attribute, position),
        [EndRepeatDeclaration.AttributeName] = (attribute, position) => new EndRepeatDeclaration(attribute, position),
        [RecurrentDeclaration.SimpleRnnAttributeName] = (attribute, position) => new RecurrentDeclaration(attribute, position, RecurrentCell.SimpleRnn),
        [RecurrentDeclaration.LstmAttributeName] = (attribute, position) => new RecurrentDeclaration(attribute, position, RecurrentCell.Lstm),
        [RecurrentDeclaration.GruAttributeName] = (attribute, position) => new RecurrentDeclaration(attribute, position, RecurrentCell.Gru),
        [Conv2DDeclaration.AttributeName] = (attribute, position) => new Conv2DDeclaration(attribute, position),
        [Pool2DDeclaration.MaxAttributeName] = (attribute, position) => new Pool2DDeclaration(attribute, position, LayerKind.MaxPool2D),
        [Pool2DDeclaration.AverageAttributeName] = (attribute, position) => new Pool2DDeclaration(attribute, position, LayerKind.AvgPool2D),
        [GlobalAveragePoolDeclaration.AttributeName] = (attribute, position) => new GlobalAveragePoolDeclaration(attribute, position),
        [FlattenDeclaration.AttributeName] = (attribute, position) => new FlattenDeclaration(attribute, position),
    };

    /// <summary>Returns the declaration, or <see langword="null"/> when the class has no NetGen attribute.</summary>
    public static NetworkDeclaration? Read(INamedTypeSymbol type)
    {
        AttributeData? network = null;
        bool duplicateNetwork = false; // CS0579, reported by the compiler: which one to take is unknown, so take none
        var layerAttributes = new List<(AttributeData Attribute, string Name)>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name == NetworkDeclaration.NetworkAttributeName)
            {
                duplicateNetwork |= network is not null;
                network = attribute;
            }
            else if (name is not null && LayerAttributes.ContainsKey(name))
            {
                layerAttributes.Add((attribute, name));
            }
        }
        if (network is null && layerAttributes.Count == 0)
        {
            return null;
        }

        // GetAttributes keeps source order within one declaration, but the order of partial declarations is not
        // defined; order by position in the syntax tree so that layer order is the order the user reads.
        layerAttributes = layerAttributes
            .OrderBy(a => a.Attribute.ApplicationSyntaxReference?.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(a => a.Attribute.ApplicationSyntaxReference?.Span.Start ?? 0)
            .ToList();

        bool unresolved = duplicateNetwork || (network is not null && !new AttributeArguments(network).AreResolved);
        var layers = new List<LayerDeclaration>();
        var positions = new Dictionary<string, int>();
        foreach ((AttributeData attribute, string name) in layerAttributes)
        {
            unresolved |= !new AttributeArguments(attribute).AreResolved;
            positions[name] = positions.TryGetValue(name, out int count) ? count + 1 : 1;
            layers.Add(LayerAttributes[name](attribute, positions[name]));
        }
        return new NetworkDeclaration(type, network, layers, unresolved);
    }
}
