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
    public const string BatchNormAttributeName = "NetGen.BatchNormAttribute";
    public const string LayerNormAttributeName = "NetGen.LayerNormAttribute";
    public const string ResidualAttributeName = "NetGen.ResidualAttribute";
    public const string EndResidualAttributeName = "NetGen.EndResidualAttribute";

    // The defaults of the DSL attributes, as documented on them.
    private const double DefaultNegativeSlope = 0.01;
    private const double DefaultAlpha = 1.0;
    private const double DefaultMomentum = 0.1;
    private const double DefaultEpsilon = 1e-5;

    private static readonly string[] LayerAttributeNames =
        { DenseAttributeName, BatchNormAttributeName, LayerNormAttributeName, ResidualAttributeName, EndResidualAttributeName };

    /// <summary>Returns the declaration, or <see langword="null"/> when the class has no NetGen attribute.</summary>
    public static NetworkDeclaration? Read(INamedTypeSymbol type)
    {
        AttributeData? network = null;
        bool duplicateNetwork = false; // CS0579, reported by the compiler: which one to take is unknown, so take none
        var layerAttributes = new List<(AttributeData Attribute, string Name)>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name == NetworkAttributeName)
            {
                duplicateNetwork |= network is not null;
                network = attribute;
            }
            else if (name is not null && LayerAttributeNames.Contains(name))
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
            .OrderBy(a => a.Attribute.ApplicationSyntaxReference?.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(a => a.Attribute.ApplicationSyntaxReference?.Span.Start ?? 0)
            .ToList();

        bool unresolved = duplicateNetwork || (network is not null && !IsResolved(network));
        var layers = new List<LayerDeclaration>();
        var positions = new Dictionary<string, int>();
        foreach ((AttributeData attribute, string name) in layerAttributes)
        {
            unresolved |= !IsResolved(attribute);
            positions[name] = positions.TryGetValue(name, out int count) ? count + 1 : 1;
            layers.Add(ReadLayer(attribute, name, positions[name]));
        }

        var declaration = new NetworkDeclaration(type, network, layers, unresolved);
        if (network is not null)
        {
            declaration.Inputs = Named(network, "Inputs", 0);
            declaration.Loss = NamedEnum(network, "Loss", Model.LossKind.MeanSquaredError);
            declaration.Precision = NamedEnum(network, "Precision", Model.PrecisionKind.Single);
            declaration.InputMeanSquare = Named(network, "InputMeanSquare", 1.0);
        }
        return declaration;
    }

    private static LayerDeclaration ReadLayer(AttributeData attribute, string name, int position) => name switch
    {
        DenseAttributeName => ReadDense(attribute, position),
        BatchNormAttributeName => ReadNormalization(attribute, position, Model.LayerKind.BatchNorm),
        LayerNormAttributeName => ReadNormalization(attribute, position, Model.LayerKind.LayerNorm),
        ResidualAttributeName => new ResidualDeclaration(attribute, position)
        {
            Repeat = Named(attribute, "Repeat", 1),
            Projection = Named(attribute, "Projection", true),
        },
        _ => ReadActivation(attribute, new EndResidualDeclaration(attribute, position), NamedEnum(attribute, "Activation", Model.ActivationKind.Identity)),
    };

    private static DenseDeclaration ReadDense(AttributeData attribute, int position)
    {
        Argument<Model.ActivationKind> activation = PositionalEnum(attribute, 1, "activation", Model.ActivationKind.Identity);
        // SELU's default initializer is LeCun normal, the pairing that makes it self-normalizing.
        Model.InitKind defaultInit = activation.Value == Model.ActivationKind.SELU ? Model.InitKind.LeCunNormal : Model.InitKind.GlorotUniform;
        var dense = new DenseDeclaration(attribute, position)
        {
            Units = Positional(attribute, 0, "units", 0),
            Init = NamedEnum(attribute, "Init", defaultInit),
            InitValue = Named(attribute, "InitValue", 0.0),
            BiasInit = NamedEnum(attribute, "BiasInit", Model.InitKind.Zeros),
            BiasInitValue = Named(attribute, "BiasInitValue", 0.0),
            Repeat = Named(attribute, "Repeat", 1),
        };
        return ReadActivation(attribute, dense, activation);
    }

    private static NormalizationDeclaration ReadNormalization(AttributeData attribute, int position, Model.LayerKind kind)
    {
        var normalization = new NormalizationDeclaration(attribute, position, kind)
        {
            Momentum = Named(attribute, "Momentum", DefaultMomentum),
            Epsilon = Named(attribute, "Epsilon", DefaultEpsilon),
        };
        return ReadActivation(attribute, normalization, NamedEnum(attribute, "Activation", Model.ActivationKind.Identity));
    }

    private static T ReadActivation<T>(AttributeData attribute, T layer, Argument<Model.ActivationKind> activation) where T : ActivatedDeclaration
    {
        layer.Activation = activation;
        layer.NegativeSlope = Named(attribute, "NegativeSlope", DefaultNegativeSlope);
        layer.Alpha = Named(attribute, "Alpha", DefaultAlpha);
        return layer;
    }

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
