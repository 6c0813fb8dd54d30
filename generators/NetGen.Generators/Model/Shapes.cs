namespace NetGen.Generators.Model;

/// <summary>How the messages about a layer's input name shapes and the fixes that change them.</summary>
internal static class Shapes
{
    /// <summary>What to do when a layer that takes a vector reads an image.</summary>
    public const string ImageToVectorFix = "put [Flatten] (or [GlobalAveragePool]) before it to make the image a vector";

    /// <summary>What to do when a convolution or pooling reads something else than an image.</summary>
    public const string ImageFix =
        "declare Channels, Height and Width on [Network] for an image input, and put convolutions and poolings before any [Flatten], [GlobalAveragePool] or [Dense]";

    /// <summary>"a vector of 10 values", "a sequence of 7 steps of 6 features", "an image of 6x28x28 (channels x height x width)".</summary>
    public static string Describe(Shape shape) =>
        shape.IsSequence ? $"a sequence of {shape.Steps} steps of {shape.Features} features"
        : shape.IsImage ? $"an image of {shape} (channels x height x width)"
        : $"a vector of {shape.Features} values";
}
