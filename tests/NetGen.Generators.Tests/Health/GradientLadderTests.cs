using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Analyzers;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The vanishing/exploding ladder (NG0108 note, NG0101 warning; NG0109 note, NG0102 warning) on networks whose verdict is
/// published, and each level configured. The quantity is Nielsen's speed of learning: the first hidden dense layer's
/// ∂loss/∂z per unit against the last hidden layer's. The expected factors are derived apart from the model's code (closed
/// forms, or Simpson's rule over ±12σ on the mean-field recursion written separately).
/// </summary>
public class GradientLadderTests
{
    // Nielsen, Neural Networks and Deep Learning, ch. 5: [784,30,30,30,30,10], sigmoid, N(0, 1/fan_in) weights, N(0, 1)
    // biases, MNIST inputs: speeds of learning 0.003, 0.017, 0.070, 0.285 at initialization, "the first hidden layer is
    // learning roughly 100 times slower than the final hidden layer" (measured here by the sample: 89.8x): the book's
    // example of the vanishing gradient problem. By hand (Simpson): q₁ = 784·(1/784)·0.1 + 1 = 1.1, q_{l+1} = E[σ(z_l)²] + 1;
    // √g: 0.00104 for Layer1, 0.118 for Layer4, a factor 114; weight-gradient norms 0.026.
    private const string Nielsen4 = """
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy, InputMeanSquare = 0.1)]
        [{|#0:Dense(30, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal, Repeat = 4)|}]
        [Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal)]
        public partial class Nielsen;
        """;

    // Nielsen ch. 5, [784,30,30,30,10]: 0.012, 0.060, 0.283, the first hidden layer ~24x slower than the last, which the
    // book presents as the vanishing gradient problem: the warning. By hand (Simpson): 0.00507 against 0.118, 23x.
    private const string Nielsen3 = """
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy, InputMeanSquare = 0.1)]
        [{|#0:Dense(30, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal, Repeat = 3)|}]
        [Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal)]
        public partial class Nielsen;
        """;

    // He et al. 2015 (PReLU paper, fig. 3): a 30-layer ReLU net with Xavier's Var(W) = 1/fan_in "completely stalls"; He
    // init trains it. Each layer halves the gradient's variance (64·(1/64)·1/2): √(2^28) = 1.6e4 over the 29 hidden layers.
    private const string HeXavier30 = """
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(64, Activation.ReLU, {|#1:Init = Init.LeCunNormal|}, Repeat = 29)|}]
        [Dense(10)]
        public partial class Plain30;
        """;

    // Identity layers with He init double the gradient's variance: 8 hidden layers, √(2^7) = 11x faster; the last gets the
    // output layer's √(10·2/(64 + 10)) = 0.52, the first 0.52·√128 = 5.9.
    private const string EightLinearHe = """
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(64, Init = Init.HeNormal, Repeat = 8)|}]
        [Dense(10)]
        public partial class Model;
        """;

    // ... and 25 of them, √(2^24) = 4.1e3x faster (GradientHealthAnalyzerTests has its message).
    private const string TwentyFiveLinearHe = """
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(64, Init = Init.HeNormal, Repeat = 25)|}]
        [Dense(10)]
        public partial class Model;
        """;

    [Fact]
    public Task Nielsens_four_hidden_layers_vanish() => Verify(Nielsen4, null,
        Expected(DiagnosticIds.VanishingGradient).WithMessage(
            "With SGD, Layer1 (Dense layer 1), the first hidden layer, is predicted to learn ~110x slower than Layer4, the last: its gradient per unit is ~0.001 of the output layer's, against ~0.12; its weight-gradient norm is ~0.026 times Layer4's (4 Sigmoid layers with LeCunNormal init, no residual or normalization). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly small gradient but not the noise in it; use ReLU with He init (Init.HeNormal), add residual blocks, or add normalization ([BatchNorm] or [LayerNorm])"));

