using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Dropout;

/// <summary>One <c>[Dropout(rate)]</c> attribute as written, and its rules.</summary>
internal sealed class DropoutDeclaration : ComputedLayerDeclaration
{
    public const string AttributeName = "NetGen.DropoutAttribute";

    public DropoutDeclaration(AttributeData attribute, int position)
        : base(attribute, position) => Rate = new AttributeArguments(attribute).Positional(0, "rate", 0.0);

    public override string Description => $"Dropout {Position}";

    public Argument<double> Rate { get; }

    // The rate reaches the kernels as a double, whatever the network's precision.
    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems) =>
        ArgumentRules.Number(Rate, Attribute, $"The rate of {Description}", "in [0, 1): the probability that a value is dropped",
            v => v >= 0 && v < 1, PrecisionKind.Double, problems);

    public override Layer ToLayer(int number, Shape input) => new DropoutLayer(number, input, Rate.Value);
}
