using System.Text;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Random sequence declarations with recurrent layers, whole and cut off as if half-typed: the generator and the analyzers
/// never throw, and whatever is generated compiles when no rule objects (the same contract as <see cref="FuzzTests"/>).
/// </summary>
public class RecurrentFuzzTests
{
    private const int Cases = 120;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, Cases));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_recurrent_declaration_never_crashes_and_compiles_when_valid(int seed)
    {
        var random = new Random(seed);
        string declaration = RandomDeclaration(random);
        string source = seed % 3 == 2 ? declaration.Substring(0, random.Next(declaration.Length)) : declaration;
        FuzzCheck.NeverCrashesAndCompilesWhenValid(source);
    }

    private static readonly string[] Cells = ["SimpleRNN", "LSTM", "GRU"];
    private static readonly string[] Inits =
    [
        "GlorotUniform", "HeNormal", "LegacyUniform", "StandardNormal", "Zeros", "Constant", "Normal", "Uniform", "Orthogonal", "Identity", "HiddenSizeUniform",
    ];
    private static readonly string[] Steps = ["1", "2", "7", "30", "0", "-3", "int.MaxValue", "100000"];
    private static readonly string[] Sizes = ["1", "3", "8", "0", "-1", "int.MaxValue", "40000"];
    private static readonly string[] Numbers = ["0.5", "0", "-1", "1e39", "double.NaN", "2", "6"];

    private static string RandomDeclaration(Random random)
    {
        var text = new StringBuilder();
        text.Append($"[Network(Inputs = {Pick(random, Sizes)}");
        if (random.Next(6) != 0)
        {
            text.Append($", Steps = {Pick(random, Steps)}");
        }
        text.Append($", Loss = Loss.{Pick(random, ["MeanSquaredError", "SoftmaxCrossEntropy", "SigmoidCrossEntropy"])}");
        text.Append(random.Next(3) == 0 ? ", Precision = Precision.Double)]\n" : ")]\n");
        int layers = random.Next(1, 5);
        for (int i = 0; i < layers; i++)
        {
            text.Append(random.Next(7) switch
            {
                < 4 => Recurrent(random),
                4 => $"[Dropout({Pick(random, ["0.5", "0", "1"])})]",
                5 => $"[Dense({Pick(random, Sizes)}, Activation.{Pick(random, ["Tanh", "ReLU", "Softmax", "Identity"])})]",
                _ => Pick(random, ["[LayerNorm]", "[BatchNorm]", "[PReLU]", "[Residual]", "[EndResidual]"]),
            }).Append('\n');
        }
        text.Append($"[Dense({Pick(random, ["1", "3", "10", "0"])})]\n");
        text.Append("public partial class Model;");
        return text.ToString();
    }

    private static string Recurrent(Random random)
    {
        string cell = Pick(random, Cells);
        var arguments = new List<string> { Pick(random, Sizes) };
        if (cell == "SimpleRNN" && random.Next(2) == 0)
        {
            arguments.Add($"Activation.{Pick(random, ["Tanh", "ReLU", "Sigmoid"])}");
        }
        if (random.Next(2) == 0)
        {
            arguments.Add($"ReturnSequences = {Pick(random, ["true", "false"])}");
        }
        foreach (string prefix in new[] { "Init", "RecurrentInit", "BiasInit" })
        {
            if (random.Next(3) == 0)
            {
                arguments.Add($"{prefix} = Init.{Pick(random, Inits)}");
            }
            if (random.Next(6) == 0)
            {
                arguments.Add($"{prefix}{Pick(random, ["Value", "Gain", "Minimum", "StandardDeviation"])} = {Pick(random, Numbers)}");
            }
        }
        if (random.Next(4) == 0)
        {
            arguments.Add($"Defaults = RecurrentDefaults.{Pick(random, ["Keras", "PyTorch"])}");
        }
        if (random.Next(5) == 0)
        {
            arguments.Add("UseBias = false");
        }
        if (cell == "LSTM" && random.Next(3) == 0)
        {
            arguments.Add(random.Next(2) == 0 ? $"ForgetBias = {Pick(random, Numbers)}" : $"ChronoMaxDependency = {Pick(random, ["2", "3", "50", "0", "int.MaxValue"])}");
        }
        return $"[{cell}({string.Join(", ", arguments)})]";
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
