using System.Text;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Random convolutional declarations built to be valid (every window fits, every pooling tiles), so that each one is
/// generated: no rule objects, and the generated code compiles without a warning. <see cref="ConvolutionFuzzTests"/>
/// covers the invalid ones.
/// </summary>
public class ValidConvolutionFuzzTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_valid_convolutional_network_is_generated_and_compiles(int seed)
    {
        string source = "using NetGen;\n" + RandomValidDeclaration(new Random(seed));
        Compilation compilation = Compilations.Create(source);
        var errors = Compilations.RunAnalyzer(compilation).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"a rule objects to:\n{source}\n{Compilations.Describe(errors)}");

        var (result, output, driverDiagnostics) = Compilations.RunGenerator(compilation);
        Assert.Null(result.Exception);
        Assert.Empty(driverDiagnostics);
        Assert.Single(result.GeneratedSources);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"the generated code does not compile cleanly for:\n{source}\n{Compilations.Describe(problems)}");
    }

    private static string RandomValidDeclaration(Random random)
    {
        int channels = random.Next(1, 4), height = random.Next(4, 20), width = random.Next(4, 20);
        var text = new StringBuilder();
        text.Append($"[Network(Channels = {channels}, Height = {height}, Width = {width}, Loss = Loss.SoftmaxCrossEntropy");
        text.Append(random.Next(2) == 0 ? ", Precision = Precision.Double)]\n" : ")]\n");
        int layers = random.Next(1, 7);
        for (int i = 0; i < layers; i++)
        {
            int smallest = Math.Min(height, width);
            switch (random.Next(6))
            {
                case 0 or 1:
                {
                    int kernel = random.Next(1, Math.Min(5, smallest) + 1);
                    int filters = random.Next(1, 6);
                    bool same = random.Next(2) == 0;
                    int stride = same ? 1 : random.Next(1, 3);
                    string activation = new[] { "ReLU", "Tanh", "Identity", "LeakyReLU", "ELU" }[random.Next(5)];
                    string init = new[] { "GlorotUniform", "HeNormal", "Orthogonal", "DeltaOrthogonal", "LegacyUniform" }[random.Next(5)];
                    text.Append($"[Conv2D({filters}, {kernel}, Activation.{activation}, Init = Init.{init}, Stride = {stride}")
                        .Append(same ? ", Padding = Padding.Same" : "")
                        .Append(random.Next(3) == 0 ? ", UseBias = false" : "")
                        .Append(")]\n");
                    if (!same)
                    {
                        height = (height - kernel) / stride + 1;
                        width = (width - kernel) / stride + 1;
                    }
                    channels = filters;
                    break;
                }
                case 2 when smallest >= 2 && height % 2 == 0 && width % 2 == 0:
                    text.Append(random.Next(2) == 0 ? "[MaxPool2D(2)]\n" : "[AvgPool2D(2)]\n");
                    height /= 2;
                    width /= 2;
                    break;
                case 3:
                    text.Append("[BatchNorm(Activation = Activation.ReLU)]\n");
                    break;
                case 4:
                {
                    // An identity block, or one whose branch changes the channels and maybe (stride 2, padding 1) halves the
                    // size, ⌊(H − 1)/2⌋ + 1: its skip is then a 1x1-convolution projection.
                    bool project = random.Next(2) == 0;
                    int filters = project ? random.Next(1, 6) : channels;
                    int stride = project && smallest >= 2 ? random.Next(1, 3) : 1;
                    text.Append($"[Residual]\n[Conv2D({filters}, 3, Activation.ReLU, ")
                        .Append(stride == 1 ? "Padding = Padding.Same" : "Stride = 2, PaddingSize = 1")
                        .Append(")]\n[EndResidual]\n");
                    height = (height - 1) / stride + 1;
                    width = (width - 1) / stride + 1;
                    channels = filters;
                    break;
                }
                default:
                    text.Append("[Dropout(0.25)]\n");
                    break;
            }
        }
        text.Append(random.Next(2) == 0 ? "[Flatten]\n" : "[GlobalAveragePool]\n");
        if (random.Next(2) == 0)
        {
            text.Append("[Dense(8, Activation.ReLU)]\n");
        }
        text.Append("[Dense(3)]\npublic partial class Model;");
        return text.ToString();
    }
}
