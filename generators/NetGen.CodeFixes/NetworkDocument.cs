using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generators.Analysis;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.CodeFixes;

/// <summary>
/// A network declaration in a document, read as the analyzer reads it, with the attribute syntax of each layer. Also
/// runs the analyzer's rules on an edited document, so that a fix is offered only where it clears its warning.
/// </summary>
internal sealed class NetworkDocument
{
    private NetworkDocument(Document document, SyntaxNode root, TypeDeclarationSyntax type, INamedTypeSymbol symbol, NetworkDeclaration declaration)
    {
        Document = document;
        Root = root;
        Type = type;
        Symbol = symbol;
        Declaration = declaration;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    /// <summary>The type declaration that holds the diagnostic.</summary>
    public TypeDeclarationSyntax Type { get; }

    public INamedTypeSymbol Symbol { get; }

    public NetworkDeclaration Declaration { get; }

    /// <summary>The network around <paramref name="span"/>, or null when it cannot be read (the analyzer would not have reported).</summary>
    public static async Task<NetworkDocument?> LoadAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }
        TypeDeclarationSyntax? type = root.FindNode(span).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (type is null || model.GetDeclaredSymbol(type, cancellationToken) is not INamedTypeSymbol symbol
            || NetworkReader.Read(symbol) is not NetworkDeclaration declaration || declaration.Network is null)
        {
            return null;
        }
        return new NetworkDocument(document, root, type, symbol, declaration);
    }

    /// <summary>The attribute as written in this document's type declaration, or null when it is written elsewhere (another part of a partial class).</summary>
    public AttributeSyntax? Syntax(AttributeData attribute)
    {
        SyntaxReference? reference = attribute.ApplicationSyntaxReference;
        return reference is not null && reference.SyntaxTree == Root.SyntaxTree && Type.Span.Contains(reference.Span)
            ? Root.FindNode(reference.Span).FirstAncestorOrSelf<AttributeSyntax>()
            : null;
    }

    /// <summary>The <c>[Dense]</c> attributes but the last (the output layer).</summary>
    public IReadOnlyList<DenseDeclaration> HiddenDense()
    {
        List<DenseDeclaration> dense = Declaration.Layers.OfType<DenseDeclaration>().ToList();
        return dense.Take(dense.Count - 1).ToList();
    }

    /// <summary>The document with this type declaration replaced.</summary>
    public Document With(TypeDeclarationSyntax type) => Document.WithSyntaxRoot(Root.ReplaceNode(Type, type));

    /// <summary>
    /// The ids of every problem NetGen finds in the network (declaration problems, then gradient-health warnings), or
    /// null when the declaration does not bind or has an error.
    /// </summary>
    public static async Task<ImmutableHashSet<string>?> ProblemIdsAsync(Document document, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        Compilation? compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        string name = type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
        if (compilation?.GetTypeByMetadataName(name) is not INamedTypeSymbol symbol
            || NetworkAnalysis.Analyze(symbol, cancellationToken) is not { Model: not null } analysis)
        {
            return null;
        }
        List<DeclarationProblem> problems = analysis.Problems.ToList();
        SyntaxTree? tree = analysis.Declaration.Network?.ApplicationSyntaxReference?.SyntaxTree;
        GradientHealthOptions options = GradientHealthOptions.For(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider, tree);
        problems.AddRange(GradientRules.Check(analysis, options));
        // Notes (NG0108, NG0109) are not problems a fix must avoid: a remedy that leaves "learns 20x slower" is still one.
        return problems.Where(p => p.Descriptor.DefaultSeverity != DiagnosticSeverity.Info).Select(p => p.Descriptor.Id).ToImmutableHashSet();
    }

    /// <summary>
    /// Whether <paramref name="edited"/> clears <paramref name="id"/> without raising any problem the network did not
    /// have, by the analyzer's own rules.
    /// </summary>
    public async Task<bool> ClearsAsync(Document edited, string id, CancellationToken cancellationToken)
    {
        ImmutableHashSet<string>? before = await ProblemIdsAsync(Document, Symbol, cancellationToken).ConfigureAwait(false);
        ImmutableHashSet<string>? after = await ProblemIdsAsync(edited, Symbol, cancellationToken).ConfigureAwait(false);
        return before is not null && after is not null && !after.Contains(id) && after.IsSubsetOf(before);
    }
}
