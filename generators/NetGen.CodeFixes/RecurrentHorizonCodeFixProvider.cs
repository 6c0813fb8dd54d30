using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Layers.Recurrent;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0110: an LSTM gets chrono initialization for its declared sequence (<c>ChronoMaxDependency = steps</c>, replacing
/// <c>ForgetBias</c>); a SimpleRNN or GRU becomes <c>[LSTM(units, ChronoMaxDependency = steps)]</c>, keeping
/// <c>ReturnSequences</c> and <c>Defaults</c>. NG0111: the recurrent weights become orthogonal of gain 1. A fix is offered only
/// when the analyzer's own rules say it clears the warning without raising another.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RecurrentHorizonCodeFixProvider)), Shared]
public sealed class RecurrentHorizonCodeFixProvider : CodeFixProvider
{
    public const string ChronoKey = DiagnosticIds.ShortMemoryHorizon + ".Chrono";
    public const string OrthogonalKey = DiagnosticIds.ExplodingRecurrence + ".Orthogonal";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ShortMemoryHorizon, DiagnosticIds.ExplodingRecurrence);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        NetworkDocument? network = await NetworkDocument.LoadAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
        AttributeSyntax? attribute = network?.Root.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>();
        RecurrentDeclaration? layer = network?.Declaration.Layers.OfType<RecurrentDeclaration>().FirstOrDefault(d => network.Syntax(d.Attribute) == attribute);
        if (network is null || attribute is null || layer is null)
        {
            return;
        }
        int steps = network.Declaration.Steps.Value; // every sequence in a NetGen network has the network's steps
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            (string title, string key, string id, AttributeSyntax fixedAttribute) = diagnostic.Id == DiagnosticIds.ShortMemoryHorizon
                ? ChronoFix(attribute, layer, steps)
                : ("Use orthogonal recurrent weights of gain 1", OrthogonalKey, DiagnosticIds.ExplodingRecurrence, Orthogonal(attribute));
            Document document = network.Document.WithSyntaxRoot(network.Root.ReplaceNode(attribute, fixedAttribute));
            if (await network.ClearsAsync(document, id, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(document), key), diagnostic);
            }
        }
    }

    private static (string Title, string Key, string Id, AttributeSyntax Attribute) ChronoFix(AttributeSyntax attribute, RecurrentDeclaration layer, int steps)
    {
        ExpressionSyntax chrono = SyntaxFactory.ParseExpression(steps.ToString(CultureInfo.InvariantCulture));
        if (layer.Cell == RecurrentCell.Lstm)
        {
            AttributeSyntax lstm = AttributeEditor.WithNamed(AttributeEditor.WithoutNamed(attribute, "ForgetBias"), "ChronoMaxDependency", chrono);
            return ($"Use chrono initialization for {steps}-step dependencies", ChronoKey, DiagnosticIds.ShortMemoryHorizon, lstm);
        }
        string kept = string.Concat(new[] { "ReturnSequences", "Defaults" }
            .Select(name => AttributeEditor.NamedText(attribute, name) is { } value ? $", {name} = {value}" : ""));
        AttributeSyntax replacement = AttributeEditor.NewAttribute("LSTM",
                $"({layer.Units.Value.ToString(CultureInfo.InvariantCulture)}, ChronoMaxDependency = {steps.ToString(CultureInfo.InvariantCulture)}{kept})")
            .WithTriviaFrom(attribute);
        return ($"Use an LSTM with chrono initialization for {steps}-step dependencies", ChronoKey, DiagnosticIds.ShortMemoryHorizon, replacement);
    }

    private static AttributeSyntax Orthogonal(AttributeSyntax attribute)
    {
        AttributeSyntax edited = AttributeEditor.WithNamed(attribute, "RecurrentInit", AttributeEditor.EnumMember("Init", "Orthogonal"));
        foreach (string name in new[] { "Gain", "Value", "Mean", "StandardDeviation", "Minimum", "Maximum", "Scale", "FanMode", "Distribution" })
        {
            edited = AttributeEditor.WithoutNamed(edited, "RecurrentInit" + name);
        }
        return edited;
    }
}
