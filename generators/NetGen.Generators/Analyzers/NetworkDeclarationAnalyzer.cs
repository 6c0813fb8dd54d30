using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generators.Analysis;
using NetGen.Generators.Diagnostics;

namespace NetGen.Generators.Analyzers;

/// <summary>Reports what is wrong with a network declaration (the NG00xx rules), on the attribute argument at fault.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NetworkMustBePartial,
        DiagnosticDescriptors.NetworkMustBeTopLevel,
        DiagnosticDescriptors.NetworkMustNotBeGeneric,
        DiagnosticDescriptors.NetworkMustBePlainClass,
        DiagnosticDescriptors.NetworkHasNoLayers,
        DiagnosticDescriptors.DenseWithoutNetwork,
        DiagnosticDescriptors.NetworkNameIsReserved,
        DiagnosticDescriptors.SizeMustBePositive,
        DiagnosticDescriptors.SoftmaxMustBeOutput,
        DiagnosticDescriptors.LossDoesNotFitOutput,
        DiagnosticDescriptors.ArgumentIsIgnored,
        DiagnosticDescriptors.ArgumentOutOfRange,
        DiagnosticDescriptors.UndefinedEnumValue,
        DiagnosticDescriptors.NetworkTooLarge,
        DiagnosticDescriptors.ResidualBlockNotClosed,
        DiagnosticDescriptors.EndResidualWithoutResidual,
        DiagnosticDescriptors.EmptyResidualBlock,
        DiagnosticDescriptors.NestedResidualBlock,
        DiagnosticDescriptors.OutputMustBeDense,
        DiagnosticDescriptors.ResidualWidthMismatch,
        DiagnosticDescriptors.RepeatGroupNotClosed,
        DiagnosticDescriptors.EndRepeatWithoutRepeat,
        DiagnosticDescriptors.EmptyRepeatGroup,
        DiagnosticDescriptors.LayerDoesNotTakeItsInput,
        DiagnosticDescriptors.InputShapeConflict,
        DiagnosticDescriptors.ImageTooSmall,
        DiagnosticDescriptors.PoolDoesNotTile);

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
        if (NetworkAnalysis.Analyze(type, context.CancellationToken) is not NetworkAnalysis analysis)
        {
            return;
        }
        foreach (DeclarationProblem problem in analysis.Problems)
        {
            Location location = ArgumentLocator.Find(type, problem.Attribute, problem.ArgumentName, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, location, problem.MessageArguments));
        }
    }
}
