using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace NetGen.CodeFixes;

/// <summary>
/// Edits of one attribute's arguments. New values are written fully qualified (<c>global::NetGen.Init.HeNormal</c>)
/// and marked for the simplifier, which shortens them to what the file's usings allow (<c>Init.HeNormal</c>).
/// </summary>
internal static class AttributeEditor
{
    private const string ActivationParameter = "activation";

    /// <summary><c>global::NetGen.{type}.{member}</c>, marked for simplification.</summary>
    public static ExpressionSyntax EnumMember(string type, string member) =>
        SyntaxFactory.ParseExpression($"global::NetGen.{type}.{member}").WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>An attribute <c>[global::NetGen.{name}{arguments}]</c>, its name marked for simplification.</summary>
    public static AttributeSyntax NewAttribute(string name, string? arguments = null) => SyntaxFactory.Attribute(
        SyntaxFactory.ParseName($"global::NetGen.{name}").WithAdditionalAnnotations(Simplifier.Annotation),
        arguments is null ? null : SyntaxFactory.ParseAttributeArgumentList(arguments));

    /// <summary>Sets the named argument <paramref name="name"/>: replaces its value, or adds it after the positional arguments (or last).</summary>
    public static AttributeSyntax WithNamed(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        List<AttributeArgumentSyntax> arguments = Arguments(attribute);
        int index = arguments.FindIndex(a => a.NameEquals?.Name.Identifier.ValueText == name);
        if (index >= 0)
        {
            arguments[index] = arguments[index].WithExpression(value.WithTriviaFrom(arguments[index].Expression));
        }
        else
        {
            int positional = arguments.Count(a => a.NameEquals is null);
            int at = positional > 0 ? positional : arguments.Count;
            arguments.Insert(at, Parse($"{name} = x").WithExpression(value));
        }
        return WithArguments(attribute, arguments);
    }

    /// <summary>Removes the named argument <paramref name="name"/> when it is written.</summary>
    public static AttributeSyntax WithoutNamed(AttributeSyntax attribute, string name)
    {
        List<AttributeArgumentSyntax> arguments = Arguments(attribute);
        return arguments.RemoveAll(a => a.NameEquals?.Name.Identifier.ValueText == name) == 0 ? attribute : WithArguments(attribute, arguments);
    }

    /// <summary>Without the weight initializer's parameters (<c>InitValue</c>, <c>InitMean</c>, …), which a new <c>Init</c> would leave ignored.</summary>
    public static AttributeSyntax WithoutInitParameters(AttributeSyntax attribute)
    {
        List<AttributeArgumentSyntax> arguments = Arguments(attribute);
        return arguments.RemoveAll(a => a.NameEquals?.Name.Identifier.ValueText is { } name
                   && name.StartsWith("Init", System.StringComparison.Ordinal) && name != "Init") == 0
            ? attribute
            : WithArguments(attribute, arguments);
    }

    /// <summary>The value of the named argument <paramref name="name"/> as written, or null.</summary>
    public static string? NamedText(AttributeSyntax attribute, string name) =>
        Arguments(attribute).FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression.ToString();

    /// <summary>Sets <c>[Dense]</c>'s activation (its second constructor argument), written by position or as <c>activation:</c>.</summary>
    public static AttributeSyntax WithActivation(AttributeSyntax attribute, string member)
    {
        ExpressionSyntax value = EnumMember("Activation", member);
        List<AttributeArgumentSyntax> arguments = Arguments(attribute);
        int named = arguments.FindIndex(a => a.NameColon?.Name.Identifier.ValueText == ActivationParameter);
        int positional = arguments.Count(a => a.NameEquals is null && a.NameColon is null);
        if (named >= 0)
        {
            arguments[named] = arguments[named].WithExpression(value);
        }
        else if (positional >= 2)
        {
            arguments[1] = arguments[1].WithExpression(value.WithTriviaFrom(arguments[1].Expression));
        }
        else
        {
            arguments.Insert(positional, SyntaxFactory.AttributeArgument(value));
        }
        return WithArguments(attribute, arguments);
    }

    private static List<AttributeArgumentSyntax> Arguments(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.ToList() ?? new List<AttributeArgumentSyntax>();

    private static AttributeArgumentSyntax Parse(string text) => SyntaxFactory.ParseAttributeArgumentList("(" + text + ")")!.Arguments[0];

    /// <summary>The attribute with these arguments, separated by ", "; no parentheses when there is none.</summary>
    private static AttributeSyntax WithArguments(AttributeSyntax attribute, List<AttributeArgumentSyntax> arguments)
    {
        if (arguments.Count == 0)
        {
            return attribute.WithArgumentList(null);
        }
        SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var list = SyntaxFactory.SeparatedList(
            arguments.Select(a => a.WithoutLeadingTrivia().WithoutTrailingTrivia()),
            Enumerable.Repeat(comma, arguments.Count - 1));
        AttributeArgumentListSyntax argumentList = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        return attribute.WithArgumentList(argumentList.WithArguments(list));
    }
}
