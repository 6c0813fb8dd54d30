using System.Globalization;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// The generator runs inside the user's compiler, under the user's culture: whatever that culture's signs and
/// separators, the generated file is the same, character for character.
/// </summary>
public class CultureTests
{
    private const string Source = """
        using NetGen;

        namespace Samples;

        [Network(Inputs = 1200, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.25)]
        [Dense(1500, Activation.LeakyReLU, NegativeSlope = -0.5, Init = Init.Uniform, InitMinimum = -0.25, InitMaximum = 1.5, BiasInit = Init.Constant, BiasInitValue = -2.5)]
        [BatchNorm(Epsilon = 1.5e-7, Momentum = 0.25)]
        [PReLU(InitialSlope = -0.125)]
        [Dropout(0.375)]
        [Dense(10, Init = Init.Normal, InitMean = -0.001)]
        public partial class Cultured;
        """;

    [Fact]
    public void The_generated_file_does_not_depend_on_the_current_culture()
    {
        string invariant = Generate(CultureInfo.InvariantCulture);
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NegativeSign = "\u2212";
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NumberGroupSeparator = "\u00a0";
        odd.NumberFormat.PositiveSign = "\u002b\u002b";
        odd.NumberFormat.PositiveInfinitySymbol = "inf";

        string cultured = Generate(odd);

        Assert.Contains("-0.125", invariant, StringComparison.Ordinal);
        Assert.Equal(invariant, cultured);
    }

    private static string Generate(CultureInfo culture)
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var (result, _, _) = Compilations.RunGenerator(Compilations.Create(Source));
            return result.GeneratedSources.Single().SourceText.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
