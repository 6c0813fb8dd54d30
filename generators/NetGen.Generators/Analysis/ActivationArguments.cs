using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>The activation of a layer attribute with the arguments that go with it: <c>NegativeSlope</c> (LeakyReLU), <c>Alpha</c> (ELU).</summary>
internal sealed class ActivationArguments
{
    // The defaults of the DSL attributes' NegativeSlope and Alpha, as documented on them (a test ties them together).
    public const double DefaultNegativeSlope = 0.01;
    public const double DefaultAlpha = 1.0;

    public ActivationArguments(Argument<ActivationKind> activation, AttributeArguments arguments)
    {
        Activation = activation;
        NegativeSlope = arguments.Named("NegativeSlope", DefaultNegativeSlope);
        Alpha = arguments.Named("Alpha", DefaultAlpha);
    }

    public Argument<ActivationKind> Activation { get; }

    public Argument<double> NegativeSlope { get; }

    public Argument<double> Alpha { get; }

    public ActivationFunction Function => new(Activation.Value, Activation.Value switch
    {
        ActivationKind.LeakyReLU => NegativeSlope.Value,
        ActivationKind.ELU => Alpha.Value,
        _ => 0.0,
    });

    public void Check(AttributeData attribute, string layerName, PrecisionKind precision, List<DeclarationProblem> problems)
    {
        ArgumentRules.Defined(Activation, attribute, $"The activation of {layerName}", problems);
        CheckParameter(NegativeSlope, ActivationKind.LeakyReLU, attribute, layerName, "a finite number (usually between 0 and 1)", _ => true, precision, problems);
        CheckParameter(Alpha, ActivationKind.ELU, attribute, layerName, "a finite positive number", value => value > 0, precision, problems);
    }

    private void CheckParameter(
        Argument<double> parameter, ActivationKind owner, AttributeData attribute, string layerName, string validRange,
        System.Func<double, bool> isValid, PrecisionKind precision, List<DeclarationProblem> problems)
    {
        if (!parameter.IsExplicit)
        {
            return;
        }
        if (Activation.Value != owner)
        {
            problems.Add(new DeclarationProblem(ArgumentIsIgnored, attribute, parameter.Name,
                $"{parameter.Name} of {layerName}", $"its activation is {Activation.Value}, not {owner}", $"use Activation.{owner}"));
        }
        else
        {
            ArgumentRules.Number(parameter, attribute, $"{parameter.Name} of {layerName}", validRange, isValid, precision, problems);
        }
    }
}
