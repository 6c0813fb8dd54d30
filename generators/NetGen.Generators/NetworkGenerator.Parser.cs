using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Declarations;
using NetGen.Generators.Model;

namespace NetGen.Generators;

public sealed partial class NetworkGenerator
{
    /// <summary>Turns a <c>[Network]</c> class into a <see cref="NetworkSpec"/>, or <see langword="null"/> when the declaration has an error (the analyzer reports it).</summary>
    internal static class Parser
    {
        public static NetworkSpec? Parse(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol is not INamedTypeSymbol type || DeclarationReader.Read(type) is not NetworkDeclaration declaration)
            {
                return null;
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (declaration.HasUnresolvedArguments || DeclarationValidator.Validate(declaration).Any(p => p.IsError))
            {
                return null;
            }
            return new NetworkSpec(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                declaration.Inputs.Value,
                declaration.Loss.Value,
                declaration.Precision.Value,
                new EquatableArray<LayerSpec>(ExpandLayers(declaration)));
        }

        private static ImmutableArray<LayerSpec> ExpandLayers(NetworkDeclaration declaration)
        {
            var layers = ImmutableArray.CreateBuilder<LayerSpec>();
            int inputs = declaration.Inputs.Value;
            int offset = 0;
            foreach (DenseDeclaration dense in declaration.Layers)
            {
                for (int copy = 0; copy < dense.Repeat.Value; copy++)
                {
                    var layer = new LayerSpec(
                        Number: layers.Count + 1,
                        Inputs: inputs,
                        Units: dense.Units.Value,
                        Activation: dense.Activation.Value,
                        ActivationParameter: ActivationParameter(dense),
                        WeightInit: dense.Init.Value,
                        WeightInitValue: dense.InitValue.Value,
                        BiasInit: dense.BiasInit.Value,
                        BiasInitValue: dense.BiasInitValue.Value,
                        WeightOffset: offset);
                    layers.Add(layer);
                    offset += layer.ParameterCount;
                    inputs = layer.Units;
                }
            }
            return layers.ToImmutable();
        }

        private static double ActivationParameter(DenseDeclaration dense) => dense.Activation.Value switch
        {
            ActivationKind.LeakyReLU => dense.NegativeSlope.Value,
            ActivationKind.ELU => dense.Alpha.Value,
            _ => 0.0,
        };
    }
}
