using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NetGen.Generators.Declarations;

/// <summary>
/// A network declaration as written: the class and its attribute arguments, before validation. It holds symbols, so it
/// lives only within one analysis or one parse; the generator turns a valid one into a <see cref="Model.NetworkSpec"/>.
/// </summary>
internal sealed class NetworkDeclaration
{
    public NetworkDeclaration(INamedTypeSymbol type, AttributeData? network, IReadOnlyList<DenseDeclaration> layers, bool hasUnresolvedArguments)
    {
        Type = type;
        Network = network;
        Layers = layers;
        HasUnresolvedArguments = hasUnresolvedArguments;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The <c>[Network]</c> attribute, or <see langword="null"/> when only <c>[Dense]</c> attributes are present.</summary>
    public AttributeData? Network { get; }

    public IReadOnlyList<DenseDeclaration> Layers { get; }

    /// <summary>True when an argument does not bind (half-typed code): the compiler reports that, NetGen stays silent.</summary>
    public bool HasUnresolvedArguments { get; }

    public Argument<int> Inputs { get; set; }

    public Argument<Model.LossKind> Loss { get; set; }

    public Argument<Model.PrecisionKind> Precision { get; set; }
}

/// <summary>One <c>[Dense]</c> attribute as written.</summary>
internal sealed class DenseDeclaration
{
    public DenseDeclaration(AttributeData attribute, int position)
    {
        Attribute = attribute;
        Position = position;
    }

    public AttributeData Attribute { get; }

    /// <summary>The 1-based position among the class's <c>[Dense]</c> attributes.</summary>
    public int Position { get; }

    public Argument<int> Units { get; set; }

    public Argument<Model.ActivationKind> Activation { get; set; }

    public Argument<Model.InitKind> Init { get; set; }

    public Argument<double> InitValue { get; set; }

    public Argument<Model.InitKind> BiasInit { get; set; }

    public Argument<double> BiasInitValue { get; set; }

    public Argument<double> NegativeSlope { get; set; }

    public Argument<double> Alpha { get; set; }

    public Argument<int> Repeat { get; set; }
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
