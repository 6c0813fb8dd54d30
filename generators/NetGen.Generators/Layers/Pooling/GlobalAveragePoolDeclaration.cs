using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Pooling;

/// <summary>One <c>[GlobalAveragePool]</c> attribute: it has no arguments.</summary>
internal sealed class GlobalAveragePoolDeclaration : ComputedLayerDeclaration
{
    public const string AttributeName = "NetGen.GlobalAveragePoolAttribute";

    public GlobalAveragePoolDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    public override string Description => $"GlobalAveragePool {Position}";

    public override Layer ToLayer(int number, Shape input) => new GlobalAveragePoolLayer(number, input);
}
