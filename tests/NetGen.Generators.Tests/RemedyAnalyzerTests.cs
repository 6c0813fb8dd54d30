using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>The rules on residual blocks and normalization, each reported on the attribute or argument at fault.</summary>
public class RemedyAnalyzerTests
{
    [Fact]
    public Task ValidRemedies_ReportNothing() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 8, Loss = Loss.SoftmaxCrossEntropy)]
        [BatchNorm]
        [Dense(16)]
        [BatchNorm(Activation = Activation.ReLU, Momentum = 0.01, Epsilon = 1e-3)]
        [Residual(Repeat = 3)]
        [Dense(16, Activation.ReLU, Init = Init.HeNormal)]
        [LayerNorm(Activation = Activation.LeakyReLU, NegativeSlope = 0.1)]
        [Dense(16)]
        [EndResidual(Activation = Activation.ReLU)]
        [Residual]
        [Dense(4, Activation.SELU)]
        [EndResidual]
        [Dense(3)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0020_BlockNotClosed() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [{|#0:Residual|}]
        [Dense(2)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ResidualBlockNotClosed, "Residual block 1 is never closed; add [EndResidual] after the last layer of its branch"));

    [Fact]
    public Task NG0021_EndWithoutStart() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(2)]
        [{|#0:EndResidual|}]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.EndResidualWithoutResidual, "EndResidual 1 has no [Residual] before it to close; add [Residual] before the first layer of the block's branch, or remove it"));

    [Fact]
    public Task NG0022_EmptyBlock() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [{|#0:Residual(Repeat = 2)|}]
        [EndResidual]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.EmptyResidualBlock, "Residual block 1 has no layer between [Residual] and [EndResidual]; a block computes x + F(x), so declare F's layers in between"));

    [Fact]
    public Task NG0023_NestedBlock() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Residual]
        [Dense(2)]
        [{|#0:Residual|}]
        [Dense(2)]
        [EndResidual]
        [EndResidual]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.NestedResidualBlock, "Residual block 2 starts inside Residual block 1; close Residual block 1 with [EndResidual] first (nested blocks are not supported)"));

    [Fact]
    public Task NG0024_NormalizationLast() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(3)]
        [{|#0:BatchNorm|}]
        public partial class Model;
        """,
        Expected(DiagnosticIds.OutputMustBeDense, "BatchNorm 1 is the last layer, but the output layer must be a [Dense] layer, which the loss reads; add one after it, such as [Dense(10)] for 10 logits"));

    [Fact]
    public Task NG0024_BlockLast() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Residual]
        [Dense(2)]
        [{|#0:EndResidual|}]
        public partial class Model;
        """,
        Expected(DiagnosticIds.OutputMustBeDense, "EndResidual 1 is the last layer, but the output layer must be a [Dense] layer, which the loss reads; add one after it, such as [Dense(10)] for 10 logits"));

    [Fact]
    public Task NG0025_WidthsCannotBeJoined() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 4)]
        [Dense(64, Activation.ReLU)]
        [Residual({|#0:Projection = false|})]
        [Dense(64, Activation.ReLU)]
        [Dense(32)]
        [EndResidual]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ResidualWidthMismatch, "Residual block 1 has Projection = false, but its input (layer 1, 64 units) and its branch's output (layer 3, 32 units) differ in width, so they cannot be added; make the branch end with 64 units, or allow the projection"));

    [Fact]
    public Task NG0014_NormalizationEpsilonAndMomentum() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Dense(3)]
        [BatchNorm({|#0:Momentum = 1.5|}, {|#1:Epsilon = 0|})]
        [LayerNorm({|#2:Epsilon = -1|})]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentOutOfRange, "Epsilon of BatchNorm 1 is 0, but it must be a finite positive number, such as the default 1e-5", 1),
        Expected(DiagnosticIds.ArgumentOutOfRange, "Momentum of BatchNorm 1 is 1.5, but it must be in (0, 1]: the weight of each batch in the running statistics (default 0.1)", 0),
        Expected(DiagnosticIds.ArgumentOutOfRange, "Epsilon of LayerNorm 1 is -1, but it must be a finite positive number, such as the default 1e-5", 2));

    [Fact]
    public Task NG0011_SoftmaxOnNormalization() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(3)]
        [BatchNorm({|#0:Activation = Activation.Softmax|})]
        [Dense(3)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SoftmaxMustBeOutput, "BatchNorm 1 uses Activation.Softmax, but it is a hidden layer (layer 2 of 3); Softmax is only supported on the last layer, fused with Loss.SoftmaxCrossEntropy: use ReLU, Tanh or another activation here"));

    [Fact]
    public Task NG0010_ResidualRepeat() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2)]
        [Residual({|#0:Repeat = 0|})]
        [Dense(2)]
        [EndResidual]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SizeMustBePositive, "Repeat of Residual block 1 must be a positive integer, but it is 0"));

    [Fact]
    public Task NG0016_RepeatedBlocksCount() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|#0:Network(Inputs = 2)|}]
        [Residual(Repeat = 334)]
        [Dense(2)]
        [Dense(2)]
        [EndResidual]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.NetworkTooLarge, "Network 'Model' is too large: it declares 1003 layers (Repeat and residual blocks included); the limit is 1000 layers"));

    private static DiagnosticResult Expected(string id, string message, int location = 0) =>
        new DiagnosticResult(id, id == DiagnosticIds.ArgumentIsIgnored ? Microsoft.CodeAnalysis.DiagnosticSeverity.Warning : Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithLocation(location)
            .WithMessage(message);
}
