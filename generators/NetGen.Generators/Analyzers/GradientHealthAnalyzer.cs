using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generators.Declarations;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Health;
using NetGen.Generators.Model;

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
        DiagnosticDescriptors.SigmoidOutputWithQuadraticLoss);

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
        if (DeclarationReader.Read(type) is not NetworkDeclaration declaration || declaration.Network is null
            || declaration.HasUnresolvedArguments || DeclarationValidator.Validate(declaration).Any(p => p.IsError))
        {
            return;
        }
        NetworkSpec spec = SpecBuilder.Build(declaration);
        SyntaxTree? tree = declaration.Network.ApplicationSyntaxReference?.SyntaxTree;
        GradientHealthOptions options = GradientHealthOptions.For(context.Options.AnalyzerConfigOptionsProvider, tree);
        foreach (DeclarationProblem problem in GradientRules.Check(declaration, spec, options))
        {
            Location location = ArgumentLocator.Find(type, problem.Attribute, problem.ArgumentName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, location, problem.MessageArguments));
        }
    }
}
