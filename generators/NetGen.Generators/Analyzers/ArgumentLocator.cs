using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generators.Analyzers;

/// <summary>Finds where an attribute argument is written, falling back to the attribute, then to the class name.</summary>
internal static class ArgumentLocator
{
    public static Location Find(INamedTypeSymbol type, AttributeData? attribute, string? argumentName, CancellationToken cancellationToken)
    {
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return type.Locations.FirstOrDefault() ?? Location.None;
        }
        if (argumentName is null || syntax.ArgumentList is null)
        {
            return syntax.GetLocation();
        }
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = syntax.ArgumentList.Arguments;
        AttributeArgumentSyntax? named = arguments.FirstOrDefault(a =>
            a.NameEquals?.Name.Identifier.ValueText == argumentName || a.NameColon?.Name.Identifier.ValueText == argumentName);
        if (named is not null)
        {
            return named.GetLocation();
        }
        int position = -1;
        ImmutableArray<IParameterSymbol> parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == argumentName)
            {
                position = i;
            }
        }
        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return position >= 0 && position < positional.Count ? positional[position].GetLocation() : syntax.GetLocation();
    }
}
