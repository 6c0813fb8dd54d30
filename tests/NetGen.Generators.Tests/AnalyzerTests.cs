using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>One test per NG rule: the diagnostic is reported on the argument at fault, with a message that names what is wrong.</summary>
public class AnalyzerTests
{
    [Fact]
    public Task ValidDeclarations_ReportNothing() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        namespace Samples
        {
            [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
            [Dense(128, Activation.ReLU, Init = Init.HeNormal)]
            [Dense(10)]
            public partial class Digits;

            [Network(Inputs = 3, Precision = Precision.Double)]
            [Dense(16, Activation.ELU, Alpha = 0.5, Repeat = 2)]
            [Dense(8, Activation.LeakyReLU, NegativeSlope = 0.2)]
            [Dense(1, Init = Init.Constant, InitValue = 0.5, BiasInit = Init.Constant, BiasInitValue = -1)]
            public partial class Regressor;

            [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Probability;

            [Network(Inputs = 2, Loss = Loss.SigmoidCrossEntropy)]
            [Dense(1)]
            public partial class Logit;

            [Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
            [Dense(3, Activation.Softmax)]
            public partial class Softmax;

            [Network(Inputs = 2)]
            [Dense(4, Activation.Tanh, Repeat = 1000)]
            public partial class ExactlyAThousandLayers;

            public partial class Unrelated;
        }
        """);

    [Fact]
    public Task NG0001_NotPartial() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1)]
        public class {|#0:Model|};
        """,
        Expected(DiagnosticIds.NetworkMustBePartial, "'Model' is declared as a network but is not partial; declare it 'partial class Model' so that NetGen can generate its forward and backward passes into it"));

    [Fact]
    public Task NG0002_Nested() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        public partial class Outer
        {
            [Network(Inputs = 2)]
            [Dense(1)]
            public partial class {|#0:Model|};
        }
        """,
        Expected(DiagnosticIds.NetworkMustBeTopLevel, "'Model' is nested in 'Outer'; NetGen generates networks only for top-level classes, so move it out of 'Outer'"));

    [Fact]
    public Task NG0003_Generic() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1)]
        public partial class {|NG0003:Model|}<T>;
        """);

    [Fact]
    public Task NG0004_Static() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1)]
        public static partial class {|#0:Model|};
        """,
        Expected(DiagnosticIds.NetworkMustBePlainClass, "'Model' is static; a network must be a plain class, since it holds parameters and buffers in instance fields"));

    [Fact]
    public Task NG0004_Record() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1)]
        public partial record {|#0:Model|};
        """,
        Expected(DiagnosticIds.NetworkMustBePlainClass, "'Model' is a record; a network must be a plain class, since it holds parameters and buffers in instance fields"));

