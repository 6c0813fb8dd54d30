using System.Text;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Random declarations, whole and cut off at a random character as if half-typed: the generator and both analyzers
/// never throw (no generator exception, no CS8785, no AD0001), and whatever is generated compiles when no rule objects.
/// </summary>
public class FuzzTests
{
    private const int Cases = 200;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, Cases));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_declaration_never_crashes_the_generator_or_the_analyzers(int seed)
    {
        var random = new Random(seed);
        string declaration = RandomDeclaration(random);
        // Every other case is cut off somewhere, the way an editor sees code being typed.
        string source = seed % 2 == 0 ? declaration : declaration.Substring(0, random.Next(declaration.Length));
        FuzzCheck.NeverCrashesAndCompilesWhenValid(source);
    }

    private static readonly string[] Activations = ["Identity", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "SELU", "Softmax"];
    private static readonly string[] Inits =
    [
        "GlorotUniform", "GlorotNormal", "HeUniform", "HeNormal", "LeCunNormal", "LegacyUniform", "StandardNormal", "Zeros", "Constant",
        "Normal", "Uniform", "TruncatedNormal", "VarianceScaling", "Orthogonal", "Identity",
    ];
    private static readonly string[] Numbers = ["0.5", "0", "-1", "1e39", "1e-50", "double.NaN", "2"];
    private static readonly string[] Losses = ["MeanSquaredError", "SoftmaxCrossEntropy", "SigmoidCrossEntropy", "BinaryCrossEntropy"];
    private static readonly string[] Sizes = ["1", "2", "3", "8", "16", "0", "-1", "int.MaxValue"];

    private static string RandomDeclaration(Random random)
    {
        var text = new StringBuilder();
        text.Append($"[Network(Inputs = {Pick(random, Sizes)}, Loss = Loss.{Pick(random, Losses)}");
        if (random.Next(4) == 0)
        {
            text.Append(", Precision = Precision.Double");
        }
        text.Append(")]\n");
        int attributes = random.Next(0, 8);
        for (int i = 0; i < attributes; i++)
        {
            text.Append(random.Next(14) switch
            {
                < 5 => Dense(random),
                5 => $"[BatchNorm(Activation = Activation.{Pick(random, Activations)}, Momentum = {Pick(random, ["0.1", "0", "2"])})]",
                6 => $"[LayerNorm(Epsilon = {Pick(random, ["1e-5", "0", "-1", "1e-50", "1e39"])})]",
                7 => $"[Residual(Repeat = {Pick(random, ["1", "2", "0"])}, Projection = {Pick(random, ["true", "false"])})]",
                8 => $"[EndResidual(Activation = Activation.{Pick(random, Activations)})]",
                9 => $"[PReLU(SharedSlope = {Pick(random, ["true", "false"])}, InitialSlope = {Pick(random, Numbers)})]",
                10 => $"[Dropout({Pick(random, ["0.5", "0", "1", "-0.1", "0.999"])})]",
                11 => $"[Repeat({Pick(random, ["1", "3", "0", "int.MaxValue"])})]",
                12 => "[EndRepeat]",
                _ => "[PReLU]",
            });
            text.Append('\n');
        }
        text.Append(Dense(random)).Append('\n');
        text.Append(random.Next(5) == 0 ? "public class Model;" : "public partial class Model;");
        return text.ToString();
    }

    private static string Dense(Random random)
    {
        string init = Pick(random, Inits);
        string extra = random.Next(3) == 0 ? $", Repeat = {Pick(random, ["2", "5", "0"])}" : "";
        extra += init == "Constant" ? $", InitValue = {Pick(random, Numbers)}" : "";
        extra += random.Next(6) == 0 ? ", Alpha = 0.5" : "";
        extra += random.Next(5) == 0 ? ", UseBias = false" : "";
        extra += random.Next(5) == 0 ? $", {Pick(random, ["InitMean", "InitStandardDeviation", "InitMinimum", "InitMaximum", "InitScale", "InitGain", "BiasInitMean"])} = {Pick(random, Numbers)}" : "";
        extra += random.Next(6) == 0 ? $", BiasInit = Init.{Pick(random, Inits)}" : "";
        return $"[Dense({Pick(random, Sizes)}, Activation.{Pick(random, Activations)}, Init = Init.{init}{extra})]";
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
