using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Layers.Convolution;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Layers.Pooling;

/// <summary>One <c>[MaxPool2D(size)]</c> or <c>[AvgPool2D(size)]</c> attribute as written, its rules, and the layer it declares.</summary>
internal sealed class Pool2DDeclaration : ComputedLayerDeclaration
{
    public const string MaxAttributeName = "NetGen.MaxPool2DAttribute";
    public const string AverageAttributeName = "NetGen.AvgPool2DAttribute";

    /// <summary>The default of Pool2DAttribute.Stride: not set, the window's size (a test ties them together).</summary>
    public const int DefaultStride = 0;

    public Pool2DDeclaration(AttributeData attribute, int position, LayerKind kind)
        : base(attribute, position)
    {
        Kind = kind;
        var arguments = new AttributeArguments(attribute);
        Size = arguments.Positional(0, "size", 0);
        Stride = arguments.Named("Stride", DefaultStride);
    }

    /// <summary><see cref="LayerKind.MaxPool2D"/> or <see cref="LayerKind.AvgPool2D"/>.</summary>
    public LayerKind Kind { get; }

    public override string Description => $"{Kind} layer {Position}";

    public Argument<int> Size { get; }

    /// <summary>The stride as written; 0 (not set) for the window's size.</summary>
    public Argument<int> Stride { get; }

    private int EffectiveStride => Stride.IsExplicit ? Stride.Value : Size.Value;

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems)
    {
        ArgumentRules.Size(Size, Attribute, $"The size of {Description}", problems);
        if (Stride.IsExplicit)
        {
            ArgumentRules.Size(Stride, Attribute, $"Stride of {Description}", problems);
        }
    }

    public override Layer ToLayer(int number, Shape input)
    {
        int size = System.Math.Max(1, Size.Value);
        var height = new ImageAxis(input.IsImage ? input.Height : 1, size, System.Math.Max(1, EffectiveStride), 1, 0, 0);
        var width = height with { Size = input.IsImage ? input.Width : 1 };
        return new Pool2DLayer(number, input, Shape.Image(System.Math.Max(1, input.Channels), height.Output, width.Output), Kind, height, width);
    }

    public override void CheckInput(Layer layer, string from, List<DeclarationProblem> problems)
    {
        var pool = (Pool2DLayer)layer;
        string window = pool.Stride == pool.Size ? $"window {pool.Size}" : $"window {pool.Size}, stride {pool.Stride}";
        if (pool.Height.LongOutput == 0 || pool.Width.LongOutput == 0)
        {
            problems.Add(new DeclarationProblem(ImageTooSmall, Attribute, Size.Name, Description, window,
                $"{pool.Size}x{pool.Size}", from, pool.Input.ToString(), "use a smaller window, or pad the convolution before it"));
            return;
        }
        long rows = pool.Height.Dropped, columns = pool.Width.Dropped;
        if (rows == 0 && columns == 0)
        {
            return;
        }
        string dropped = rows > 0 && columns > 0 ? $"{Plural(rows, "row")} and {Plural(columns, "column")}" : rows > 0 ? Plural(rows, "row") : Plural(columns, "column");
        var because = new List<string>();
        if (rows > 0)
        {
            because.Add($"{pool.Height.Size} − {pool.Size} is not a multiple of {pool.Stride}");
        }
        if (columns > 0 && (rows == 0 || pool.Width.Size != pool.Height.Size))
        {
            because.Add($"{pool.Width.Size} − {pool.Size} is not a multiple of {pool.Stride}");
        }
        problems.Add(new DeclarationProblem(PoolDoesNotTile, Attribute, Stride.IsExplicit ? Stride.Name : Size.Name, Description, window, dropped,
            from, pool.Input.ToString(), string.Join(" and ", because),
            "make the input's height and width the window plus a multiple of the stride (pad the convolution before it), or change the window or the stride"));
    }

    private static string Plural(long count, string what) => count == 1 ? what : $"{count} {what}s";
}
