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
        if (declaration.Layers.Count == 0)
        {
            problems.Add(new DeclarationProblem(NetworkHasNoLayers, network, null, declaration.Type.Name));
            return problems;
        }

        CheckPositive(declaration.Inputs, network, $"Inputs of network '{declaration.Type.Name}'", problems);
        CheckDefined(declaration.Loss, network, "Loss", problems);
        CheckDefined(declaration.Precision, network, "Precision", problems);
        foreach (DenseDeclaration layer in declaration.Layers)
        {
            CheckLayer(layer, problems);
        }
        if (problems.Any(p => p.IsError))
        {
            return problems;
        }
        CheckSize(declaration, problems);
        if (problems.Any(p => p.IsError))
        {
            return problems; // a network too large to count in an int (Repeat = int.MaxValue) must not reach the checks below
        }
        CheckSoftmaxPlacement(declaration, problems);
        CheckLossFitsOutput(declaration, network, problems);
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

    private static void CheckLayer(DenseDeclaration layer, List<DeclarationProblem> problems)
    {
        string name = $"Dense layer {layer.Position}";
        AttributeData attribute = layer.Attribute;
        CheckPositive(layer.Units, attribute, $"The units of {name}", problems);
        CheckPositive(layer.Repeat, attribute, $"Repeat of {name}", problems);
        CheckDefined(layer.Activation, attribute, $"The activation of {name}", problems);
        CheckDefined(layer.Init, attribute, $"Init of {name}", problems);
        CheckDefined(layer.BiasInit, attribute, $"BiasInit of {name}", problems);

        ActivationKind activation = layer.Activation.Value;
        CheckActivationParameter(layer.NegativeSlope, activation, ActivationKind.LeakyReLU, attribute, name,
            "a finite number (usually between 0 and 1)", value => !double.IsNaN(value) && !double.IsInfinity(value), problems);
        CheckActivationParameter(layer.Alpha, activation, ActivationKind.ELU, attribute, name,
            "a finite positive number", value => value > 0 && !double.IsInfinity(value), problems);
        CheckConstant(layer.InitValue, layer.Init.Value, attribute, name, "Init", problems);
        CheckConstant(layer.BiasInitValue, layer.BiasInit.Value, attribute, name, "BiasInit", problems);
    }

    private static void CheckActivationParameter(
        Argument<double> parameter, ActivationKind activation, ActivationKind owner, AttributeData attribute, string layerName,
        string validRange, Func<double, bool> isValid, List<DeclarationProblem> problems)
    {
        if (!parameter.IsExplicit)
        {
            return;
        }
        if (activation != owner)
        {
            problems.Add(new DeclarationProblem(ArgumentIsIgnored, attribute, parameter.Name,
                $"{parameter.Name} of {layerName}", $"its activation is {activation}, not {owner}", $"use Activation.{owner}"));
        }
        else if (!isValid(parameter.Value))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, parameter.Name,
                $"{parameter.Name} of {layerName}", Format(parameter.Value), validRange));
        }
    }

    private static void CheckConstant(Argument<double> value, InitKind init, AttributeData attribute, string layerName, string initName, List<DeclarationProblem> problems)
    {
        if (!value.IsExplicit)
        {
            return;
        }
        if (init != InitKind.Constant)
        {
            problems.Add(new DeclarationProblem(ArgumentIsIgnored, attribute, value.Name,
                $"{value.Name} of {layerName}", $"its {initName} is {init}, not Constant", $"set {initName} = Init.Constant"));
        }
        else if (double.IsNaN(value.Value) || double.IsInfinity(value.Value))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, value.Name, $"{value.Name} of {layerName}", Format(value.Value), "a finite number"));
        }
    }

    private static void CheckPositive(Argument<int> size, AttributeData attribute, string description, List<DeclarationProblem> problems)
    {
        if (size.Value <= 0)
        {
            string actual = size.IsExplicit ? size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not set";
            problems.Add(new DeclarationProblem(SizeMustBePositive, attribute, size.Name, description, actual));
        }
    }

    private static void CheckDefined<TEnum>(Argument<TEnum> value, AttributeData attribute, string description, List<DeclarationProblem> problems)
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

    private static void CheckSize(NetworkDeclaration declaration, List<DeclarationProblem> problems)
    {
        long layers = declaration.Layers.Sum(l => (long)l.Repeat.Value);
        if (layers > MaxLayers)
        {
            problems.Add(new DeclarationProblem(NetworkTooLarge, declaration.Network, null, declaration.Type.Name,
                $"it declares {layers} layers (Repeat included)", $"{MaxLayers} layers"));
            return;
        }
        long parameters = 0;
        long inputs = declaration.Inputs.Value;
        // Copy by copy (at most MaxLayers), stopping past the limit: each step adds less than 2^63 - 2^31, so the sum cannot overflow.
        foreach (DenseDeclaration layer in declaration.Layers)
        {
            long units = layer.Units.Value;
            for (int copy = 0; copy < layer.Repeat.Value && parameters <= int.MaxValue; copy++)
            {
                parameters += inputs * units + units; // the first copy reads the previous layer, later copies the copy before
                inputs = units;
            }
            inputs = units;
        }
        if (parameters > int.MaxValue)
        {
            problems.Add(new DeclarationProblem(NetworkTooLarge, declaration.Network, null, declaration.Type.Name,
                $"it has {parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} parameters", "2,147,483,647 parameters"));
        }
    }

    private static void CheckSoftmaxPlacement(NetworkDeclaration declaration, List<DeclarationProblem> problems)
    {
        int totalLayers = declaration.Layers.Sum(l => l.Repeat.Value);
        int firstNumber = 1;
        foreach (DenseDeclaration layer in declaration.Layers)
        {
            int lastNumber = firstNumber + layer.Repeat.Value - 1;
            if (layer.Activation.Value == ActivationKind.Softmax && firstNumber < totalLayers)
            {
                string where = layer.Repeat.Value > 1 && lastNumber == totalLayers
                    ? $"Repeat = {layer.Repeat.Value} makes layers {firstNumber} to {lastNumber - 1} hidden"
                    : $"layer {firstNumber} of {totalLayers}";
                problems.Add(new DeclarationProblem(SoftmaxMustBeOutput, layer.Attribute, layer.Activation.Name, $"Dense layer {layer.Position}", where));
            }
            firstNumber = lastNumber + 1;
        }
    }

    private static void CheckLossFitsOutput(NetworkDeclaration declaration, AttributeData network, List<DeclarationProblem> problems)
    {
        DenseDeclaration output = declaration.Layers[declaration.Layers.Count - 1];
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

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
