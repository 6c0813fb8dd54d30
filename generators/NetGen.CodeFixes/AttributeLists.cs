using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// Replaces attributes of a type by sequences of attributes, in place: layers are the attributes in the order they are
/// written, so an inserted <c>[BatchNorm]</c> must come right after its <c>[Dense]</c>. An attribute alone in its list
/// becomes one list per attribute, one per line with the list's indentation; an attribute that shares its list
/// (<c>[Dense(4), Dense(2)]</c>) is replaced within that list.
/// </summary>
internal static class AttributeLists
{
    /// <summary>
    /// The type declaration with each key of <paramref name="replacements"/> replaced by its attributes;
    /// <paramref name="original"/> tells which of them takes the place of the old one (and keeps its trailing comment).
    /// </summary>
    public static TypeDeclarationSyntax Replace(
        TypeDeclarationSyntax type, IReadOnlyDictionary<AttributeSyntax, IReadOnlyList<AttributeSyntax>> replacements, IReadOnlyDictionary<AttributeSyntax, int> original)
    {
        var lists = new List<AttributeListSyntax>();
        foreach (AttributeListSyntax list in type.AttributeLists)
        {
            if (!list.Attributes.Any(replacements.ContainsKey))
            {
                lists.Add(list);
            }
            else if (list.Attributes.Count == 1)
            {
                AttributeSyntax old = list.Attributes[0];
                lists.AddRange(Split(list, replacements[old], original.TryGetValue(old, out int index) ? index : 0));
            }
            else
            {
                IEnumerable<AttributeSyntax> attributes = list.Attributes.SelectMany(a =>
                    replacements.TryGetValue(a, out IReadOnlyList<AttributeSyntax>? replacement) ? replacement : new[] { a });
                lists.Add(list.WithAttributes(Separated(attributes)));
            }
        }
        return type.WithAttributeLists(SyntaxFactory.List(lists));
    }

    private static IEnumerable<AttributeListSyntax> Split(AttributeListSyntax list, IReadOnlyList<AttributeSyntax> attributes, int originalIndex)
    {
        SyntaxTriviaList leading = list.GetLeadingTrivia();
        SyntaxTriviaList trailing = list.GetTrailingTrivia();
        SyntaxTrivia? endOfLine = trailing.Cast<SyntaxTrivia?>().FirstOrDefault(t => t!.Value.IsKind(SyntaxKind.EndOfLineTrivia));
        // The indentation: the whitespace after the last line break before the list.
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        SyntaxTriviaList separator = endOfLine is null ? SyntaxFactory.TriviaList(SyntaxFactory.Space) : SyntaxFactory.TriviaList(endOfLine.Value);
        for (int i = 0; i < attributes.Count; i++)
        {
            AttributeListSyntax single = list.WithAttributes(SyntaxFactory.SingletonSeparatedList(attributes[i].WithoutTrivia()));
            yield return single
                .WithLeadingTrivia(i == 0 ? leading : endOfLine is null ? default : indentation)
                .WithTrailingTrivia(i == originalIndex ? trailing : separator);
        }
    }

    private static SeparatedSyntaxList<AttributeSyntax> Separated(IEnumerable<AttributeSyntax> attributes)
    {
        List<AttributeSyntax> items = attributes.Select(a => a.WithoutTrivia()).ToList();
        SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        return SyntaxFactory.SeparatedList(items, Enumerable.Repeat(comma, items.Count - 1));
    }
}
