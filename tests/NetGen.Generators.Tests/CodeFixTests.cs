using NetGen.CodeFixes;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// The code fixes of the gradient-health rules: the exact fixed source, which must compile and carry no NetGen
/// diagnostic; Fix All; and which NG0101 remedies are offered (only those that clear the warning).
/// </summary>
public class CodeFixTests
{
    private const string ReLUTitle = "Use ReLU with He init";
    private const string SELUTitle = "Use SELU with LeCun normal init";
    private const string BatchNormTitle = "Add batch normalization after each saturating layer";
    private const string ResidualTitle = "Wrap the saturating layers in residual blocks with batch normalization";

    private const string EightSigmoidLayers = """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0101:Dense(100, Activation.Sigmoid, Repeat = 8)|}] // eight sigmoid layers
        [Dense(10)]
        public partial class Model;
        """;

    private const string SixSigmoidLayers = """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0101:Dense(100, Activation.Sigmoid)|}]
        [Dense(100, Activation.Sigmoid)]
        [Dense(100, Activation.Sigmoid)]
        [Dense(100, Activation.Sigmoid)]
        [Dense(100, Activation.Sigmoid)]
        [Dense(100, Activation.Sigmoid)]
        [Dense(10)]
        public partial class Model;
        """;

    private const string SharedList = """
        using NetGen;

        [Network(Inputs = 50, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0101:Dense(50, Activation.Sigmoid, Repeat = 3)|}, Dense(50, Activation.Sigmoid, Repeat = 3), Dense(10)]
        public partial class Model;
        """;

    // NG0101

    [Fact]
    public async Task NG0101_OffersTheRemediesThatClearIt()
    {
        Assert.Equal([ReLUTitle, SELUTitle, ResidualTitle], await OfferedAsync(EightSigmoidLayers));
        Assert.Equal([ReLUTitle, SELUTitle, BatchNormTitle, ResidualTitle], await OfferedAsync(SixSigmoidLayers));
        // Batch normalization after each group normalizes only its last copy: Layer1 still learns ~210x slower than Layer7.
        Assert.Equal([ReLUTitle, SELUTitle, ResidualTitle], await OfferedAsync(SharedList));
    }

    [Fact]
    public async Task NG0101_NarrowLayers_ReLUNotOffered()
    {
        // Twenty ReLU layers of 5 units would raise NG0104 (a typical network's gradient far below 1/100 of the prediction):
        // the ReLU remedy trades one warning for another.
        string[] offered = await OfferedAsync("""
            using NetGen;

            [Network(Inputs = 10, Loss = Loss.SoftmaxCrossEntropy)]
            [Dense(5, Activation.Sigmoid, Repeat = 20)]
            [Dense(2)]
            public partial class Model;
            """);
        Assert.DoesNotContain(ReLUTitle, offered);
        Assert.Contains(SELUTitle, offered);
    }

    [Fact]
    public async Task NG0101_WidthChange_ResidualOffered()
    {
        // The first block reads the 784 inputs: its skip is a learned projection to 100.
        Assert.Contains(ResidualTitle, await OfferedAsync(EightSigmoidLayers.Replace("Inputs = 100", "Inputs = 784")));
    }

    [Fact]
    public async Task NG0101_LayersInAnotherPart_NothingOffered()
    {
        // The fixes edit one type declaration: hidden layers written in another part of the partial class are out of reach.
        const string source = """
            using NetGen;

            [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
            [{|NG0101:Dense(100, Activation.Sigmoid, Repeat = 4)|}]
            public partial class Model;

            [Dense(100, Activation.Sigmoid, Repeat = 4)]
            [Dense(10)]
            public partial class Model;
            """;
        await AnalyzerVerifier.VerifyAsync<Analyzers.GradientHealthAnalyzer>(source, editorConfig: null);
        Assert.Empty(await OfferedAsync(source));
    }

