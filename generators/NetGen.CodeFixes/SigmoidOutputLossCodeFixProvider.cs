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
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Model;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0107: with a Sigmoid output, sets <c>[Network]</c>'s <c>Loss</c> to <c>Loss.BinaryCrossEntropy</c>, whose gradient
/// cancels the sigmoid's derivative. Not offered for a Tanh output, which binary cross-entropy does not accept.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SigmoidOutputLossCodeFixProvider)), Shared]
public sealed class SigmoidOutputLossCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticIds.SigmoidOutputWithQuadraticLoss + ".BinaryCrossEntropy";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SigmoidOutputWithQuadraticLoss);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        NetworkDocument? network = await NetworkDocument.LoadAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
        if (network?.Declaration.Layers.LastOrDefault() is not DenseDeclaration output || output.Activation.Activation.Value != ActivationKind.Sigmoid
            || network.Syntax(network.Declaration.Network!) is not AttributeSyntax attribute)
        {
            return;
        }
        AttributeSyntax fixedAttribute = AttributeEditor.WithNamed(attribute, "Loss", AttributeEditor.EnumMember("Loss", nameof(LossKind.BinaryCrossEntropy)));
        Document document = network.Document.WithSyntaxRoot(network.Root.ReplaceNode(attribute, fixedAttribute));
        context.RegisterCodeFix(
            CodeAction.Create("Use Loss.BinaryCrossEntropy", _ => Task.FromResult(document), EquivalenceKey),
            context.Diagnostics);
    }
}
