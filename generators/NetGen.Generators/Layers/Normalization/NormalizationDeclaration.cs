using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Normalization;

/// <summary>One <c>[BatchNorm]</c> or <c>[LayerNorm]</c> attribute as written, and its rules.</summary>
internal sealed class NormalizationDeclaration : ComputedLayerDeclaration
{
    public const string BatchNormAttributeName = "NetGen.BatchNormAttribute";
    public const string LayerNormAttributeName = "NetGen.LayerNormAttribute";

    // The defaults of the DSL attributes, as documented on them (a test ties them together).
    public const double DefaultMomentum = 0.1;
    public const double DefaultEpsilon = 1e-5;

    public NormalizationDeclaration(AttributeData attribute, int position, LayerKind kind)
        : base(attribute, position)
    {
        Kind = kind;
        var arguments = new AttributeArguments(attribute);
        Activation = new ActivationArguments(arguments.NamedEnum("Activation", ActivationKind.Identity), arguments);
        Epsilon = arguments.Named("Epsilon", DefaultEpsilon);
        Momentum = arguments.Named("Momentum", DefaultMomentum);
    }

    /// <summary><see cref="LayerKind.BatchNorm"/> or <see cref="LayerKind.LayerNorm"/>.</summary>
    public LayerKind Kind { get; }

    public override string Description => $"{Kind} {Position}";

    public ActivationArguments Activation { get; }

    public Argument<double> Epsilon { get; }

    /// <summary>BatchNorm only.</summary>
    public Argument<double> Momentum { get; }

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems)
    {
        Activation.Check(Attribute, Description, precision, problems);
        ArgumentRules.Number(Epsilon, Attribute, $"Epsilon of {Description}", "a finite positive number, such as the default 1e-5", v => v > 0, precision, problems);
        if (Kind == LayerKind.BatchNorm)
        {
            ArgumentRules.Number(Momentum, Attribute, $"Momentum of {Description}",
                "in (0, 1]: the weight of each batch in the running statistics (default 0.1)", v => v > 0 && v <= 1, precision, problems);
        }
    }

    public override Layer ToLayer(int number, Shape input) => Kind == LayerKind.BatchNorm
        ? new BatchNormLayer(number, input, Activation.Function, Epsilon.Value, Momentum.Value)
        : new LayerNormLayer(number, input, Activation.Function, Epsilon.Value);
}