    [Fact]
    public Task NG0101_ReLU() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>(EightSigmoidLayers, """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(100, Activation.ReLU, Init = Init.HeNormal, Repeat = 8)] // eight sigmoid layers
        [Dense(10)]
        public partial class Model;
        """, VanishingGradientCodeFixProvider.ReLUKey);

    [Fact]
    public Task NG0101_ReLU_ReplacesInitAndNamedActivation() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0101:Dense(100, activation: Activation.Tanh, Init = Init.GlorotNormal, Repeat = 4)|}]
        [Dense(100, Activation.Sigmoid, Init = Init.LeCunNormal, Repeat = 4)]
        [Dense(10)]
        public partial class Model;
        """, """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(100, activation: Activation.ReLU, Init = Init.HeNormal, Repeat = 4)]
        [Dense(100, Activation.ReLU, Init = Init.HeNormal, Repeat = 4)]
        [Dense(10)]
        public partial class Model;
        """, VanishingGradientCodeFixProvider.ReLUKey);

    [Fact]
    public Task NG0101_SELU() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>(EightSigmoidLayers, """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(100, Activation.SELU, Repeat = 8)] // eight sigmoid layers
        [Dense(10)]
        public partial class Model;
        """, VanishingGradientCodeFixProvider.SELUKey);

    [Fact]
    public Task NG0101_BatchNorm() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>(SixSigmoidLayers, """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(100, Activation.Sigmoid)]
        [BatchNorm]
        [Dense(100, Activation.Sigmoid)]
        [BatchNorm]
        [Dense(100, Activation.Sigmoid)]
        [BatchNorm]
        [Dense(100, Activation.Sigmoid)]
        [BatchNorm]
        [Dense(100, Activation.Sigmoid)]
        [BatchNorm]
        [Dense(100, Activation.Sigmoid)]
        [BatchNorm]
        [Dense(10)]
        public partial class Model;
        """, VanishingGradientCodeFixProvider.BatchNormKey);

    [Fact]
    public Task NG0101_BatchNorm_NotOfferedAfterARepeatedLayer() =>
        // One [BatchNorm] after Repeat = 8 normalizes only the last copy: the first seven sigmoid layers still separate the
        // first hidden layer from the last, so the gradient still vanishes and no fix is offered.
        CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>(EightSigmoidLayers, EightSigmoidLayers, VanishingGradientCodeFixProvider.BatchNormKey);

    [Fact]
    public Task NG0101_Residual() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>(EightSigmoidLayers, """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [Residual(Repeat = 8)]
        [Dense(100, Activation.Sigmoid)] // eight sigmoid layers
        [BatchNorm]
        [EndResidual]
        [Dense(10)]
        public partial class Model;
        """, VanishingGradientCodeFixProvider.ResidualKey);

    [Fact]
    public Task NG0101_SharedList_ReLU() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>(SharedList, """
        using NetGen;

        [Network(Inputs = 50, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(50, Activation.ReLU, Init = Init.HeNormal, Repeat = 3), Dense(50, Activation.ReLU, Init = Init.HeNormal, Repeat = 3), Dense(10)]
        public partial class Model;
        """, VanishingGradientCodeFixProvider.ReLUKey);

    [Fact]
    public Task NG0101_SharedList_Residual() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>(SharedList, """
        using NetGen;

        [Network(Inputs = 50, Loss = Loss.SoftmaxCrossEntropy)]
        [Residual(Repeat = 3), Dense(50, Activation.Sigmoid), BatchNorm, EndResidual, Residual(Repeat = 3), Dense(50, Activation.Sigmoid), BatchNorm, EndResidual, Dense(10)]
        public partial class Model;
        """, VanishingGradientCodeFixProvider.ResidualKey);

    [Fact]
    public Task NG0101_FixAll_TwoNetworks() => CodeFixVerifier.VerifyAsync<VanishingGradientCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0101:Dense(100, Activation.Sigmoid, Repeat = 8)|}]
        [Dense(10)]
        public partial class First;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0101:Dense(64, Activation.Sigmoid, Repeat = 10)|}]
        [Dense(2)]
        public partial class Second;
        """, """
        using NetGen;

        [Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(100, Activation.SELU, Repeat = 8)]
        [Dense(10)]
        public partial class First;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(64, Activation.SELU, Repeat = 10)]
        [Dense(2)]
        public partial class Second;
        """, VanishingGradientCodeFixProvider.SELUKey, fixAllIterations: 1);

    // NG0103

    [Fact]
    public Task NG0103_SigmoidWithHe() => CodeFixVerifier.VerifyAsync<InitializerCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(128, Activation.Sigmoid, {|NG0103:Init = Init.HeNormal|})]
        [Dense(10)]
        public partial class Model;
        """, """
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(128, Activation.Sigmoid, Init = Init.GlorotUniform)]
        [Dense(10)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0103_ConstantWeights_RemovesInitValue() => CodeFixVerifier.VerifyAsync<InitializerCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 8)]
        [Dense(8, Activation.Tanh, {|NG0103:Init = Init.Constant|}, InitValue = 0.1, Repeat = 2)]
        [Dense(1)]
        public partial class Model;
        """, """
        using NetGen;

        [Network(Inputs = 8)]
        [Dense(8, Activation.Tanh, Init = Init.GlorotUniform, Repeat = 2)]
        [Dense(1)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0103_FixAll_EveryLayer() => CodeFixVerifier.VerifyAsync<InitializerCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0103:Dense(64, Activation.ReLU, Repeat = 2)|}]
        [Dense(64, Activation.LeakyReLU, {|NG0103:Init = Init.LegacyUniform|}), {|NG0103:Dense(64, Activation.ELU)|}]
        [Dense(64, Activation.SELU, {|NG0103:Init = Init.GlorotUniform|})]
        [Dense(10)]
        public partial class Model;
        """, """
        using NetGen;

        [Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(64, Activation.ReLU, Init = Init.HeNormal, Repeat = 2)]
        [Dense(64, Activation.LeakyReLU, Init = Init.HeNormal), Dense(64, Activation.ELU, Init = Init.HeNormal)]
        [Dense(64, Activation.SELU, Init = Init.LeCunNormal)]
        [Dense(10)]
        public partial class Model;
        """, InitializerCodeFixProvider.EquivalenceKey, fixAllIterations: 1);

    // NG0107

    [Fact]
    public Task NG0107_ReplacesTheLoss() => CodeFixVerifier.VerifyAsync<SigmoidOutputLossCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 784, {|NG0107:Loss = Loss.MeanSquaredError|})]
        [Dense(30, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(10, Activation.Sigmoid)]
        public partial class Model;
        """, """
        using NetGen;

        [Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy)]
        [Dense(30, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(10, Activation.Sigmoid)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0107_FixAll_AddsTheLoss() => CodeFixVerifier.VerifyAsync<SigmoidOutputLossCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 4)]
        [Dense(8, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(1, {|NG0107:Activation.Sigmoid|})]
        public partial class First;

        [Network(Precision = Precision.Double, Inputs = 4)]
        [Dense(1, {|NG0107:Activation.Sigmoid|})]
        public partial class Second;
        """, """
        using NetGen;

        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(1, Activation.Sigmoid)]
        public partial class First;

        [Network(Precision = Precision.Double, Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Second;
        """, SigmoidOutputLossCodeFixProvider.EquivalenceKey, fixAllIterations: 1);

    [Fact]
    public async Task NG0107_TanhOutput_NotOffered() => Assert.Empty(await CodeFixVerifier.OfferedAsync<SigmoidOutputLossCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 4)]
        [Dense(1, Activation.Tanh)]
        public partial class Model;
        """));

    /// <summary>The NG0101 fixes offered for markup <paramref name="source"/>.</summary>
    private static async Task<string[]> OfferedAsync(string source) =>
        [.. await CodeFixVerifier.OfferedAsync<VanishingGradientCodeFixProvider>(Unmark(source))];

    private static string Unmark(string source) => source.Replace("{|NG0101:", "").Replace("|}", "");
}