    [Fact]
    public Task NG0005_NoLayers() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|NG0005:Network(Inputs = 2)|}]
        public partial class Model;
        """);

    [Fact]
    public Task NG0006_DenseWithoutNetwork() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|NG0006:Dense(4)|}]
        [Dense(1)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0010_ZeroUnits() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4)]
        [Dense({|#0:0|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SizeMustBePositive, "The units of Dense layer 2 must be a positive integer, but it is 0"));

    [Fact]
    public Task NG0010_NegativeInputs() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network({|#0:Inputs = -1|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SizeMustBePositive, "Inputs of network 'Model' must be a positive integer, but it is -1"));

    [Fact]
    public Task NG0010_InputsNotSet() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|#0:Network(Loss = Loss.MeanSquaredError)|}]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SizeMustBePositive, "Inputs of network 'Model' must be a positive integer, but it is not set"));

    [Fact]
    public Task NG0010_ZeroRepeat() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, Activation.ReLU, {|NG0010:Repeat = 0|})]
        [Dense(1)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0010_NamedUnitsArgument() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(activation: Activation.ReLU, {|NG0010:units: -3|})]
        public partial class Model;
        """);

    [Fact]
    public Task NG0011_SoftmaxOnHiddenLayer() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(8, {|#0:Activation.Softmax|})]
        [Dense(3)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SoftmaxMustBeOutput, "Dense layer 1 uses Activation.Softmax, but it is a hidden layer (layer 1 of 2); Softmax is only supported on the last layer, fused with Loss.SoftmaxCrossEntropy: use ReLU, Tanh or another activation here"));

    [Fact]
    public Task NG0011_SoftmaxRepeatedIntoHiddenLayers() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(3, {|#0:Activation.Softmax|}, Repeat = 3)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SoftmaxMustBeOutput, "Dense layer 1 uses Activation.Softmax, but it is a hidden layer (Repeat = 3 makes layers 1 to 2 hidden); Softmax is only supported on the last layer, fused with Loss.SoftmaxCrossEntropy: use ReLU, Tanh or another activation here"));

    [Fact]
    public Task NG0012_SoftmaxCrossEntropyOnOneOutput() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 4, {|#0:Loss = Loss.SoftmaxCrossEntropy|})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LossDoesNotFitOutput, "Loss.SoftmaxCrossEntropy needs at least 2 outputs (one per class), but the output layer (Dense layer 2, 1 units, Identity) has 1; for a yes/no output use Loss.SigmoidCrossEntropy on 1 logit"));

    [Fact]
    public Task NG0012_BinaryCrossEntropyWithoutSigmoid() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 4, {|#0:Loss = Loss.BinaryCrossEntropy|})]
        [Dense(1, Activation.Tanh)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LossDoesNotFitOutput, "Loss.BinaryCrossEntropy takes probabilities from a sigmoid, but the output layer (Dense layer 1, 1 units, Tanh) applies Tanh; declare the output layer with Activation.Sigmoid, or use Loss.SigmoidCrossEntropy on logits"));

    [Fact]
    public Task NG0012_SigmoidCrossEntropyWithSigmoidOutput() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 4, {|#0:Loss = Loss.SigmoidCrossEntropy|})]
        [Dense(1, Activation.Sigmoid)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LossDoesNotFitOutput, "Loss.SigmoidCrossEntropy applies the sigmoid itself and takes logits, but the output layer (Dense layer 1, 1 units, Sigmoid) applies Sigmoid; declare the output layer with Activation.Identity, or use Loss.BinaryCrossEntropy with a Sigmoid output"));

    [Fact]
    public Task NG0012_SoftmaxOutputWithDefaultLoss_IsReportedOnTheActivation() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 4)]
        [Dense(3, {|#0:Activation.Softmax|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LossDoesNotFitOutput, "Activation.Softmax on the output layer (Dense layer 1, 3 units, Softmax) is only supported fused with Loss.SoftmaxCrossEntropy, but the loss is MeanSquaredError; set Loss = Loss.SoftmaxCrossEntropy"));

    [Fact]
    public Task NG0013_AlphaWithoutElu() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, Activation.ReLU, {|#0:Alpha = 0.5|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentIsIgnored, "Alpha of Dense layer 1 is set, but its activation is ReLU, not ELU, so it has no effect; remove it, or use Activation.ELU"));

    [Fact]
    public Task NG0013_InitValueWithoutConstant() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1, Init = Init.HeNormal, {|#0:InitValue = 0.5|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentIsIgnored, "InitValue of Dense layer 1 is set, but its Init is HeNormal, not Constant, so it has no effect; remove it, or set Init = Init.Constant"));

    [Fact]
    public Task NG0014_NegativeAlpha() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, Activation.ELU, {|#0:Alpha = -1|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange, "Alpha of Dense layer 1 is -1, but it must be a finite positive number"));

    [Fact]
    public Task NG0014_NaNConstant() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1, BiasInit = Init.Constant, {|#0:BiasInitValue = double.NaN|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange, "BiasInitValue of Dense layer 1 is NaN, but it must be a finite number"));

    [Fact]
    public Task NG0015_UndefinedActivation() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, {|#0:(Activation)42|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.UndefinedEnumValue, "The activation of Dense layer 1 is (Activation)42, which is not a member of Activation; use one of: Identity, Sigmoid, Tanh, ReLU, LeakyReLU, ELU, SELU, Softmax"));

    [Fact]
    public Task NG0015_UndefinedLoss() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2, {|NG0015:Loss = (Loss)(-1)|})]
        [Dense(1)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0016_TooManyLayers() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|#0:Network(Inputs = 2)|}]
        [Dense(4, Activation.Tanh, Repeat = 1000)]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.NetworkTooLarge, "Network 'Model' is too large: it declares 1001 layers (Repeat and residual blocks included); the limit is 1000 layers"));

    [Fact]
    public Task NG0016_TooManyParameters() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|#0:Network(Inputs = 100000)|}]
        [Dense(100000)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.NetworkTooLarge, "Network 'Model' is too large: it has 10,000,100,000 parameters; the limit is 2,147,483,647 parameters"));

    [Fact]
    public Task NG0016_RepeatedHugeLayersDoNotOverflowTheCount() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|NG0016:Network(Inputs = 1)|}]
        [Dense(int.MaxValue, Repeat = 1000)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0007_ClassNamedLikeAGeneratedMember() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1)]
        public partial class {|#0:Summary|};
        """,
        Expected(DiagnosticIds.NetworkNameIsReserved, "'Summary' is also the name of a member NetGen generates into the class, and a member cannot have its class's name (CS0542); rename the class"));

    [Fact]
    public Task NG0004_AbstractClass() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(1)]
        public abstract partial class {|#0:Model|};
        """,
        Expected(DiagnosticIds.NetworkMustBePlainClass, "'Model' is abstract (the generated CreateReplica constructs it); a network must be a plain class, since it holds parameters and buffers in instance fields"));

    [Fact]
    public Task NG0014_StandardDeviationNotPositive() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, Init = Init.Normal, {|#0:InitStandardDeviation = 0|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange, "InitStandardDeviation of Dense layer 1 is 0, but it must be a finite positive number"));

    [Fact]
    public Task NG0014_UniformRangeEmpty_OnTheMaximum() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, Init = Init.Uniform, InitMinimum = 0.5, {|#0:InitMaximum = 0.1|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange, "InitMaximum of Dense layer 1 is 0.1, but it must be greater than InitMinimum, 0.5"));

    [Fact]
    public Task NG0014_SlopeOverflowsAFloatNetwork() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, Activation.LeakyReLU, {|#0:NegativeSlope = 1e39|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange,
            "NegativeSlope of Dense layer 1 is 1E+39, but it must be a finite number (usually between 0 and 1); this network's Precision is Single, and 1E+39 overflows a float (use Precision.Double, or a value a float can hold)"));

    [Fact]
    public Task NG0014_EpsilonRoundsToZeroInAFloatNetwork() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4)]
        [LayerNorm({|#0:Epsilon = 1e-50|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange,
            "Epsilon of LayerNorm 1 is 1E-50, but it must be a finite positive number, such as the default 1e-5; this network's Precision is Single, and 1E-50 rounds to 0 as a float (use Precision.Double, or a value a float can hold)"));

    [Fact]
    public Task NG0014_DropoutRateOfOne() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4)]
        [Dropout({|#0:1|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange, "The rate of Dropout 1 is 1, but it must be in [0, 1): the probability that a value is dropped"));

    [Fact]
    public Task NG0013_GainWithoutOrthogonal() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(4, Init = Init.HeNormal, {|#0:InitGain = 2|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentIsIgnored, "InitGain of Dense layer 1 is set, but its Init is HeNormal, not Orthogonal or Identity, so it has no effect; remove it, or set Init = Init.Orthogonal"));

    [Fact]
    public Task NG0026_RepeatNotClosed() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [{|#0:Repeat(3)|}]
        [Dense(4)]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.RepeatGroupNotClosed, "Repeat group 1 is never closed; add [EndRepeat] after the last layer of the group"));

    [Fact]
    public Task NG0027_EndRepeatClosingAResidualBlock() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Repeat(2)]
        [{|#1:Residual|}]
        [Dense(2)]
        [{|#0:EndRepeat|}]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.EndRepeatWithoutRepeat, "EndRepeat 1 has no open [Repeat] before it to close (a residual block opened after the [Repeat] must be closed first); add [Repeat(count)] before the group's first layer, or remove it"),
        new DiagnosticResult(DiagnosticIds.ResidualBlockNotClosed, DiagnosticSeverity.Error).WithLocation(1)
            .WithMessage("Residual block 1 is never closed; add [EndResidual] after the last layer of its branch"),
        new DiagnosticResult(DiagnosticIds.RepeatGroupNotClosed, DiagnosticSeverity.Error).WithSpan(4, 2, 4, 11)
            .WithMessage("Repeat group 1 is never closed; add [EndRepeat] after the last layer of the group"));

    [Fact]
    public Task NG0028_EmptyRepeat() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [{|#0:Repeat(2)|}]
        [EndRepeat]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.EmptyRepeatGroup, "Repeat group 1 has no layer between [Repeat] and [EndRepeat]; declare the layers to repeat in between, or remove both"));

    private static DiagnosticResult Expected(string id, string message) =>
        new DiagnosticResult(id, id == DiagnosticIds.ArgumentIsIgnored ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)
            .WithLocation(0)
            .WithMessage(message);
}