    [Fact]
    public Task Nielsens_three_hidden_layers_draw_the_warning() => Verify(Nielsen3, null,
        Expected(DiagnosticIds.VanishingGradient).WithMessage(
            "With SGD, Layer1 (Dense layer 1), the first hidden layer, is predicted to learn ~23x slower than Layer3, the last: its gradient per unit is ~0.0051 of the output layer's, against ~0.12; its weight-gradient norm is ~0.13 times Layer3's (3 Sigmoid layers with LeCunNormal init, no residual or normalization). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly small gradient but not the noise in it; use ReLU with He init (Init.HeNormal), add residual blocks, or add normalization ([BatchNorm] or [LayerNorm])"));

    [Fact]
    public Task A_30_layer_ReLU_net_with_Xavier_init_vanishes_per_unit_though_its_weight_gradient_norms_are_level() => Verify(HeXavier30, null,
        Expected(DiagnosticIds.VanishingGradient).WithMessage(
            "With SGD, Layer1 (Dense layer 1), the first hidden layer, is predicted to learn ~1.6E+04x slower than Layer29, the last: its gradient per unit is ~2.2E-05 of the output layer's, against ~0.37; its weight-gradient norm is ~1 times Layer29's (29 ReLU layers with LeCunNormal init, no residual or normalization). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly small gradient but not the noise in it; use ReLU with He init (Init.HeNormal), add residual blocks, or add normalization ([BatchNorm] or [LayerNorm])"),
        new DiagnosticResult(DiagnosticIds.InitializerDoesNotFitActivation, DiagnosticSeverity.Warning).WithLocation(1));

