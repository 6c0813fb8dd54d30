using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Residual;

/// <summary>One <c>[Residual]</c> attribute as written: the start of a block (or of <c>Repeat</c> identical blocks).</summary>
internal sealed class ResidualDeclaration : LayerDeclaration
{
    public const string AttributeName = "NetGen.ResidualAttribute";

    public ResidualDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
        var arguments = new AttributeArguments(attribute);
        Repeat = arguments.Named("Repeat", 1);
        Projection = arguments.Named("Projection", true);
    }

    public override string Description => $"Residual block {Position}";

    public Argument<int> Repeat { get; }

    public Argument<bool> Projection { get; }

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems) =>
        ArgumentRules.Size(Repeat, Attribute, $"Repeat of {Description}", problems);
}

/// <summary>One <c>[EndResidual]</c> attribute as written: the end of a block, where the skip is added.</summary>
internal sealed class EndResidualDeclaration : LayerDeclaration
{
    public const string AttributeName = "NetGen.EndResidualAttribute";

    public EndResidualDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
        var arguments = new AttributeArguments(attribute);
        Activation = new ActivationArguments(arguments.NamedEnum("Activation", ActivationKind.Identity), arguments);
    }

    public override string Description => $"EndResidual {Position}";

    public ActivationArguments Activation { get; }

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems) =>
        Activation.Check(Attribute, Description, precision, problems);

    /// <summary>The layer that ends a block whose input is layer <paramref name="skipFrom"/>'s output (<paramref name="skip"/>) and whose branch outputs <paramref name="branch"/>.</summary>
    public ResidualLayer ToLayer(int number, Shape skip, Shape branch, int skipFrom) =>
        new(number, skip, branch, Activation.Function, skipFrom);
}
