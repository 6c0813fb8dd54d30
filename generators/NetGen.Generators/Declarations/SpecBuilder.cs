using System.Collections.Generic;
using System.Collections.Immutable;
using NetGen.Generators.Model;

namespace NetGen.Generators.Declarations;

/// <summary>Turns a valid declaration into the <see cref="NetworkSpec"/> the emitter writes and the gradient analysis reads.</summary>
internal static class SpecBuilder
{
    /// <summary>The spec of a declaration that has no error (<see cref="DeclarationValidator"/>).</summary>
    public static NetworkSpec Build(NetworkDeclaration declaration)
    {
        Microsoft.CodeAnalysis.INamedTypeSymbol type = declaration.Type;
        return new NetworkSpec(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            declaration.Inputs.Value,
            declaration.Loss.Value,
            declaration.Precision.Value,
            declaration.InputMeanSquare.Value,
            new EquatableArray<LayerSpec>(ToSpecs(LayerExpansion.Expand(declaration.Inputs.Value, declaration.Layers))));
    }

    private static ImmutableArray<LayerSpec> ToSpecs(List<ExpandedLayer> layers)
    {
        var specs = ImmutableArray.CreateBuilder<LayerSpec>(layers.Count);
        int offset = 0, stateOffset = 0;
        foreach (ExpandedLayer layer in layers)
        {
            LayerSpec spec = ToSpec(layer, offset, stateOffset);
            specs.Add(spec);
            offset += spec.ParameterCount;
            stateOffset += spec.StateCount;
        }
        return specs.MoveToImmutable();
    }

    private static LayerSpec ToSpec(ExpandedLayer layer, int offset, int stateOffset)
    {
        var activated = (ActivatedDeclaration)layer.Source;
        var spec = new LayerSpec(
            Number: layer.Number,
            Kind: layer.Kind,
            Inputs: layer.Inputs,
            Units: layer.Units,
            Activation: activated.Activation.Value,
            ActivationParameter: activated.Activation.Value switch
            {
                ActivationKind.LeakyReLU => activated.NegativeSlope.Value,
                ActivationKind.ELU => activated.Alpha.Value,
                _ => 0.0,
            },
            // A normalization starts as the identity (γ = 1, β = 0); a residual projection is drawn Glorot uniform.
            WeightInit: layer.Kind == LayerKind.Residual ? InitKind.GlorotUniform : InitKind.Constant,
            WeightInitValue: 1.0,
            BiasInit: InitKind.Zeros,
            BiasInitValue: 0.0,
            WeightOffset: offset,
            SkipFrom: layer.SkipFrom,
            Epsilon: 0.0,
            Momentum: 0.0,
            StateOffset: stateOffset);
        return activated switch
        {
            DenseDeclaration dense => spec with
            {
                WeightInit = dense.Init.Value,
                WeightInitValue = dense.InitValue.Value,
                BiasInit = dense.BiasInit.Value,
                BiasInitValue = dense.BiasInitValue.Value,
            },
            NormalizationDeclaration normalization => spec with
            {
                Epsilon = normalization.Epsilon.Value,
                Momentum = normalization.Kind == LayerKind.BatchNorm ? normalization.Momentum.Value : 0.0,
            },
            _ => spec,
        };
    }
}
