using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Analyzers;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests.Health;

/// <summary>The gradient-health rules: each fires with its predicted numbers on the right span, and healthy designs raise nothing.</summary>
public class GradientHealthAnalyzerTests
{
    [Fact]
    public Task Healthy_designs_raise_no_warning() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal, Repeat = 20)]
        [Dense(10)]
        public partial class TwentyReLULayersOf64;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal)]
        [Residual(Repeat = 300)]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(64)]
        [BatchNorm]
        [EndResidual(Activation = Activation.ReLU)]
        [Dense(10)]
        public partial class NineHundredLayerResNet;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(128, Activation.Sigmoid)|}]
        [Residual(Repeat = 50)]
        [Dense(128, Activation.Sigmoid)]
        [LayerNorm]
        [EndResidual]
        [Dense(10)]
        public partial class DeepSigmoidWithResidualLayerNorm;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(100, Activation.SELU, Repeat = 30)]
        [Dense(10)]
        public partial class SelfNormalizing;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(30, Activation.Sigmoid, Repeat = 2)]
        [Dense(10)]
        public partial class ShallowSigmoid;

        [Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy)]
        [Dense(30, Activation.Tanh)]
        [Dense(10, Activation.Sigmoid)]
        public partial class CrossEntropyOnSigmoid;
        """,
        // A note, no warning: the first layer gathers the gradient of all 50 residual branches (the skip path passes the
        // gradient on whole and each branch adds to it), so it is predicted to learn ~25x faster than the last branch's layer.
        new DiagnosticResult(DiagnosticIds.FirstLayersLearnFaster, DiagnosticSeverity.Info).WithLocation(0));

    // Derived apart from the model's code (Simpson's rule over ±12σ):
    // inputs E[x²] = 1; each 100 -> 100 Glorot layer has 100·Var(W) = 100·(2/200) = 1, so q₁ = 1 and q_{l+1} = E[σ(z_l)²];
    // g₈ = 10·(2/110)·E[σ'(z₈)²] (what the 10-unit output layer passes back), g_l = g_{l+1}·E[σ'(z_l)²]; √g₁ = 3.666e-6,
    // √g₈ = 0.1007: 2.7e4x. Weight-gradient norms √(g·units·inputs·E[x²]): E[x²] = 1 for Layer1, q₈ for Layer8: 7.1e-5.
    [Fact]
    public Task NG0101_eight_sigmoid_layers() => Verify("""
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(100, Activation.Sigmoid, Repeat = 8)|}]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.VanishingGradient,
            "With SGD, Layer1 (Dense layer 1), the first hidden layer, is predicted to learn ~2.7E+04x slower than Layer8, the last: its gradient per unit is ~3.7E-06 of the output layer's, against ~0.1; its weight-gradient norm is ~7.1E-05 times Layer8's (8 Sigmoid layers with GlorotUniform init, no residual or normalization). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly small gradient but not the noise in it; use ReLU with He init (Init.HeNormal), add residual blocks, or add normalization ([BatchNorm] or [LayerNorm])"));

    [Fact]
    public Task NG0102_linear_layers_with_he() => Verify("""
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(64, Init = Init.HeNormal, Repeat = 25)|}]
        [Dense(10)]
        public partial class Model;
        """,
        // Identity layers with He init double the gradient's variance: √(2^24) = 4096 from the last hidden layer to the
        // first; the last gets the output layer's √(10·2/(64 + 10)) = 0.52, the first 0.52 · 4096 = 2.1e3. The forward
        // variance doubles as well, so the weight-gradient norms, √(g·E[x²]), are equal: ~1.
        Expected(DiagnosticIds.ExplodingGradient,
            "With SGD, Layer1 (Dense layer 1), the first hidden layer, is predicted to learn ~4.1E+03x faster than Layer25, the last: its gradient per unit is ~2.1E+03 of the output layer's, against ~0.52; its weight-gradient norm is ~1 times Layer25's (25 Identity layers with HeNormal init, no residual or normalization). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly large gradient but not its spikes; use an initializer with a smaller variance (Glorot or LeCun), add normalization, or clip gradients (TrainingOptions.ClipGradientNorm)"));

    [Fact]
    public Task NG0103_relu_with_glorot_over_depth() => Verify("""
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(64, Activation.ReLU, {|#0:Init = Init.GlorotUniform|}, Repeat = 6)]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.InitializerDoesNotFitActivation,
            // Each 64 -> 64 layer: 64·(2/128)·1/2 = 0.5; six of them: 0.5⁶ = 0.0156.
            "Dense layer 1 (ReLU, GlorotUniform): ReLU with GlorotUniform init multiplies the gradient's variance by ~0.5 at this layer (n·Var(W)·E[f'(z)²]), and the 6 ReLU-family layers together by ~0.016; use Init.HeNormal, which keeps it near 1 (He et al. 2015)"));

    [Fact]
    public Task NG0103_default_init_is_reported_on_the_attribute() => Verify("""
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Dense(64, Activation.ReLU, Repeat = 4)|}]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.InitializerDoesNotFitActivation,
            "Dense layer 1 (ReLU, GlorotUniform): ReLU with GlorotUniform init multiplies the gradient's variance by ~0.5 at this layer (n·Var(W)·E[f'(z)²]), and the 4 ReLU-family layers together by ~0.062; use Init.HeNormal, which keeps it near 1 (He et al. 2015)"));

    // The gains, derived apart from the model's code (Simpson's rule over ±12σ): layer 1, 784 inputs with E[x²] = 1 and He
    // (Var(W) = 2/784): q = 2, 32·(2/784)·E[tanh'(z)²] = 0.0285; layer 2, 32 -> 32 Glorot (Var(W) = 1/32): q = E[tanh(z₁)²] =
    // 0.520, 32·(1/32)·E[selu'(z)²] = 1.205. All weights of layer 4 are 0: no gradient reaches any hidden layer, so
    // NG0101 has no ratio to compare (NG0103 says why).
    [Fact]
    public Task NG0103_other_mismatches() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(32, Activation.Tanh, {|#0:Init = Init.HeNormal|})]
        [Dense(32, Activation.SELU, {|#1:Init = Init.GlorotUniform|})]
        [Dense(32, Activation.Sigmoid, {|#2:Init = Init.StandardNormal|})]
        [Dense(10, {|#3:Init = Init.Zeros|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.InitializerDoesNotFitActivation, 0,
            "Dense layer 1 (Tanh, HeNormal): He init is meant for the ReLU family; with Tanh it makes the pre-activations' variance twice as large, pushing the units toward saturation (gain ~0.029 per layer); use Init.GlorotUniform or Init.LeCunNormal"),
        Expected(DiagnosticIds.InitializerDoesNotFitActivation, 1,
            "Dense layer 2 (SELU, GlorotUniform): SELU is self-normalizing only with LeCun normal init (Klambauer et al. 2017); with GlorotUniform the gain is ~1.2 per layer; use Init.LeCunNormal (SELU's default when Init is not given)"),
        Expected(DiagnosticIds.InitializerDoesNotFitActivation, 2,
            "Dense layer 3 (Sigmoid, StandardNormal): N(0, 1) weights on 32 inputs give pre-activations of variance ~32·E[x²], which saturates sigmoid and tanh and blows up the ReLU family; use Init.GlorotUniform, whose variance is scaled by the fan-in"),
        Expected(DiagnosticIds.InitializerDoesNotFitActivation, 3,
            "Dense layer 4 (Identity, Zeros): its weights all start at 0 (Zeros): every unit computes the same output and no gradient reaches the layers before it until the weights move; use a random zero-mean initializer (GlorotUniform)"));

    [Fact]
    public Task NG0103_is_silent_on_a_zero_initialized_residual_branch_end() => Verify("""
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal)]
        [Residual(Repeat = 2)]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(64, Init = Init.Zeros)]
        [EndResidual(Activation = Activation.ReLU)]
        [Dense(10)]
        public partial class SkipInit;
        """);

    // Measured over 400 generated networks of this shape (tests/NetGen.Tests/FiniteWidth): dead for an input 45 %, dead
    // units over a batch of 32 42 %.
    [Fact]
    public Task NG0104_deep_narrow_relu() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense({|#0:5|}, Activation.ReLU, Init = Init.HeNormal, Repeat = 20)]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.DeepNarrowReLUStack,
            "20 ReLU-family layers as narrow as 5 units (Σ 1/width = 4): for an input it is alive at, a typical network's first-layer gradient is ~1/506 of the mean-field prediction (Hanin 2018), and the network is dead, a layer all zeros, with probability ~47 %; ~37 % of its hidden ReLU units are dead for a whole batch of 32 (Lu et al. 2019); NG0104 fires for a typical gradient below 1/100 or a probability of at least 10 %; make the layers wider, use fewer of them, or add residual blocks"));

    [Fact]
    public Task NG0104_a_stack_that_is_dead_for_most_inputs() => Verify("""
        using NetGen;

        [Network(Inputs = 20, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense({|#0:3|}, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.DeepNarrowReLUStack,
            "10 ReLU-family layers as narrow as 3 units (Σ 1/width = 3.3): for an input it is alive at, a typical network's first-layer gradient is ~1/52 of the mean-field prediction (Hanin 2018), and the network is dead, a layer all zeros, with probability ~74 %; ~45 % of its hidden ReLU units are dead for a whole batch of 32 (Lu et al. 2019); NG0104 fires for a typical gradient below 1/100 or a probability of at least 10 %; make the layers wider, use fewer of them, or add residual blocks"));

    // Σ 1/width = 1 drew the fixed-threshold rule; a typical network's gradient is ~1/5 of the prediction and 1 % of
    // inputs meet a dead layer (measured over 400 generated networks: tests/NetGen.Tests/FiniteWidth).
    [Fact]
    public Task NG0104_ten_layers_of_ten_are_silent() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(10, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
        [Dense(10)]
        public partial class Model;
        """);

    // Forty layers of 10: too wide to die often (4 % of inputs), but a typical gradient ~1/460 of the mean field.
    [Fact]
    public Task NG0104_forty_layers_of_ten_fire_on_the_typical_gradient_alone() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense({|#0:10|}, Activation.ReLU, Init = Init.HeNormal, Repeat = 40)]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.DeepNarrowReLUStack,
            "40 ReLU-family layers as narrow as 10 units (Σ 1/width = 4): for an input it is alive at, a typical network's first-layer gradient is ~1/460 of the mean-field prediction (Hanin 2018), and the network is dead, a layer all zeros, with probability ~4 %; ~28 % of its hidden ReLU units are dead for a whole batch of 32 (Lu et al. 2019); NG0104 fires for a typical gradient below 1/100 or a probability of at least 10 %; make the layers wider, use fewer of them, or add residual blocks"));

    // Ten layers of 5: a typical gradient ~1/23 of the mean field, above 1/100, but 27 % of inputs meet a dead layer
    // (measured over 400 generated networks: 23 %).
    [Fact]
    public Task NG0104_a_stack_dead_for_one_input_in_four() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense({|#0:5|}, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.DeepNarrowReLUStack,
            "10 ReLU-family layers as narrow as 5 units (Σ 1/width = 2): for an input it is alive at, a typical network's first-layer gradient is ~1/23 of the mean-field prediction (Hanin 2018), and the network is dead, a layer all zeros, with probability ~27 %; ~21 % of its hidden ReLU units are dead for a whole batch of 32 (Lu et al. 2019); NG0104 fires for a typical gradient below 1/100 or a probability of at least 10 %; make the layers wider, use fewer of them, or add residual blocks"));

    [Fact]
    public Task NG0104_dead_probability_from_editorconfig() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(5, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
        [Dense(10)]
        public partial class Model;
        """,
        "netgen.gradient.narrow_relu_dead_probability = 0.5\n");

    [Fact]
    public Task NG0104_threshold_from_editorconfig() => Verify("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense({|#0:10|}, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
        [Dense(10)]
        public partial class Model;
        """,
        "netgen.gradient.narrow_relu_typical_gradient = 0.5\n",
        Expected(DiagnosticIds.DeepNarrowReLUStack,
            "10 ReLU-family layers as narrow as 10 units (Σ 1/width = 1): for an input it is alive at, a typical network's first-layer gradient is ~1/5 of the mean-field prediction (Hanin 2018), and the network is dead, a layer all zeros, with probability ~1 %; ~10 % of its hidden ReLU units are dead for a whole batch of 32 (Lu et al. 2019); NG0104 fires for a typical gradient below 1/2 or a probability of at least 10 %; make the layers wider, use fewer of them, or add residual blocks"));

    [Fact]
    public Task NG0105_batch_norm_everywhere_without_skips() => Verify("""
        using NetGen;

        [{|#0:Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)|}]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(64)] [BatchNorm(Activation = Activation.ReLU)]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.BatchNormWithoutSkipConnections,
            "8 dense layers are each followed by [BatchNorm] and there is no residual block: in such a deep fully connected stack the gradients grow exponentially with depth (Yang et al. 2019); wrap the layers in residual blocks"));

    [Fact]
    public Task NG0106_residual_without_normalization() => Verify("""
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|#0:Residual(Repeat = 6)|}]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal)]
        [EndResidual]
        [Dense(10)]
        public partial class Model;
        """,
        // Each block adds a He-initialized ReLU branch a = ReLU(W·x): E[a²] = E[x²] and E[a] = √(E[x²]/π), so the sum's
        // variance is Var(x) + E[x²]·(1 − 1/π) and its mean E[x] + E[a]. From N(0, 1) inputs, six blocks by hand: 113
        // (second moment 307). Measured on the generated network (double, 20 seeds, batch 256): 119 (307).
        Expected(DiagnosticIds.ResidualWithoutNormalization,
            "6 residual blocks have no normalization in their branch: the forward variance is predicted to grow 1.1E+02x from the first block's input to the last block's output; add [BatchNorm] or [LayerNorm] at the end of each block's branch"));

    [Fact]
    public Task NG0107_sigmoid_output_with_mean_squared_error() => Verify("""
        using NetGen;

        [Network(Inputs = 784, {|#0:Loss = Loss.MeanSquaredError|})]
        [Dense(30, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(10, Activation.Sigmoid)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SigmoidOutputWithQuadraticLoss,
            "The output layer applies Sigmoid and the loss is MeanSquaredError: the error is multiplied by Sigmoid's derivative (at most 1/4), so a saturated output barely learns (Nielsen, ch. 3); use Loss.BinaryCrossEntropy with the Sigmoid output, or Loss.SigmoidCrossEntropy on logits"));

    [Fact]
    public Task Declarations_with_errors_get_no_gradient_warning() => Verify("""
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(100, Activation.Sigmoid, Repeat = 8)]
        [Dense(1)]
        public partial class Model;
        """);

    private static Task Verify(string source, params DiagnosticResult[] expected) => Verify(source, null, expected);

    private static Task Verify(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        AnalyzerVerifier.VerifyAsync<GradientHealthAnalyzer>(source, editorConfig, expected);

    private static DiagnosticResult Expected(string id, string message) => Expected(id, 0, message);

    private static DiagnosticResult Expected(string id, int location, string message) =>
        new DiagnosticResult(id, id is DiagnosticIds.FirstLayersLearnSlower or DiagnosticIds.FirstLayersLearnFaster ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning)
            .WithLocation(location).WithMessage(message);
}
