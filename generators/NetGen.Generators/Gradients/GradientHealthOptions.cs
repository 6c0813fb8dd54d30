using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The thresholds of the gradient rules, from <c>.editorconfig</c> (or a global config), per file:
/// <c>netgen.gradient.vanishing_threshold</c>, <c>netgen.gradient.exploding_threshold</c>, <c>netgen.gradient.narrow_relu_typical_gradient</c>;
/// else from the MSBuild properties <c>NetGenVanishingThreshold</c>, <c>NetGenExplodingThreshold</c>, <c>NetGenNarrowReLUTypicalGradient</c>
/// (made visible to the compiler by the package's <c>buildTransitive/NetGen.props</c>).
/// </summary>
internal sealed record GradientHealthOptions(double VanishingThreshold, double ExplodingThreshold, double NarrowReLUTypicalGradient)
{
    public const string VanishingKey = "netgen.gradient.vanishing_threshold";
    public const string ExplodingKey = "netgen.gradient.exploding_threshold";
    public const string NarrowReLUKey = "netgen.gradient.narrow_relu_typical_gradient";

    /// <summary>
    /// The first layer's gradient below 1e-3 of the output layer's (AutoTrainer's ratio), above 1e3 (BTTackler's); a typical
    /// narrow ReLU network's first-layer gradient below 1/10 of the mean-field prediction (an order of magnitude: the
    /// prediction no longer describes a network one builds).
    /// </summary>
    public static GradientHealthOptions Default { get; } = new(1e-3, 1e3, 0.1);

    /// <summary>The options in force for a declaration in <paramref name="tree"/> (the defaults when it has none).</summary>
    public static GradientHealthOptions For(AnalyzerConfigOptionsProvider provider, Microsoft.CodeAnalysis.SyntaxTree? tree) =>
        tree is null ? Default : Read(provider.GetOptions(tree), provider.GlobalOptions);

    private static GradientHealthOptions Read(AnalyzerConfigOptions file, AnalyzerConfigOptions global) => new(
        Positive(file, VanishingKey, Positive(global, "build_property.NetGenVanishingThreshold", Default.VanishingThreshold)),
        Positive(file, ExplodingKey, Positive(global, "build_property.NetGenExplodingThreshold", Default.ExplodingThreshold)),
        Positive(file, NarrowReLUKey, Positive(global, "build_property.NetGenNarrowReLUTypicalGradient", Default.NarrowReLUTypicalGradient)));

    /// <summary>The configured value when it is a positive number; the fallback otherwise (a typo must not silence a rule).</summary>
    private static double Positive(AnalyzerConfigOptions options, string key, double fallback) =>
        options.TryGetValue(key, out string? text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && !double.IsInfinity(value)
            ? value
            : fallback;
}
