using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>The rules on the annotated class itself: what C# lets the generated half be added to.</summary>
internal static class ClassRules
{
    /// <summary>The members every generated network has: a class of the same name could not hold them (CS0542).</summary>
    private static readonly HashSet<string> GeneratedMemberNames = new()
    {
        "InputSize", "OutputSize", "ParameterCount", "DefaultMaxBatchSize", "Summary", "Layers", "MaxBatchSize", "IsTraining", "Loss",
        "Parameters", "Gradients", "State", "Forward", "ComputeLoss", "ComputeGradients", "TrainStep", "PreActivations", "Initialize",
        "CreateReplica", "RunForward", "Backpropagate", "OutputLoss", "OutputLossAndGradient", "UpdateRunningStatistics",
    };

    public static void Check(INamedTypeSymbol type, List<DeclarationProblem> problems)
    {
        if (type.ContainingType is not null)
        {
            problems.Add(new DeclarationProblem(NetworkMustBeTopLevel, null, null, type.Name, type.ContainingType.Name));
        }
        if (type.IsGenericType)
        {
            problems.Add(new DeclarationProblem(NetworkMustNotBeGeneric, null, null, type.Name));
        }
        string? notPlain = type.IsStatic ? "static"
            : type.IsRecord ? "a record"
            : type.IsAbstract ? "abstract (the generated CreateReplica constructs it)"
            : type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null })
                ? "declared with a primary constructor (the generated constructors could not call it)"
                : null;
        if (notPlain is not null)
        {
            problems.Add(new DeclarationProblem(NetworkMustBePlainClass, null, null, type.Name, notPlain));
        }
        // A struct, interface or enum gets the compiler's CS0592: [Network] is valid on classes only.
        bool allPartial = type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax() is TypeDeclarationSyntax syntax && syntax.Modifiers.Any(m => m.Text == "partial"));
        if (!allPartial)
        {
            problems.Add(new DeclarationProblem(NetworkMustBePartial, null, null, type.Name));
        }
        if (IsGeneratedMemberName(type.Name))
        {
            problems.Add(new DeclarationProblem(NetworkNameIsReserved, null, null, type.Name));
        }
    }

    /// <summary>A fixed member name, a layer's (<c>Layer3Weights</c>, <c>ForwardLayer3</c>), or a private field's (<c>_z3</c>).</summary>
    private static bool IsGeneratedMemberName(string name)
    {
        if (GeneratedMemberNames.Contains(name) || name.StartsWith("_", System.StringComparison.Ordinal))
        {
            return true;
        }
        string rest = name.StartsWith("Forward", System.StringComparison.Ordinal) ? name.Substring("Forward".Length)
            : name.StartsWith("Backward", System.StringComparison.Ordinal) ? name.Substring("Backward".Length)
            : name;
        return rest.StartsWith("Layer", System.StringComparison.Ordinal) && rest.Length > "Layer".Length && char.IsDigit(rest["Layer".Length]);
    }
}
