using System.Globalization;
using System.Text.RegularExpressions;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The predicted gradient is one number wherever a user reads it: the NG0101/NG0102 message quotes the first and the last
/// hidden layers' values of the summary's Gradient column, and its factor is the quotient of the two layers'
/// <c>LayerInfo.PredictedGradient</c> (to the two digits the message shows). The typical gradient of a narrow stack
/// likewise: NG0104's first-layer figure is the Typical column over the Gradient column, and <c>LayerInfo.TypicalGradient</c>.
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

    [Theory]
    [InlineData(5, 20)]
    [InlineData(3, 10)]
    [InlineData(5, 10)]
    public void NG0104_quotes_the_typical_gradient_of_the_summary_and_the_layer_table(int width, int depth)
    {
        string source = $"using NetGen;\nnamespace Samples;\n[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]\n" +
                        $"[Dense({width}, Activation.ReLU, Init = Init.HeNormal, Repeat = {depth})]\n[Dense(10)]\npublic partial class Model;";
        var compilation = Compilations.Create(source);
        string generated = Compilations.RunGenerator(compilation).Result.GeneratedSources.Single().SourceText.ToString();
        string message = Compilations.RunAllAnalyzers(compilation).Single(d => d.Id == "NG0104").GetMessage(CultureInfo.InvariantCulture);

        Match quoted = Regex.Match(message, @"first-layer gradient is ~1/(\S+) of the mean-field prediction");
        Assert.True(quoted.Success, message);
        double meanField = LayerTable(generated, "Layer1");
        double typical = double.Parse(Regex.Match(generated, @"new\(""Layer1"".*TypicalGradient: ([^d,)]+)d\)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(typical.ToString("G2", CultureInfo.InvariantCulture), Column(generated, "Layer1", "Typical*"));
        Assert.Equal(Math.Round(meanField / typical), double.Parse(quoted.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The layer's value in the Gradient column of the generated XML doc's layer table (cells are two or more spaces apart).</summary>
    private static string Column(string generated, string layer, string column = "Gradient*")
    {
        string[] header = Regex.Split(Regex.Match(generated, @"/// (Layer +Type .*)\r?\n").Groups[1].Value, @"\s{2,}");
        string[] row = Regex.Split(Regex.Match(generated, $@"/// ({layer} +Dense .*)\r?\n").Groups[1].Value, @"\s{2,}");
        return row[Array.IndexOf(header, column)];
    }

    /// <summary>The layer's <c>LayerInfo.PredictedGradient</c> as generated (round-trip digits).</summary>
    private static double LayerTable(string generated, string layer) =>
        double.Parse(Regex.Match(generated, $@"new\(""{layer}"".*PredictedGradient: ([^d,)]+)d,").Groups[1].Value, CultureInfo.InvariantCulture);
}