    // Nielsen's twin with ReLU and He init (the sample measures 2.4x at initialization), He et al.'s He-initialized nets,
    // and one hidden layer (nothing to compare): silent.
    [Fact]
    public Task ReLU_with_He_init_and_a_single_hidden_layer_are_silent() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy, InputMeanSquare = 0.1)]
        [Dense(30, Activation.ReLU, Init = Init.HeNormal, Repeat = 3)]
        [Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal)]
        public partial class ThreeHiddenReLU;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal, Repeat = 29)]
        [Dense(10)]
        public partial class Plain30He;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(30, Activation.Sigmoid)]
        [Dense(10)]
        public partial class OneHiddenLayer;
        """, null);

    [Fact]
    public Task Eight_linear_layers_with_He_init_get_a_note() => Verify(EightLinearHe, null,
        Expected(DiagnosticIds.FirstLayersLearnFaster).WithMessage(
            "With SGD, Layer1 (Dense layer 1), the first hidden layer, is predicted to learn ~11x faster than Layer8, the last: its gradient per unit is ~5.9 of the output layer's, against ~0.52; its weight-gradient norm is ~1 times Layer8's (8 Identity layers with HeNormal init, no residual or normalization). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly large gradient but not its spikes; use an initializer with a smaller variance (Glorot or LeCun), add normalization, or clip gradients (TrainingOptions.ClipGradientNorm)"));

    // N(0, 1) weights on 100 inputs saturate tanh (q ≈ 100·E[tanh²]), but each layer still multiplies the gradient's
    // variance by 100·E[tanh'(z)²] ≈ 100·(4/3)/√(2π·q) ≈ 5: it grows toward the input. By hand (Simpson over ±12σ):
    // √g₁ = 3.73e4, √g₁₆ = 0.100, 3.7e5x; weight-gradient norms 3.9e5.
    [Fact]
    public Task Sixteen_tanh_layers_with_standard_normal_weights_explode() => Verify("""
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(100, Activation.Tanh, {|#1:Init = Init.StandardNormal|}, Repeat = 16)|}]
        [Dense(10)]
        public partial class Model;
        """, null,
        Expected(DiagnosticIds.ExplodingGradient).WithMessage(
            "With SGD, Layer1 (Dense layer 1), the first hidden layer, is predicted to learn ~3.7E+05x faster than Layer16, the last: its gradient per unit is ~3.7E+04 of the output layer's, against ~0.1; its weight-gradient norm is ~3.9E+05 times Layer16's (16 Tanh layers with StandardNormal init, no residual or normalization). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly large gradient but not its spikes; use an initializer with a smaller variance (Glorot or LeCun), add normalization, or clip gradients (TrainingOptions.ClipGradientNorm)"),
        new DiagnosticResult(DiagnosticIds.InitializerDoesNotFitActivation, DiagnosticSeverity.Warning).WithLocation(1));

    // Each level from .editorconfig.

    [Fact]
    public Task Vanishing_note_factor() => Verify(Nielsen3, "netgen.gradient.vanishing_warning_factor = 100\nnetgen.gradient.vanishing_note_factor = 30\n");

    [Fact]
    public Task Vanishing_warning_factor() => Verify(Nielsen4, "netgen.gradient.vanishing_warning_factor = 200\n",
        Expected(DiagnosticIds.FirstLayersLearnSlower));

    [Fact]
    public Task Vanishing_warning_factor_above_Nielsens_23x() => Verify(Nielsen3, "netgen.gradient.vanishing_warning_factor = 30\n",
        Expected(DiagnosticIds.FirstLayersLearnSlower));

    [Fact]
    public Task Exploding_note_factor() => Verify(EightLinearHe, "netgen.gradient.exploding_note_factor = 20\n");

    [Fact]
    public Task Exploding_warning_factor() => Verify(TwentyFiveLinearHe, "netgen.gradient.exploding_warning_factor = 5000\n",
        Expected(DiagnosticIds.FirstLayersLearnFaster));

    [Fact]
    public Task Note_severity() => Verify(Nielsen3, "netgen.gradient.vanishing_warning_factor = 100\ndotnet_diagnostic.NG0108.severity = warning\n",
        Expected(DiagnosticIds.FirstLayersLearnSlower, DiagnosticSeverity.Warning));

    [Fact]
    public Task Note_silenced() => Verify(EightLinearHe, "dotnet_diagnostic.NG0109.severity = none\n");

    [Fact]
    public Task Warning_silenced() => Verify(Nielsen4, "dotnet_diagnostic.NG0101.severity = none\n");

    [Theory]
    [InlineData("0.5")] // a factor below 1 would flag every network
    [InlineData("abc")]
    [InlineData("-100")]
    public Task A_value_that_is_not_a_factor_keeps_the_default(string value) => Verify(Nielsen4, $"netgen.gradient.vanishing_warning_factor = {value}\n",
        Expected(DiagnosticIds.VanishingGradient));

    [Fact]
    public Task MSBuild_property_when_no_editorconfig_key() => VerifyGlobal(Nielsen4,
        "build_property.NetGenVanishingWarningFactor = 200\n", editorConfig: null, Expected(DiagnosticIds.FirstLayersLearnSlower));

    [Fact]
    public Task The_editorconfig_key_wins_over_the_MSBuild_property() => VerifyGlobal(Nielsen4,
        "build_property.NetGenVanishingWarningFactor = 200\n", editorConfig: "netgen.gradient.vanishing_warning_factor = 100\n",
        Expected(DiagnosticIds.VanishingGradient));

    private static Task Verify(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        AnalyzerVerifier.VerifyAsync<GradientHealthAnalyzer>(source, editorConfig, expected);

    /// <summary>With a global config holding <paramref name="globalConfig"/>, as the package's props make of MSBuild properties.</summary>
    private static Task VerifyGlobal(string source, string globalConfig, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<GradientHealthAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }
        test.TestState.AdditionalReferences.AddRange(Compilations.References);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Expected(string id) =>
        Expected(id, id is DiagnosticIds.FirstLayersLearnSlower or DiagnosticIds.FirstLayersLearnFaster ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning);

    private static DiagnosticResult Expected(string id, DiagnosticSeverity severity) => new DiagnosticResult(id, severity).WithLocation(0);
}
