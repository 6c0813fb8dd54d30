using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Repeat;

/// <summary>One <c>[Repeat(count)]</c> attribute as written: the start of a group of layers declared <c>count</c> times.</summary>
internal sealed class RepeatDeclaration : LayerDeclaration
{
    public const string AttributeName = "NetGen.RepeatAttribute";

    public RepeatDeclaration(AttributeData attribute, int position)
        : base(attribute, position) => Count = new AttributeArguments(attribute).Positional(0, "count", 0);

    public override string Description => $"Repeat group {Position}";

    public Argument<int> Count { get; }

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems) =>
        ArgumentRules.Size(Count, Attribute, $"The count of {Description}", problems);
}

/// <summary>One <c>[EndRepeat]</c> attribute as written: the end of a group.</summary>
internal sealed class EndRepeatDeclaration : LayerDeclaration
{
    public const string AttributeName = "NetGen.EndRepeatAttribute";

    public EndRepeatDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    public override string Description => $"EndRepeat {Position}";
}
