using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generators.Analysis;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Gradients;

namespace NetGen.Generators.Analyzers;

/// <summary>
/// Predicts, from the declaration alone, whether a network's gradients will vanish or explode and flags the designs
/// that will not train (the NG01xx rules). Declarations with errors are left to <see cref="NetworkDeclarationAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GradientHealthAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.VanishingGradient,
        DiagnosticDescriptors.ExplodingGradient,
        DiagnosticDescriptors.InitializerDoesNotFitActivation,
        DiagnosticDescriptors.DeepNarrowReLUStack,
        DiagnosticDescriptors.BatchNormWithoutSkipConnections,
        DiagnosticDescriptors.ResidualWithoutNormalization,
        DiagnosticDescriptors.SigmoidOutputWithQuadraticLoss,
        DiagnosticDescriptors.FirstLayersLearnSlower,
        DiagnosticDescriptors.FirstLayersLearnFaster,
        DiagnosticDescriptors.ShortMemoryHorizon,
        DiagnosticDescriptors.ExplodingRecurrence);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (NetworkAnalysis.Analyze(type, context.CancellationToken) is not { Model: not null } analysis)
        {
            return;
        }
        SyntaxTree? tree = analysis.Declaration.Network?.ApplicationSyntaxReference?.SyntaxTree;
        GradientHealthOptions options = GradientHealthOptions.For(context.Options.AnalyzerConfigOptionsProvider, tree);
        foreach (DeclarationProblem problem in GradientRules.Check(analysis, options))
        {
            Location location = ArgumentLocator.Find(type, problem.Attribute, problem.ArgumentName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, location, problem.MessageArguments));
        }
    }
}
