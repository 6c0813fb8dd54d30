using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Flatten;

/// <summary>One <c>[Flatten]</c> attribute: it has no arguments.</summary>
internal sealed class FlattenDeclaration : ComputedLayerDeclaration
{
    public const string AttributeName = "NetGen.FlattenAttribute";

    public FlattenDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    public override string Description => $"Flatten {Position}";

    public override Layer ToLayer(int number, Shape input) => new FlattenLayer(number, input);
}
