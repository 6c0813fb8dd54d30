using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NetGen.Generators.Declarations;

/// <summary>
/// A network declaration as written: the class and its attribute arguments, before validation. It holds symbols, so it
/// lives only within one analysis or one parse; the generator turns a valid one into a <see cref="Model.NetworkSpec"/>.
/// </summary>
internal sealed class NetworkDeclaration
{
    public NetworkDeclaration(INamedTypeSymbol type, AttributeData? network, IReadOnlyList<LayerDeclaration> layers, bool hasUnresolvedArguments)
    {
        Type = type;
        Network = network;
        Layers = layers;
        HasUnresolvedArguments = hasUnresolvedArguments;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The <c>[Network]</c> attribute, or <see langword="null"/> when only layer attributes are present.</summary>
    public AttributeData? Network { get; }

    /// <summary>The layer attributes (<c>[Dense]</c>, <c>[BatchNorm]</c>, <c>[LayerNorm]</c>, <c>[Residual]</c>, <c>[EndResidual]</c>) in source order.</summary>
    public IReadOnlyList<LayerDeclaration> Layers { get; }

    /// <summary>True when an argument does not bind (half-typed code): the compiler reports that, NetGen stays silent.</summary>
    public bool HasUnresolvedArguments { get; }

    public Argument<int> Inputs { get; set; }

    public Argument<Model.LossKind> Loss { get; set; }

    public Argument<Model.PrecisionKind> Precision { get; set; }

    public Argument<double> InputMeanSquare { get; set; }
}

/// <summary>One layer attribute as written.</summary>
internal abstract class LayerDeclaration
{
    protected LayerDeclaration(AttributeData attribute, int position)
    {
        Attribute = attribute;
        Position = position;
    }

    public AttributeData Attribute { get; }

    /// <summary>The 1-based position among the class's attributes of the same kind (the second <c>[Dense]</c> is 2).</summary>
    public int Position { get; }

    /// <summary>How messages name it: <c>Dense layer 2</c>, <c>BatchNorm 1</c>, <c>Residual block 1</c>.</summary>
    public abstract string Description { get; }
}

/// <summary>A layer attribute with an activation: <c>[Dense]</c>, <c>[BatchNorm]</c>, <c>[LayerNorm]</c>, <c>[EndResidual]</c>.</summary>
internal abstract class ActivatedDeclaration : LayerDeclaration
{
    protected ActivatedDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    public Argument<Model.ActivationKind> Activation { get; set; }

    public Argument<double> NegativeSlope { get; set; }

    public Argument<double> Alpha { get; set; }
}

/// <summary>One <c>[Dense]</c> attribute as written.</summary>
internal sealed class DenseDeclaration : ActivatedDeclaration
{
    public DenseDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    public override string Description => $"Dense layer {Position}";

    public Argument<int> Units { get; set; }

    public Argument<Model.InitKind> Init { get; set; }

    public Argument<double> InitValue { get; set; }

    public Argument<Model.InitKind> BiasInit { get; set; }

    public Argument<double> BiasInitValue { get; set; }

    public Argument<int> Repeat { get; set; }
}

/// <summary>One <c>[BatchNorm]</c> or <c>[LayerNorm]</c> attribute as written.</summary>
internal sealed class NormalizationDeclaration : ActivatedDeclaration
{
    public NormalizationDeclaration(AttributeData attribute, int position, Model.LayerKind kind)
        : base(attribute, position)
    {
        Kind = kind;
    }

    /// <summary><see cref="Model.LayerKind.BatchNorm"/> or <see cref="Model.LayerKind.LayerNorm"/>.</summary>
    public Model.LayerKind Kind { get; }

    public override string Description => $"{Kind} {Position}";

    /// <summary>BatchNorm only.</summary>
    public Argument<double> Momentum { get; set; }

    public Argument<double> Epsilon { get; set; }
}

/// <summary>One <c>[Residual]</c> attribute as written: the start of a block.</summary>
internal sealed class ResidualDeclaration : LayerDeclaration
{
    public ResidualDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    public override string Description => $"Residual block {Position}";

    public Argument<int> Repeat { get; set; }

    public Argument<bool> Projection { get; set; }
}

/// <summary>One <c>[EndResidual]</c> attribute as written: the end of a block, where the skip is added.</summary>
internal sealed class EndResidualDeclaration : ActivatedDeclaration
{
    public EndResidualDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    public override string Description => $"EndResidual {Position}";
}

/// <summary>An attribute argument's value, whether the user wrote it, and its name (to find it in the syntax).</summary>
internal readonly struct Argument<T>
{
    public Argument(string name, T value, bool isExplicit)
    {
        Name = name;
        Value = value;
        IsExplicit = isExplicit;
    }

    /// <summary>The property name (<c>Inputs</c>) or constructor parameter name (<c>units</c>).</summary>
    public string Name { get; }

    public T Value { get; }

    public bool IsExplicit { get; }
}
