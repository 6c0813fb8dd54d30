using System.Text;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Random image declarations with convolutions and poolings, whole and cut off as if half-typed: the generator and the
/// analyzers never throw, and whatever is generated compiles when no rule objects (the same contract as <see cref="FuzzTests"/>).
/// </summary>
public class ConvolutionFuzzTests
{
    private const int Cases = 200;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, Cases));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_convolutional_declaration_never_crashes_and_compiles_when_valid(int seed)
    {
        var random = new Random(seed);
        string declaration = RandomDeclaration(random);
        string source = seed % 4 == 3 ? declaration.Substring(0, random.Next(declaration.Length)) : declaration;
        FuzzCheck.NeverCrashesAndCompilesWhenValid(source);
    }

    private static readonly string[] ImageSizes = ["4", "5", "8", "12", "16", "28"];
    private static readonly string[] BadImageSizes = ["1", "2", "0", "-3", "int.MaxValue", "65536"];
    private static readonly string[] Channels = ["1", "3", "2"];
    private static readonly string[] BadChannels = ["0", "-1", "int.MaxValue", "40000"];
    private static readonly string[] Kernels = ["1", "2", "3", "5"];
    private static readonly string[] BadKernels = ["0", "-2", "int.MaxValue", "100"];
    private static readonly string[] Strides = ["1", "2", "3"];
    private static readonly string[] BadStrides = ["0", "-1", "int.MaxValue"];
    private static readonly string[] Paddings = ["-1", "0", "1", "2"];
    private static readonly string[] BadPaddings = ["-2", "int.MaxValue", "1000000000"];
        private static readonly string[] Activations = ["Identity", "ReLU", "Tanh", "LeakyReLU", "ELU", "SELU", "Sigmoid"];

    private static string RandomDeclaration(Random random)
    {
        var text = new StringBuilder("[Network(");
        var network = new List<string>();
        if (random.Next(20) != 0)
        {
            network.Add($"Height = {Mostly(random, ImageSizes, BadImageSizes)}");
        }
        if (random.Next(20) != 0)
        {
            network.Add($"Width = {Mostly(random, ImageSizes, BadImageSizes)}");
        }
        if (random.Next(3) == 0)
        {
            network.Add($"Channels = {Mostly(random, Channels, BadChannels)}");
        }
        if (random.Next(16) == 0)
        {
            network.Add($"Inputs = {Pick(random, ["4", "0"])}");
        }
        if (random.Next(16) == 0)
        {
            network.Add("Steps = 3");
        }
        network.Add($"Loss = Loss.{Pick(random, ["MeanSquaredError", "MeanSquaredError", "SoftmaxCrossEntropy", "SigmoidCrossEntropy"])}");
        if (random.Next(3) == 0)
        {
            network.Add("Precision = Precision.Double");
        }
        text.Append(string.Join(", ", network)).Append(")]\n");
        int layers = random.Next(1, 7);
        // Half the declarations are shaped as convolutional networks are (images, then a vector), so that many are valid.
        bool shaped = random.Next(2) == 0;
        for (int i = 0; i < layers; i++)
        {
            text.Append((shaped ? random.Next(7) : random.Next(12)) switch
            {
                < 5 => Convolution(random),
                5 or 6 => $"[{Pick(random, ["MaxPool2D", "AvgPool2D"])}({Mostly(random, Kernels, BadKernels)}{(random.Next(3) == 0 ? $", Stride = {Mostly(random, Strides, BadStrides)}" : "")})]",
                7 => Pick(random, ["[Flatten]", "[GlobalAveragePool]"]),
                8 => $"[Dropout({Mostly(random, ["0.5", "0.1"], ["0", "1"])})]",
                9 => $"[Dense({Mostly(random, ["1", "3"], ["0"])}, Activation.{Mostly(random, Activations, ["Softmax"])})]",
                10 => Pick(random, ["[BatchNorm]", "[LayerNorm]", "[PReLU]", "[Residual]", "[EndResidual]", "[Repeat(2)]", "[EndRepeat]", "[Flatten]", "[GlobalAveragePool]"]),
                _ => Pick(random, ["[LSTM(3)]", "[GRU(2, ReturnSequences = true)]", "[MaxPool2D(2)]", "[Conv2D(4, 3, Padding = Padding.Same)]"]),
            }).Append('\n');
        }
        if (shaped || random.Next(4) != 0)
        {
            text.Append(shaped ? Mostly(random, ["[Flatten]\n", "[GlobalAveragePool]\n"], [""]) : Pick(random, ["[Flatten]\n", "[GlobalAveragePool]\n", ""]));
        }
        text.Append($"[Dense({Mostly(random, ["1", "3", "10"], ["0"])})]\n");
        text.Append("public partial class Model;");
        return text.ToString();
    }

    private static string Convolution(Random random)
    {
        var arguments = new List<string> { Mostly(random, ["4", "8", "16"], BadKernels), Mostly(random, Kernels, BadKernels) };
        if (random.Next(2) == 0)
        {
            arguments.Add($"Activation.{Mostly(random, Activations, ["Softmax"])}");
        }
        if (random.Next(3) == 0)
        {
            arguments.Add($"Stride = {Mostly(random, Strides, BadStrides)}");
        }
        if (random.Next(3) == 0)
        {
            arguments.Add($"Padding = Padding.{Pick(random, ["Valid", "Same"])}");
        }
        if (random.Next(3) == 0)
        {
            arguments.Add($"PaddingSize = {Mostly(random, Paddings, BadPaddings)}");
        }
        if (random.Next(4) == 0)
        {
            arguments.Add($"Dilation = {Mostly(random, Strides, BadStrides)}");
        }
        if (random.Next(3) == 0)
        {
            arguments.Add($"Init = Init.{Mostly(random, ["GlorotUniform", "HeNormal", "LegacyUniform", "Orthogonal", "DeltaOrthogonal", "VarianceScaling"], ["Identity", "HiddenSizeUniform", "Zeros"])}");
        }
        if (random.Next(5) == 0)
        {
            arguments.Add($"InitGain = {Mostly(random, ["0.5", "2"], ["double.NaN"])}");
        }
        if (random.Next(4) == 0)
        {
            arguments.Add($"BiasInit = Init.{Mostly(random, ["Zeros", "LegacyUniform", "Uniform"], ["Orthogonal", "DeltaOrthogonal"])}");
        }
        if (random.Next(5) == 0)
        {
            arguments.Add("UseBias = false");
        }
        return $"[Conv2D({string.Join(", ", arguments)})]";
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>A good value fourteen times in fifteen, else one a rule refuses or that stresses the sizes.</summary>
    private static string Mostly(Random random, string[] good, string[] bad) => random.Next(15) == 0 ? Pick(random, bad) : Pick(random, good);
}
