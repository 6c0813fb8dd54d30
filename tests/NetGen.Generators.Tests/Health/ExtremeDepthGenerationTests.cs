using Microsoft.CodeAnalysis;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The generated code of the deepest networks NetGen accepts (1000 layers) compiles, whatever the prediction's size: the
/// Gradient column and <c>LayerInfo.PredictedGradient</c> of a stack that vanishes or explodes past a double's range are
/// finite literals, and the rules keep the verdict's direction.
/// </summary>
public class ExtremeDepthGenerationTests
{
    [Theory]
    [InlineData("Sigmoid", "Init.GlorotUniform", "NG0101")]
    [InlineData("ReLU", "Init.StandardNormal", "NG0102")]
    [InlineData("Tanh", "Init.StandardNormal", "NG0102")]
    public void A_1000_layer_network_generates_code_that_compiles_and_keeps_the_verdict(string activation, string init, string verdict)
    {
        string source = $$"""
            using NetGen;
            namespace Samples;
            [Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy)]
            [Dense(16, Activation.{{activation}}, Init = {{init}}, Repeat = 999)]
            [Dense(4)]
            public partial class Deep;
            """;
        var compilation = Compilations.Create(source);
        var (result, output, driverDiagnostics) = Compilations.RunGenerator(compilation);
        string generated = result.GeneratedSources.Single().SourceText.ToString();

        Assert.Empty(driverDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain("NaN", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", generated, StringComparison.Ordinal);
        Assert.Contains(Compilations.RunAllAnalyzers(compilation), d => d.Id == verdict);
    }
}
