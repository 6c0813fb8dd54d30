using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generators.Analysis;

/// <summary>Reads one attribute's arguments as written, each with its default when it is not.</summary>
internal readonly struct AttributeArguments
{
    private readonly AttributeData _attribute;

    public AttributeArguments(AttributeData attribute) => _attribute = attribute;

    /// <summary>Whether every argument binds; a half-typed one (CS0246, a wrong type) is the compiler's to report.</summary>
    public bool AreResolved
    {
        get
        {
            if (_attribute.AttributeConstructor is null)
            {
                return false;
            }
            // A named argument that does not bind (an unknown property) is left out of NamedArguments, so count them in the syntax.
            int writtenNamed = Syntax?.ArgumentList?.Arguments.Count(a => a.NameEquals is not null) ?? _attribute.NamedArguments.Length;
            return _attribute.ConstructorArguments.All(a => a.Kind != TypedConstantKind.Error)
                && _attribute.NamedArguments.All(a => a.Value.Kind != TypedConstantKind.Error)
                && _attribute.NamedArguments.Length == writtenNamed;
        }
    }

    private AttributeSyntax? Syntax => _attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;

    public Argument<T> Positional<T>(int index, string name, T fallback)
    {
        ImmutableArray<TypedConstant> arguments = _attribute.ConstructorArguments;
        return index < arguments.Length && arguments[index].Value is T value
            ? new Argument<T>(name, value, IsWritten(index))
            : new Argument<T>(name, fallback, false);
    }

    public Argument<TEnum> PositionalEnum<TEnum>(int index, string name, TEnum fallback) where TEnum : struct
    {
        Argument<int> raw = Positional(index, name, (int)(object)fallback);
        return new Argument<TEnum>(name, (TEnum)(object)raw.Value, raw.IsExplicit);
    }

    public Argument<T> Named<T>(string name, T fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in _attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return new Argument<T>(name, value, true);
            }
        }
        return new Argument<T>(name, fallback, false);
    }

    public Argument<TEnum> NamedEnum<TEnum>(string name, TEnum fallback) where TEnum : struct
    {
        Argument<int> raw = Named(name, (int)(object)fallback);
        return new Argument<TEnum>(name, (TEnum)(object)raw.Value, raw.IsExplicit);
    }

    /// <summary>Whether the constructor argument at <paramref name="index"/> was written, rather than its default taken.</summary>
    private bool IsWritten(int index) =>
        Syntax is not { } syntax || index < (syntax.ArgumentList?.Arguments.Count(a => a.NameEquals is null) ?? 0);
}
