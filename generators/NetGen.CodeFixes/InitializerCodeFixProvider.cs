using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generators.Analysis;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Gradients;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Model;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0103: sets <c>Init</c> to the initializer that fits the layer's activation (He normal for the ReLU family, LeCun
/// normal for SELU, Glorot uniform otherwise), replacing the written one and removing <c>InitValue</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InitializerCodeFixProvider)), Shared]
public sealed class InitializerCodeFixProvider : CodeFixProvider
{
    /// <summary>One key for every layer, so that Fix All fixes them all whatever the initializer.</summary>
    public const string EquivalenceKey = DiagnosticIds.InitializerDoesNotFitActivation + ".FittingInit";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InitializerDoesNotFitActivation);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        NetworkDocument? network = await NetworkDocument.LoadAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
        AttributeSyntax? attribute = network?.Root.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>();
        DenseDeclaration? dense = network?.Declaration.Layers.OfType<DenseDeclaration>().FirstOrDefault(d => network.Syntax(d.Attribute) == attribute);
        if (network is null || attribute is null || dense is null)
        {
            return;
        }
        string init = GradientRules.Fitting(dense.Activation.Activation.Value);
        AttributeSyntax fixedAttribute = AttributeEditor.WithoutInitParameters(
            AttributeEditor.WithNamed(attribute, "Init", AttributeEditor.EnumMember("Init", init)));
        Document document = network.Document.WithSyntaxRoot(network.Root.ReplaceNode(attribute, fixedAttribute));
        context.RegisterCodeFix(
            CodeAction.Create($"Use Init.{init}", _ => Task.FromResult(document), EquivalenceKey),
            context.Diagnostics);
    }
}
