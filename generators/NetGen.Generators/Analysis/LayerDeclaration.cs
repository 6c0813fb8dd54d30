using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Model;

namespace NetGen.Generators.Analysis;

/// <summary>One layer attribute as written, before validation. It holds the attribute, so it lives only within one analysis.</summary>
internal abstract class LayerDeclaration
{
    protected LayerDeclaration(AttributeData attribute, int position)
    {
        Attribute = attribute;
        Position = position;
    }

    public AttributeData Attribute { get; }

    /// <summary>The 1-based position among the class's attributes of the same kind (the second <c>[Dense]</c> is 2).</summary>
    public int Position { get; }

    /// <summary>How messages name it: <c>Dense layer 2</c>, <c>BatchNorm 1</c>, <c>Residual block 1</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Adds the problems of the attribute's own arguments.</summary>
    public virtual void Check(PrecisionKind precision, List<DeclarationProblem> problems)
    {
    }
}

/// <summary>A layer attribute that becomes layers of the network (<c>[Dense]</c>, <c>[BatchNorm]</c>, …), as opposed to a block's start or end.</summary>
internal abstract class ComputedLayerDeclaration : LayerDeclaration
{
    protected ComputedLayerDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
    }

    /// <summary>How many identical layers it declares, one after another.</summary>
    public virtual int Copies => 1;

    /// <summary>The layer it declares at <paramref name="number"/>, reading <paramref name="input"/> (offsets are set by the caller).</summary>
    public abstract Layer ToLayer(int number, Shape input);

    /// <summary>
    /// Adds the problems of <paramref name="layer"/> (the one it declared) with the sizes of its input, which it takes:
    /// an image too small for a kernel, a pooling that does not tile. <paramref name="from"/> names what gives the input
    /// (<c>the network's input</c>, <c>layer 2 (MaxPool2D)</c>).
    /// </summary>
    public virtual void CheckInput(Layer layer, string from, List<DeclarationProblem> problems)
    {
    }
}
