using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.PReLU;

/// <summary>One <c>[PReLU]</c> attribute as written, and its rules.</summary>
internal sealed class PReLUDeclaration : ComputedLayerDeclaration
{
    public const string AttributeName = "NetGen.PReLUAttribute";

    /// <summary>The default of <c>PReLUAttribute.InitialSlope</c> (He et al. 2015, PyTorch; a test ties them together).</summary>
    public const double DefaultInitialSlope = 0.25;

    public PReLUDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
        var arguments = new AttributeArguments(attribute);
        SharedSlope = arguments.Named("SharedSlope", false);
        InitialSlope = arguments.Named("InitialSlope", DefaultInitialSlope);
    }

    public override string Description => $"PReLU {Position}";

    public Argument<bool> SharedSlope { get; }

    public Argument<double> InitialSlope { get; }

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems) =>
        ArgumentRules.Number(InitialSlope, Attribute, $"InitialSlope of {Description}", "a finite number (usually between 0 and 1)", _ => true, precision, problems);

    public override Layer ToLayer(int number, Shape input) => new PReLULayer(number, input, SharedSlope.Value, InitialSlope.Value);
}
