using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Dense;

/// <summary>One <c>[Dense(units, activation)]</c> attribute as written, its rules, and the layers it declares.</summary>
internal sealed class DenseDeclaration : ComputedLayerDeclaration
{
    public const string AttributeName = "NetGen.DenseAttribute";

    public DenseDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
        var arguments = new AttributeArguments(attribute);
        Units = arguments.Positional(0, "units", 0);
        Activation = new ActivationArguments(arguments.PositionalEnum(1, "activation", ActivationKind.Identity), arguments);
        // SELU's default initializer is LeCun normal, the pairing that makes it self-normalizing.
        InitKind defaultInit = Activation.Activation.Value == ActivationKind.SELU ? InitKind.LeCunNormal : InitKind.GlorotUniform;
        Init = new InitializerArguments(arguments, "Init", defaultInit, isMatrix: true);
        BiasInit = new InitializerArguments(arguments, "BiasInit", InitKind.Zeros, isMatrix: false);
        UseBias = arguments.Named("UseBias", true);
        Repeat = arguments.Named("Repeat", 1);
    }

    public override string Description => $"Dense layer {Position}";

    public Argument<int> Units { get; }

    public ActivationArguments Activation { get; }

    public InitializerArguments Init { get; }

    public InitializerArguments BiasInit { get; }

    public Argument<bool> UseBias { get; }

    public Argument<int> Repeat { get; }

    public override int Copies => Repeat.Value;

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems)
    {
        ArgumentRules.Size(Units, Attribute, $"The units of {Description}", problems);
        ArgumentRules.Size(Repeat, Attribute, $"Repeat of {Description}", problems);
        Activation.Check(Attribute, Description, precision, problems);
        Init.Check(Attribute, Description, precision, problems);
        BiasInit.Check(Attribute, Description, precision, problems);
        if (!UseBias.Value && BiasInit.Kind.IsExplicit)
        {
            problems.Add(new DeclarationProblem(Diagnostics.DiagnosticDescriptors.ArgumentIsIgnored, Attribute, BiasInit.Kind.Name,
                $"BiasInit of {Description}", "UseBias is false", "set UseBias = true"));
        }
    }

    public override Layer ToLayer(int number, Shape input) => new DenseLayer(
        number, input, new Shape(Units.Value, input.Steps), Activation.Function, Init.ToInitializer(), UseBias.Value ? BiasInit.ToInitializer() : null);
}
