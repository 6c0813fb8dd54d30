using System.Globalization;
using System.Text.RegularExpressions;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The predicted gradient is one number wherever a user reads it: the NG0101/NG0102 message quotes the first and the last
/// hidden layers' values of the summary's Gradient column, and its factor is the quotient of the two layers'
/// <c>LayerInfo.PredictedGradient</c> (to the two digits the message shows).
/// </summary>
public class OneNumberTests
{
    [Theory]
    [InlineData("[Dense(100, Activation.Sigmoid, Repeat = 8)]", "NG0101", "Layer8", "slower")]
    [InlineData("[Dense(100, Activation.Tanh, Init = Init.StandardNormal, Repeat = 16)]", "NG0102", "Layer16", "faster")]
    [InlineData("[Dense(100, Activation.Sigmoid, Repeat = 3)]", "NG0101", "Layer3", "slower")]
    [InlineData("[Dense(100, Activation.ReLU, Init = Init.GlorotUniform, Repeat = 8)]", "NG0108", "Layer8", "slower")]
    public void The_message_the_summary_and_the_layer_table_show_the_same_prediction(string layers, string id, string last, string direction)
    {
        string source = $"using NetGen;\nnamespace Samples;\n[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]\n{layers}\n[Dense(10)]\npublic partial class Model;";
        var compilation = Compilations.Create(source);
        string generated = Compilations.RunGenerator(compilation).Result.GeneratedSources.Single().SourceText.ToString();
        string message = Compilations.RunAllAnalyzers(compilation).Single(d => d.Id == id).GetMessage(CultureInfo.InvariantCulture);

        Match quoted = Regex.Match(message, $@"learn ~(\S+)x {direction} than {last}, the last: its gradient per unit is ~(\S+) of the output layer's, against ~([^;]+);");
        Assert.True(quoted.Success, message);
        Assert.Equal(Column(generated, "Layer1"), quoted.Groups[2].Value);
        Assert.Equal(Column(generated, last), quoted.Groups[3].Value);

        double first = LayerTable(generated, "Layer1"), lastValue = LayerTable(generated, last);
        double factor = direction == "slower" ? lastValue / first : first / lastValue;
        Assert.Equal(double.Parse(factor.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            double.Parse(quoted.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The layer's value in the Gradient column of the generated XML doc's layer table.</summary>
    private static string Column(string generated, string layer) =>
        Regex.Match(generated, $@"/// {layer} +Dense +\S+ -&gt; \S+ .* (\S+)\r?\n").Groups[1].Value;

    /// <summary>The layer's <c>LayerInfo.PredictedGradient</c> as generated (round-trip digits).</summary>
    private static double LayerTable(string generated, string layer) =>
        double.Parse(Regex.Match(generated, $@"new\(""{layer}"".*PredictedGradient: ([^d)]+)d\)").Groups[1].Value, CultureInfo.InvariantCulture);
}
