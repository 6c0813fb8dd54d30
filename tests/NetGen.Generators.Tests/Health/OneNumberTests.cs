using System.Text.RegularExpressions;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The predicted gradient is one number wherever a user reads it: the NG0101/NG0102 message, the summary's Gradient
/// column and <c>LayerInfo.PredictedGradient</c> of the first dense layer agree (to the two digits the first two show).
/// </summary>
public class OneNumberTests
{
    [Theory]
    [InlineData("[Dense(100, Activation.Sigmoid, Repeat = 8)]", "NG0101")]
    [InlineData("[Dense(100, Activation.Tanh, Init = Init.StandardNormal, Repeat = 16)]", "NG0102")]
    public void The_message_the_summary_and_the_layer_table_show_the_same_prediction(string layers, string id)
    {
        string source = $"using NetGen;\nnamespace Samples;\n[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy)]\n{layers}\n[Dense(10)]\npublic partial class Model;";
        var compilation = Compilations.Create(source);
        string generated = Compilations.RunGenerator(compilation).Result.GeneratedSources.Single().SourceText.ToString();
        var diagnostic = Compilations.RunAllAnalyzers(compilation).Single(d => d.Id == id);

        string inMessage = Regex.Match(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), @"predicted to be ~(\S+)").Groups[1].Value;
        string inSummary = Regex.Match(generated, @"/// Layer1 +Dense +\S+ -&gt; \S+ .* (\S+)\r?\n").Groups[1].Value;
        double inLayerTable = double.Parse(Regex.Match(generated, @"new\(""Layer1"".*PredictedGradient: ([^d)]+)d\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotEmpty(inMessage);
        Assert.Equal(inMessage, inSummary);
        Assert.Equal(inMessage, inLayerTable.ToString("G2", System.Globalization.CultureInfo.InvariantCulture));
    }
}
