using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generators.Declarations;

/// <summary>Reads a class's <c>[Network]</c> and <c>[Dense]</c> attributes into a <see cref="NetworkDeclaration"/>.</summary>
internal static class DeclarationReader
{
    public const string NetworkAttributeName = "NetGen.NetworkAttribute";
    public const string DenseAttributeName = "NetGen.DenseAttribute";

    // The defaults of the DSL attributes, as documented on them.
    private const double DefaultNegativeSlope = 0.01;
    private const double DefaultAlpha = 1.0;

    /// <summary>Returns the declaration, or <see langword="null"/> when the class has neither attribute.</summary>
    public static NetworkDeclaration? Read(INamedTypeSymbol type)
    {
        AttributeData? network = null;
        bool duplicateNetwork = false; // CS0579, reported by the compiler: which one to take is unknown, so take none
        var denseAttributes = new List<AttributeData>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name == NetworkAttributeName)
            {
                duplicateNetwork |= network is not null;
                network = attribute;
            }
            else if (name == DenseAttributeName)
            {
                denseAttributes.Add(attribute);
            }
        }
        if (network is null && denseAttributes.Count == 0)
        {
            return null;
        }

        // GetAttributes keeps source order within one declaration, but the order of partial declarations is not
        // defined; order by position in the syntax tree so that layer order is the order the user reads.
        denseAttributes = denseAttributes
            .OrderBy(a => a.ApplicationSyntaxReference?.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(a => a.ApplicationSyntaxReference?.Span.Start ?? 0)
            .ToList();

        bool unresolved = duplicateNetwork || (network is not null && !IsResolved(network));
        var layers = new List<DenseDeclaration>();
        for (int i = 0; i < denseAttributes.Count; i++)
        {
            AttributeData attribute = denseAttributes[i];
            unresolved |= !IsResolved(attribute);
            layers.Add(ReadDense(attribute, i + 1));
        }

        var declaration = new NetworkDeclaration(type, network, layers, unresolved);
        if (network is not null)
        {
            declaration.Inputs = Named(network, "Inputs", 0);
            declaration.Loss = NamedEnum(network, "Loss", Model.LossKind.MeanSquaredError);
            declaration.Precision = NamedEnum(network, "Precision", Model.PrecisionKind.Single);
        }
        return declaration;
    }

    private static DenseDeclaration ReadDense(AttributeData attribute, int position) => new(attribute, position)
    {
        Units = Positional(attribute, 0, "units", 0),
        Activation = PositionalEnum(attribute, 1, "activation", Model.ActivationKind.Identity),
        Init = NamedEnum(attribute, "Init", Model.InitKind.GlorotUniform),
        InitValue = Named(attribute, "InitValue", 0.0),
        BiasInit = NamedEnum(attribute, "BiasInit", Model.InitKind.Zeros),
        BiasInitValue = Named(attribute, "BiasInitValue", 0.0),
        NegativeSlope = Named(attribute, "NegativeSlope", DefaultNegativeSlope),
        Alpha = Named(attribute, "Alpha", DefaultAlpha),
        Repeat = Named(attribute, "Repeat", 1),
    };

    private static bool IsResolved(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is null)
        {
            return false;
        }
        // A named argument that does not bind (an unknown property: CS0246) is left out of NamedArguments, so count them in the syntax.
        int writtenNamed = (attribute.ApplicationSyntaxReference?.GetSyntax() as Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax)?
            .ArgumentList?.Arguments.Count(a => a.NameEquals is not null) ?? attribute.NamedArguments.Length;
        return attribute.ConstructorArguments.All(a => a.Kind != TypedConstantKind.Error)
            && attribute.NamedArguments.All(a => a.Value.Kind != TypedConstantKind.Error)
            && attribute.NamedArguments.Length == writtenNamed;
    }

    private static Argument<T> Positional<T>(AttributeData attribute, int index, string name, T fallback)
    {
        ImmutableArray<TypedConstant> arguments = attribute.ConstructorArguments;
        if (index < arguments.Length && arguments[index].Value is T value)
        {
            return new Argument<T>(name, value, IsWritten(attribute, index));
        }
        return new Argument<T>(name, fallback, false);
    }

    private static Argument<TEnum> PositionalEnum<TEnum>(AttributeData attribute, int index, string name, TEnum fallback) where TEnum : struct
    {
        Argument<int> raw = Positional(attribute, index, name, (int)(object)fallback);
        return new Argument<TEnum>(name, (TEnum)(object)raw.Value, raw.IsExplicit);
    }

    private static Argument<T> Named<T>(AttributeData attribute, string name, T fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return new Argument<T>(name, value, true);
            }
        }
        return new Argument<T>(name, fallback, false);
    }

    private static Argument<TEnum> NamedEnum<TEnum>(AttributeData attribute, string name, TEnum fallback) where TEnum : struct
    {
        Argument<int> raw = Named(attribute, name, (int)(object)fallback);
        return new Argument<TEnum>(name, (TEnum)(object)raw.Value, raw.IsExplicit);
    }

    /// <summary>Whether the constructor argument at <paramref name="index"/> was written, rather than its default taken.</summary>
    private static bool IsWritten(AttributeData attribute, int index)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax syntax)
        {
            return true;
        }
        int positional = syntax.ArgumentList?.Arguments.Count(a => a.NameEquals is null) ?? 0;
        return index < positional;
    }
}
