using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Emit;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Every generated file of representative networks, against its approved snapshot; each paired with a check that the
/// generated code and the user's code compile together without an error or a warning.
/// </summary>
public class GeneratorSnapshotTests
{
    [Fact]
    public void MnistClassifier() => Verify("""
        using NetGen;

        namespace Samples.Mnist;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(128, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(10)]
        public partial class Digits;
        """);

    [Fact]
    public void ResidualBlocksWithBatchNormalization() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(32)]
        [BatchNorm(Activation = Activation.ReLU)]
        [Residual(Repeat = 2)]
        [Dense(32, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(32)]
        [BatchNorm]
        [EndResidual(Activation = Activation.ReLU)]
        [Dense(10)]
        public partial class ResNet;
        """);

    [Fact]
    public void ProjectionSkipAndLayerNormalization() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
        [Residual]
        [Dense(8, Activation.Tanh)]
        [LayerNorm(Activation = Activation.ELU, Alpha = 0.5)]
        [EndResidual]
        [Dense(1)]
        public partial class Widening;
        """);

    [Fact]
    public void DeepSigmoidStackWithRepeat() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 4)]
        [Dense(8, Activation.Sigmoid, Init = Init.StandardNormal, Repeat = 3)]
        [Dense(2, Activation.Sigmoid)]
        internal partial class DeepSigmoid
        {
        }
        """);

    [Fact]
    public void DoubleRegressionWithTanhEluLeakyRelu() => Verify("""
        using NetGen;

        namespace Samples.Regression;

        [Network(Inputs = 3, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
        [Dense(16, Activation.Tanh, Init = Init.GlorotNormal)]
        [Dense(16, Activation.ELU, Alpha = 0.5)]
        [Dense(8, Activation.LeakyReLU, NegativeSlope = 0.2, Init = Init.HeUniform)]
        [Dense(1)]
        public partial class Regressor;
        """);

    [Fact]
    public void BinaryClassifierWithSigmoidCrossEntropy() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 2, Loss = Loss.SigmoidCrossEntropy)]
        [Dense(4, Activation.ReLU, Init = Init.HeUniform)]
        [Dense(1)]
        public partial class Xor;
        """);

    [Fact]
    public void BinaryCrossEntropyWithSigmoidOutput() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 5, Loss = Loss.BinaryCrossEntropy)]
        [Dense(6, Activation.Tanh, Init = Init.LegacyUniform)]
        [Dense(3, Activation.Sigmoid)]
        public partial class MultiLabel;
        """);

    [Fact]
    public void SoftmaxOutputWithSoftmaxCrossEntropy() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(5, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Iris;
        """);

    [Fact]
    public void SeluWithLeCunNormal() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 6)]
        [Dense(6, Activation.SELU, Init = Init.LeCunNormal, Repeat = 2)]
        [Dense(2)]
        public partial class SelfNormalizing;
        """);

    [Fact]
    public void ConstantInitializers() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 2, Precision = Precision.Double)]
        [Dense(3, Activation.ReLU, Init = Init.Constant, InitValue = -0.25, BiasInit = Init.Constant, BiasInitValue = 0.1)]
        [Dense(1, Init = Init.Zeros, BiasInit = Init.Constant, BiasInitValue = 1e-3)]
        public partial class Constants;
        """);

    [Fact]
    public void GlobalNamespace() => Verify("""
        using NetGen;

        [Network(Inputs = 1)]
        [Dense(1)]
        public partial class Linear;
        """);

    [Fact]
    public void TwoNetworksInOneFile() => Verify("""
        using NetGen;

        namespace Samples.Pair;

        [Network(Inputs = 2)]
        [Dense(2, Activation.Tanh)]
        public partial class First;

        [Network(Inputs = 3, Loss = Loss.SigmoidCrossEntropy)]
        [Dense(1)]
        public partial class Second;
        """);

    [Fact]
    public void LayerFamiliesPReLUDropoutRepeatAndInitializers() => Verify("""
        using NetGen;

        namespace Samples;

        [Network(Inputs = 20, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(16, Init = Init.Normal, InitStandardDeviation = 0.02, BiasInit = Init.Uniform, BiasInitMinimum = -0.1, BiasInitMaximum = 0.1)]
        [PReLU]
        [Repeat(2)]
        [Dense(16, UseBias = false, Init = Init.VarianceScaling, InitScale = 2, InitFanMode = FanMode.FanIn, InitDistribution = InitDistribution.Normal)]
        [BatchNorm]
        [PReLU(SharedSlope = true, InitialSlope = 0.1)]
        [EndRepeat]
        [Dropout(0.5)]
        [Dense(8, Activation.Tanh, Init = Init.Orthogonal, InitGain = 1.5)]
        [Dense(4, Init = Init.TruncatedNormal, InitMean = 0.01)]
        public partial class Families;
        """);

    [Fact]
    public void RowByRowLstmClassifier() => Verify("""
        using NetGen;

        namespace Samples.Recurrent;

        [Network(Inputs = 28, Steps = 28, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
        [LSTM(128)]
        [Dense(10)]
        public partial class RowMnist;
        """);

    [Fact]
    public void StackedRecurrentLayersWithPerStepHead() => Verify("""
        using NetGen;

        namespace Samples.Recurrent;

        [Network(Inputs = 3, Steps = 12, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
        [SimpleRNN(8, Activation.ReLU, RecurrentInit = Init.Identity, ReturnSequences = true)]
        [GRU(6, ReturnSequences = true, Defaults = RecurrentDefaults.PyTorch)]
        [LSTM(5, ReturnSequences = true, ChronoMaxDependency = 12, UseBias = true)]
        [Dropout(0.1)]
        [Dense(4)]
        public partial class Tagger;
        """);

    [Fact]
    public void SmallConvolutionalClassifier() => Verify("""
        using NetGen;

        namespace Samples.Convolution;

        [Network(Height = 12, Width = 12, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
        [Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
        [MaxPool2D(2)]
        [Conv2D(8, 3, Activation.ReLU, UseBias = false)]
        [AvgPool2D(2)]
        [Flatten]
        [Dense(10)]
        public partial class TinyCnn;
        """);

    [Fact]
    public void ColourImagesWithStrideDilationAndGlobalAveragePool() => Verify("""
        using NetGen;

        namespace Samples.Convolution;

        [Network(Channels = 3, Height = 9, Width = 9, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
        [Conv2D(4, 3, Activation.LeakyReLU, Stride = 2, PaddingSize = 1, NegativeSlope = 0.2, Init = Init.DeltaOrthogonal, InitGain = 1.5, BiasInit = Init.LegacyUniform)]
        [Conv2D(6, 2, Dilation = 2, Padding = Padding.Same, Init = Init.Orthogonal)]
        [GlobalAveragePool]
        [Dense(1)]
        public partial class Strided;
        """);

    [Fact]
    public void BatchNormalizationOverChannels() => Verify("""
        using NetGen;

        namespace Samples.Convolution;

        [Network(Channels = 2, Height = 6, Width = 6, Loss = Loss.SoftmaxCrossEntropy)]
        [Conv2D(4, 3, UseBias = false, Padding = Padding.Same, Init = Init.HeNormal)]
        [BatchNorm(Activation = Activation.ReLU)]
        [Residual]
        [Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
        [Conv2D(4, 3, Padding = Padding.Same, Init = Init.Zeros)]
        [EndResidual(Activation = Activation.ReLU)]
        [MaxPool2D(2)]
        [Flatten]
        [BatchNorm]
        [Dense(3)]
        public partial class NormalizedCnn;
        """);

    [Fact]
    public void ProjectionSkipOverImages() => Verify("""
        using NetGen;

        namespace Samples.Convolution;

        [Network(Channels = 16, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy)]
        [Residual]
        [Conv2D(32, 3, UseBias = false, Stride = 2, PaddingSize = 1, Init = Init.HeNormal)]
        [BatchNorm(Activation = Activation.ReLU)]
        [Conv2D(32, 3, UseBias = false, Padding = Padding.Same, Init = Init.HeNormal)]
        [BatchNorm]
        [EndResidual(Activation = Activation.ReLU)]
        [GlobalAveragePool]
        [Dense(10)]
        public partial class Downsampling;
        """);

    /// <summary>
    /// Runs the generator on <paramref name="source"/>; asserts no exception and no diagnostic, that the output compiles
    /// cleanly (with code that uses the generated members), and that every generated file matches its snapshot.
    /// </summary>
    private static void Verify(string source, [CallerMemberName] string method = "")
    {
        var (result, output, driverDiagnostics) = Compilations.RunGenerator(Compilations.Create(source, UsesNetworks));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(driverDiagnostics);
        Assert.NotEmpty(result.GeneratedSources);

        Diagnostic[] problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "The generated code does not compile cleanly:" + Environment.NewLine + Compilations.Describe(problems));

        foreach (GeneratedSourceResult generated in result.GeneratedSources.OrderBy(g => g.HintName, StringComparer.Ordinal))
        {
            // The version in [GeneratedCode] is NetGen's (VersionTests); the snapshots show a placeholder, so that a new
            // version does not change them.
            string text = generated.SourceText.ToString().Replace(GeneratedCode.Attribute, VersionlessGeneratedCode, StringComparison.Ordinal);
            Snapshot.Verify(generated.HintName, text, nameof(GeneratorSnapshotTests), method: method);
        }
    }

    private const string VersionlessGeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"NetGen.Generators\", \"{version}\")]";

    /// <summary>User code that calls the generated networks through their interface, so that the contract is checked too.</summary>
    private const string UsesNetworks = """
        using System;
        using NetGen;

        internal static class Use
        {
            public static float Run(INetwork<float> network, ReadOnlySpan<float> input, Span<float> output)
            {
                network.Forward(input, output);
                return network.Parameters.Length + network.InputSize + network.OutputSize;
            }
        }
        """;
}
