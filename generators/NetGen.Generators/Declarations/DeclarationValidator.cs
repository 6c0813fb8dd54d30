using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Declarations;

/// <summary>
/// Every rule a network declaration must follow, in one place. The analyzer reports the problems; the generator emits
/// nothing for a declaration with any error.
/// </summary>
internal static class DeclarationValidator
{
    public const int MaxLayers = 1000;

    public static List<DeclarationProblem> Validate(NetworkDeclaration declaration)
    {
        var problems = new List<DeclarationProblem>();
        if (declaration.HasUnresolvedArguments)
        {
            return problems; // the compiler already reports the unbound arguments
        }
        CheckClass(declaration, problems);
        if (declaration.Network is not AttributeData network)
        {
            problems.Add(new DeclarationProblem(DenseWithoutNetwork, declaration.Layers[0].Attribute, null, declaration.Type.Name));
            return problems;
        }
        if (!declaration.Layers.OfType<DenseDeclaration>().Any())
        {
            problems.Add(new DeclarationProblem(NetworkHasNoLayers, network, null, declaration.Type.Name));
            return problems;
        }

        CheckPositive(declaration.Inputs, network, $"Inputs of network '{declaration.Type.Name}'", problems);
        CheckDefined(declaration.Loss, network, "Loss", problems);
        CheckDefined(declaration.Precision, network, "Precision", problems);
        double inputMeanSquare = declaration.InputMeanSquare.Value;
        if (!(inputMeanSquare > 0) || double.IsInfinity(inputMeanSquare))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, network, declaration.InputMeanSquare.Name,
                "InputMeanSquare", Format(inputMeanSquare), "a finite positive number: the mean of the squared inputs (1 for standardized inputs)"));
        }
        foreach (LayerDeclaration layer in declaration.Layers)
        {
            LayerRules.Check(layer, problems);
        }
        StructureRules.CheckBlocksAndOutput(declaration.Layers, problems);
        if (problems.Any(p => p.IsError))
        {
            return problems;
        }
        // Only now are sizes positive and blocks well formed: count before unrolling, so that Repeat = int.MaxValue is cheap to refuse.
        long layerCount = LayerExpansion.CountLayers(declaration.Layers);
        if (layerCount > MaxLayers)
        {
            problems.Add(new DeclarationProblem(NetworkTooLarge, network, null, declaration.Type.Name,
                $"it declares {layerCount} layers (Repeat and residual blocks included)", $"{MaxLayers} layers"));
            return problems;
        }
        List<ExpandedLayer> layers = LayerExpansion.Expand(declaration.Inputs.Value, declaration.Layers);
        StructureRules.CheckParameterCount(declaration, layers, problems);
        StructureRules.CheckResidualWidths(layers, problems);
        StructureRules.CheckSoftmaxPlacement(layers, problems);
        if (!problems.Any(p => p.IsError))
        {
            CheckLossFitsOutput(declaration, network, problems);
        }
        return problems;
    }

    private static void CheckClass(NetworkDeclaration declaration, List<DeclarationProblem> problems)
    {
        INamedTypeSymbol type = declaration.Type;
        if (type.ContainingType is not null)
        {
            problems.Add(new DeclarationProblem(NetworkMustBeTopLevel, null, null, type.Name, type.ContainingType.Name));
        }
        if (type.IsGenericType)
        {
            problems.Add(new DeclarationProblem(NetworkMustNotBeGeneric, null, null, type.Name));
        }
        if (type.IsStatic)
        {
            problems.Add(new DeclarationProblem(NetworkMustBePlainClass, null, null, type.Name, "static"));
        }
        else if (type.IsRecord)
        {
            problems.Add(new DeclarationProblem(NetworkMustBePlainClass, null, null, type.Name, "a record"));
        }
        // A struct, interface or enum gets the compiler's CS0592: [Network] is valid on classes only.
        bool allPartial = type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax syntax
            && syntax.Modifiers.Any(m => m.Text == "partial"));
        if (!allPartial)
        {
            problems.Add(new DeclarationProblem(NetworkMustBePartial, null, null, type.Name));
        }
    }

    internal static void CheckPositive(Argument<int> size, AttributeData attribute, string description, List<DeclarationProblem> problems)
    {
        if (size.Value <= 0)
        {
            string actual = size.IsExplicit ? size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not set";
            problems.Add(new DeclarationProblem(SizeMustBePositive, attribute, size.Name, description, actual));
        }
    }

    internal static void CheckDefined<TEnum>(Argument<TEnum> value, AttributeData attribute, string description, List<DeclarationProblem> problems)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(typeof(TEnum), value.Value))
        {
            string enumName = typeof(TEnum).Name.Replace("Kind", string.Empty);
            problems.Add(new DeclarationProblem(UndefinedEnumValue, attribute, value.Name,
                description, enumName, Convert.ToInt32(value.Value, System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", Enum.GetNames(typeof(TEnum)))));
        }
    }

    private static void CheckLossFitsOutput(NetworkDeclaration declaration, AttributeData network, List<DeclarationProblem> problems)
    {
        var output = (DenseDeclaration)declaration.Layers[declaration.Layers.Count - 1];
        ActivationKind activation = output.Activation.Value;
        int units = output.Units.Value;
        LossKind loss = declaration.Loss.Value;
        string outputName = $"the output layer (Dense layer {output.Position}, {units} units, {activation})";
        string? message = loss switch
        {
            LossKind.SoftmaxCrossEntropy when units < 2 =>
                $"Loss.SoftmaxCrossEntropy needs at least 2 outputs (one per class), but {outputName} has {units}; for a yes/no output use Loss.SigmoidCrossEntropy on 1 logit",
            LossKind.SoftmaxCrossEntropy when activation is not (ActivationKind.Identity or ActivationKind.Softmax) =>
                $"Loss.SoftmaxCrossEntropy takes logits, but {outputName} applies {activation}; declare the output layer with Activation.Identity (or Activation.Softmax)",
            LossKind.SigmoidCrossEntropy when activation != ActivationKind.Identity =>
                $"Loss.SigmoidCrossEntropy applies the sigmoid itself and takes logits, but {outputName} applies {activation}; declare the output layer with Activation.Identity, or use Loss.BinaryCrossEntropy with a Sigmoid output",
            LossKind.BinaryCrossEntropy when activation != ActivationKind.Sigmoid =>
                $"Loss.BinaryCrossEntropy takes probabilities from a sigmoid, but {outputName} applies {activation}; declare the output layer with Activation.Sigmoid, or use Loss.SigmoidCrossEntropy on logits",
            not LossKind.SoftmaxCrossEntropy when activation == ActivationKind.Softmax =>
                $"Activation.Softmax on {outputName} is only supported fused with Loss.SoftmaxCrossEntropy, but the loss is {loss}; set Loss = Loss.SoftmaxCrossEntropy",
            _ => null,
        };
        if (message is not null)
        {
            // On the Loss argument when the user wrote one; else on the output layer's activation, the other half of the mismatch.
            DeclarationProblem problem = declaration.Loss.IsExplicit
                ? new DeclarationProblem(LossDoesNotFitOutput, network, declaration.Loss.Name, message)
                : new DeclarationProblem(LossDoesNotFitOutput, output.Attribute, output.Activation.Name, message);
            problems.Add(problem);
        }
    }

    internal static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
