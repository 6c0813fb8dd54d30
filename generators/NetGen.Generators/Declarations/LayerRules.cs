using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Model;
using static NetGen.Generators.Declarations.DeclarationValidator;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Declarations;

/// <summary>The rules on each layer attribute's own arguments.</summary>
internal static class LayerRules
{
    public static void Check(LayerDeclaration layer, List<DeclarationProblem> problems)
    {
        string name = layer.Description;
        AttributeData attribute = layer.Attribute;
        switch (layer)
        {
            case DenseDeclaration dense:
                CheckPositive(dense.Units, attribute, $"The units of {name}", problems);
                CheckPositive(dense.Repeat, attribute, $"Repeat of {name}", problems);
                CheckDefined(dense.Init, attribute, $"Init of {name}", problems);
                CheckDefined(dense.BiasInit, attribute, $"BiasInit of {name}", problems);
                CheckConstant(dense.InitValue, dense.Init.Value, attribute, name, "Init", problems);
                CheckConstant(dense.BiasInitValue, dense.BiasInit.Value, attribute, name, "BiasInit", problems);
                break;
            case NormalizationDeclaration normalization:
                CheckEpsilonAndMomentum(normalization, problems);
                break;
            case ResidualDeclaration block:
                CheckPositive(block.Repeat, attribute, $"Repeat of {name}", problems);
                break;
        }
        if (layer is ActivatedDeclaration activated)
        {
            CheckActivation(activated, problems);
        }
    }

    private static void CheckActivation(ActivatedDeclaration layer, List<DeclarationProblem> problems)
    {
        string name = layer.Description;
        CheckDefined(layer.Activation, layer.Attribute, $"The activation of {name}", problems);
        ActivationKind activation = layer.Activation.Value;
        CheckActivationParameter(layer.NegativeSlope, activation, ActivationKind.LeakyReLU, layer.Attribute, name,
            "a finite number (usually between 0 and 1)", value => !double.IsNaN(value) && !double.IsInfinity(value), problems);
        CheckActivationParameter(layer.Alpha, activation, ActivationKind.ELU, layer.Attribute, name,
            "a finite positive number", value => value > 0 && !double.IsInfinity(value), problems);
    }

    private static void CheckEpsilonAndMomentum(NormalizationDeclaration layer, List<DeclarationProblem> problems)
    {
        double epsilon = layer.Epsilon.Value;
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, layer.Attribute, layer.Epsilon.Name,
                $"Epsilon of {layer.Description}", Format(epsilon), "a finite positive number, such as the default 1e-5"));
        }
        if (layer.Kind == LayerKind.LayerNorm)
        {
            return; // LayerNormAttribute has no momentum
        }
        double momentum = layer.Momentum.Value;
        if (!(momentum > 0 && momentum <= 1))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, layer.Attribute, layer.Momentum.Name,
                $"Momentum of {layer.Description}", Format(momentum), "in (0, 1]: the weight of each batch in the running statistics (default 0.1)"));
        }
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
}
