using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Layers.Convolution;

/// <summary>One <c>[Conv2D(filters, kernelSize, activation)]</c> attribute as written, its rules, and the layer it declares.</summary>
internal sealed class Conv2DDeclaration : ComputedLayerDeclaration
{
    public const string AttributeName = "NetGen.Conv2DAttribute";

    // The defaults of Conv2DAttribute, as documented on it (a test ties them together).
    public const int DefaultStride = 1;
    public const int DefaultPaddingSize = -1;
    public const int DefaultDilation = 1;

    public Conv2DDeclaration(AttributeData attribute, int position)
        : base(attribute, position)
    {
        var arguments = new AttributeArguments(attribute);
        Filters = arguments.Positional(0, "filters", 0);
        KernelSize = arguments.Positional(1, "kernelSize", 0);
        Activation = new ActivationArguments(arguments.PositionalEnum(2, "activation", ActivationKind.Identity), arguments);
        // As a dense layer's (DenseDeclaration): Glorot uniform (Keras's Conv2D default), LeCun normal for SELU.
        InitKind defaultInit = Activation.Activation.Value == ActivationKind.SELU ? InitKind.LeCunNormal : InitKind.GlorotUniform;
        Init = new InitializerArguments(arguments, "Init", defaultInit, isMatrix: true, isKernel: true);
        BiasInit = new InitializerArguments(arguments, "BiasInit", InitKind.Zeros, isMatrix: false);
        UseBias = arguments.Named("UseBias", true);
        Stride = arguments.Named("Stride", DefaultStride);
        Padding = arguments.NamedEnum("Padding", PaddingKind.Valid);
        PaddingSize = arguments.Named("PaddingSize", DefaultPaddingSize);
        Dilation = arguments.Named("Dilation", DefaultDilation);
    }

    public override string Description => $"Conv2D layer {Position}";

    public Argument<int> Filters { get; }

    public Argument<int> KernelSize { get; }

    public ActivationArguments Activation { get; }

    public InitializerArguments Init { get; }

    public InitializerArguments BiasInit { get; }

    public Argument<bool> UseBias { get; }

    public Argument<int> Stride { get; }

    public Argument<PaddingKind> Padding { get; }

    /// <summary>Explicit symmetric padding; −1 (the default) for <see cref="Padding"/>'s.</summary>
    public Argument<int> PaddingSize { get; }

    public Argument<int> Dilation { get; }

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems)
    {
        ArgumentRules.Size(Filters, Attribute, $"The filters of {Description}", problems);
        ArgumentRules.Size(KernelSize, Attribute, $"The kernel size of {Description}", problems);
        ArgumentRules.Size(Stride, Attribute, $"Stride of {Description}", problems);
        ArgumentRules.Size(Dilation, Attribute, $"Dilation of {Description}", problems);
        ArgumentRules.Defined(Padding, Attribute, $"Padding of {Description}", problems);
        Activation.Check(Attribute, Description, precision, problems);
        Init.Check(Attribute, Description, precision, problems);
        BiasInit.Check(Attribute, Description, precision, problems);
        if (!UseBias.Value && BiasInit.Kind.IsExplicit)
        {
            problems.Add(new DeclarationProblem(ArgumentIsIgnored, Attribute, BiasInit.Kind.Name,
                $"BiasInit of {Description}", "UseBias is false", "set UseBias = true"));
        }
        if (PaddingSize.IsExplicit && PaddingSize.Value < -1)
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, Attribute, PaddingSize.Name, $"PaddingSize of {Description}",
                PaddingSize.Value.ToString(CultureInfo.InvariantCulture), "0 or more: the zeros added on every side (−1, the default, uses Padding)"));
        }
        if (PaddingSize.Value >= 0 && Padding.IsExplicit)
        {
            problems.Add(new DeclarationProblem(ArgumentIsIgnored, Attribute, Padding.Name, $"Padding of {Description}",
                "PaddingSize overrides it", "remove one of the two"));
        }
        else if (Padding.Value == PaddingKind.Same && PaddingSize.Value < 0 && Stride.Value > 1)
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, Attribute, Stride.Name, $"Stride of {Description}",
                Stride.Value.ToString(CultureInfo.InvariantCulture),
                "1 with Padding.Same, as PyTorch's padding='same' (with a larger stride the output is not the input's size); set PaddingSize for explicit padding"));
        }
    }

    /// <summary>The zeros added before and after on each axis: <c>PaddingSize</c> on both sides, or 'same''s dilation·(k − 1) with the odd one after.</summary>
    private (int Before, int After) Pads
    {
        get
        {
            if (PaddingSize.Value >= 0)
            {
                return (PaddingSize.Value, PaddingSize.Value);
            }
            if (Padding.Value != PaddingKind.Same)
            {
                return (0, 0);
            }
            long total = System.Math.Min(int.MaxValue, (long)System.Math.Max(1, Dilation.Value) * (System.Math.Max(1, KernelSize.Value) - 1));
            return ((int)(total / 2), (int)(total - total / 2));
        }
    }

    public override Layer ToLayer(int number, Shape input)
    {
        (int before, int after) = Pads;
        int kernel = System.Math.Max(1, KernelSize.Value);
        int filters = System.Math.Max(1, Filters.Value);
        var height = new ImageAxis(input.IsImage ? input.Height : 1, kernel, System.Math.Max(1, Stride.Value), System.Math.Max(1, Dilation.Value), before, after);
        var width = height with { Size = input.IsImage ? input.Width : 1 };
        int channels = System.Math.Max(1, input.Features);
        Initializer weights = Init.Kind.Value == InitKind.DeltaOrthogonal
            ? new DeltaOrthogonalInitializer(Init.Gain.Value, filters, channels, kernel)
            : Init.ToInitializer();
        return new Conv2DLayer(number, input, Shape.Image(filters, height.Output, width.Output), height, width,
            Activation.Function, weights, UseBias.Value ? BiasInit.ToInitializer() : null);
    }

    public override void CheckInput(Layer layer, string from, List<DeclarationProblem> problems)
    {
        var conv = (Conv2DLayer)layer;
        if (conv.Height.LongOutput > 0 && conv.Width.LongOutput > 0)
        {
            return;
        }
        string window = $"kernel {conv.Kernel}"
                        + (conv.Dilation > 1 ? $", dilation {conv.Dilation}" : "")
                        + (conv.Height.Before + conv.Height.After > 0 ? $", padding {conv.Height.Before}+{conv.Height.After}" : "");
        // On the dilation when the kernel alone would have fitted, else on the kernel size.
        bool dilationAtFault = Dilation.IsExplicit && conv.Dilation > 1
            && conv.Height.Size + conv.Height.Before + conv.Height.After >= conv.Kernel && conv.Width.Size + conv.Width.Before + conv.Width.After >= conv.Kernel;
        problems.Add(new DeclarationProblem(ImageTooSmall, Attribute, dilationAtFault ? Dilation.Name : KernelSize.Name,
            Description, window, $"{conv.Height.SmallestInput}x{conv.Width.SmallestInput}", from, conv.Input.ToString(),
            "use a smaller kernel or dilation, pad (Padding = Padding.Same or PaddingSize), or pool less before it"));
    }
}
