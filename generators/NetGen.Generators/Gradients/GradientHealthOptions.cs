using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The thresholds of the gradient rules, from <c>.editorconfig</c> (or a global config), per file; else from the MSBuild
/// property named beside each key (made visible to the compiler by the package's <c>buildTransitive/NetGen.props</c>).
/// The vanishing and exploding ladders are factors between the speeds of learning of the first and the last hidden dense
/// layers: a note from the note factor on (NG0108, NG0109), the warning from the warning factor on (NG0101, NG0102).
/// </summary>
/// <param name="VanishingNoteFactor"><c>netgen.gradient.vanishing_note_factor</c>, <c>NetGenVanishingNoteFactor</c>: NG0108 when the first hidden layer learns at least this many times slower than the last.</param>
/// <param name="VanishingWarningFactor"><c>netgen.gradient.vanishing_warning_factor</c>, <c>NetGenVanishingWarningFactor</c>: NG0101 from this factor on.</param>
/// <param name="ExplodingNoteFactor"><c>netgen.gradient.exploding_note_factor</c>, <c>NetGenExplodingNoteFactor</c>: NG0109 when the first hidden layer learns at least this many times faster than the last.</param>
/// <param name="ExplodingWarningFactor"><c>netgen.gradient.exploding_warning_factor</c>, <c>NetGenExplodingWarningFactor</c>: NG0102 from this factor on.</param>
/// <param name="NarrowReLUTypicalGradient"><c>netgen.gradient.narrow_relu_typical_gradient</c>, <c>NetGenNarrowReLUTypicalGradient</c>: NG0104 when a typical narrow ReLU network's first-layer gradient, for one input, is below this fraction of the mean-field prediction.</param>
/// <param name="NarrowReLUDeadProbability"><c>netgen.gradient.narrow_relu_dead_probability</c>, <c>NetGenNarrowReLUDeadProbability</c>: NG0104 too when a narrow ReLU network is dead for an input (a layer all zeros) with at least this probability.</param>
/// <param name="RecurrentFirstStepGradient"><c>netgen.gradient.recurrent_first_step_gradient</c>, <c>NetGenRecurrentFirstStepGradient</c>: NG0110 when a recurrent layer's predicted dLoss/dh at the first step is below this fraction of the last step's.</param>
/// <param name="RecurrentHorizonFraction"><c>netgen.gradient.recurrent_horizon_fraction</c>, <c>NetGenRecurrentHorizonFraction</c>: NG0110 too when a SimpleRNN's e-fold memory horizon is below this fraction of its sequence.</param>
/// <param name="RecurrentExplodingFactor"><c>netgen.gradient.recurrent_exploding_factor</c>, <c>NetGenRecurrentExplodingFactor</c>: NG0111 when it is above this many times the last step's.</param>
internal sealed record GradientHealthOptions(
    double VanishingNoteFactor, double VanishingWarningFactor, double ExplodingNoteFactor, double ExplodingWarningFactor, double NarrowReLUTypicalGradient,
    double NarrowReLUDeadProbability, double RecurrentFirstStepGradient = GradientHealthOptions.DefaultRecurrentFirstStepGradient,
    double RecurrentHorizonFraction = GradientHealthOptions.DefaultRecurrentHorizonFraction,
    double RecurrentExplodingFactor = GradientHealthOptions.DefaultRecurrentExplodingFactor)
{
    /// <summary>
    /// 1e-6, from the recurrent sample's runs (samples/NetGen.Samples.Recurrent): an LSTM or GRU can learn a longer memory
    /// through its gates, so a short horizon at initialization alone does not stop it. Row-by-row MNIST's LSTM(128) (8e-4)
    /// and GRU(128) (2.4e-6), which reach 98.9 % and 98.8 %, stay silent; the copy task's LSTM with forget bias 1 (8.7e-7), which stays
    /// at the memoryless baseline, fires, as does the adding problem's LSTM at T = 100 (7e-9), which learns it only partly;
    /// the chrono LSTM on the copy task (7.7e-4), which learns it, does not.
    /// </summary>
    public const double DefaultRecurrentFirstStepGradient = 1e-6;

    /// <summary>
    /// 0.5: a SimpleRNN has no gate to lengthen its memory, and the adding problem's tanh SimpleRNN (horizon 18 steps over
    /// 100, a first-step gradient of 0.005) stays at the baseline while Le et al.'s IRNN (96 over 100) learns it.
    /// </summary>
    public const double DefaultRecurrentHorizonFraction = 0.5;

    /// <summary>10: Le et al.'s IRNN (identity ReLU recurrence, which trains) stays within a few times; a gain of 1.5 grows past it within a few dozen steps.</summary>
    public const double DefaultRecurrentExplodingFactor = 10;

    public const string RecurrentFirstStepKey = "netgen.gradient.recurrent_first_step_gradient";
    public const string RecurrentExplodingKey = "netgen.gradient.recurrent_exploding_factor";
    public const string RecurrentHorizonKey = "netgen.gradient.recurrent_horizon_fraction";

    public const string VanishingNoteKey = "netgen.gradient.vanishing_note_factor";
    public const string VanishingWarningKey = "netgen.gradient.vanishing_warning_factor";
    public const string ExplodingNoteKey = "netgen.gradient.exploding_note_factor";
    public const string ExplodingWarningKey = "netgen.gradient.exploding_warning_factor";
    public const string NarrowReLUKey = "netgen.gradient.narrow_relu_typical_gradient";
    public const string NarrowReLUDeadKey = "netgen.gradient.narrow_relu_dead_probability";

    /// <summary>
    /// Calibrated on the corpus of published networks (tests/NetGen.Tests/Corpus, docs/gradient-analysis.md): notes from
    /// 10x either way; the vanishing warning from 20x (Nielsen's [784,30,30,30,10], the book's first vanishing example,
    /// measures 24x; the critical tanh network of Schoenholz et al. 2017, which trains, 12x), the exploding warning from 50x
    /// (ResNet-34, which trains, 28x; Yang et al.'s 50-layer batch-normalized tanh stack, which explodes, 110x); NG0104
    /// when a typical narrow ReLU network's first-layer gradient is below 1/100 of the mean-field prediction (Sussillo &amp;
    /// Abbott's 200 layers of 100, which train: 1/13; AutoTrainer's 15 and 16 layers of 5, which die: below 1/1000), or
    /// when the network is dead for one input in ten or more (Lu et al. 2019; AutoTrainer's 15 layers of 5: 38 %).
    /// </summary>
    public static GradientHealthOptions Default { get; } = new(10, 20, 10, 50, 0.01, 0.1);

    /// <summary>The options in force for a declaration in <paramref name="tree"/> (the defaults when it has none).</summary>
    public static GradientHealthOptions For(AnalyzerConfigOptionsProvider provider, Microsoft.CodeAnalysis.SyntaxTree? tree) =>
        tree is null ? Default : Read(provider.GetOptions(tree), provider.GlobalOptions);

    private static GradientHealthOptions Read(AnalyzerConfigOptions file, AnalyzerConfigOptions global) => new(
        Factor(file, VanishingNoteKey, Factor(global, "build_property.NetGenVanishingNoteFactor", Default.VanishingNoteFactor)),
        Factor(file, VanishingWarningKey, Factor(global, "build_property.NetGenVanishingWarningFactor", Default.VanishingWarningFactor)),
        Factor(file, ExplodingNoteKey, Factor(global, "build_property.NetGenExplodingNoteFactor", Default.ExplodingNoteFactor)),
        Factor(file, ExplodingWarningKey, Factor(global, "build_property.NetGenExplodingWarningFactor", Default.ExplodingWarningFactor)),
        Positive(file, NarrowReLUKey, Positive(global, "build_property.NetGenNarrowReLUTypicalGradient", Default.NarrowReLUTypicalGradient)),
        Positive(file, NarrowReLUDeadKey, Positive(global, "build_property.NetGenNarrowReLUDeadProbability", Default.NarrowReLUDeadProbability)),
        Positive(file, RecurrentFirstStepKey, Positive(global, "build_property.NetGenRecurrentFirstStepGradient", Default.RecurrentFirstStepGradient)),
        Positive(file, RecurrentHorizonKey, Positive(global, "build_property.NetGenRecurrentHorizonFraction", Default.RecurrentHorizonFraction)),
        Factor(file, RecurrentExplodingKey, Factor(global, "build_property.NetGenRecurrentExplodingFactor", Default.RecurrentExplodingFactor)));

    /// <summary>The configured value when it is a number of at least 1 (a factor below 1 would flag every network); the fallback otherwise.</summary>
    private static double Factor(AnalyzerConfigOptions options, string key, double fallback) =>
        Positive(options, key, fallback) is double value && value >= 1 ? value : fallback;

    /// <summary>The configured value when it is a positive number; the fallback otherwise (a typo must not silence a rule).</summary>
    private static double Positive(AnalyzerConfigOptions options, string key, double fallback) =>
        options.TryGetValue(key, out string? text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && !double.IsInfinity(value)
            ? value
            : fallback;
}
