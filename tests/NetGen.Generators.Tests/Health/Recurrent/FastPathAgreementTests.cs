using System.Globalization;
using NetGen.Generators.Gradients.Recurrent;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// The fast path (renewal sums by correlations, Gauss–Hermite gate moments, the forward state's settling) gives the
/// numbers the term-by-term computation gave, within 1 % at every recorded lag, T = 200 and 1000, every cell.
/// </summary>
public class FastPathAgreementTests
{
    public static TheoryData<string, int> CasesAndLengths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (HorizonNumbers numbers in HorizonNumbersBeforeFastPath.All)
            {
                data.Add(numbers.Case, numbers.Length);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CasesAndLengths))]
    public void The_fast_path_gives_the_numbers_of_the_term_by_term_computation(string name, int length)
    {
        HorizonNumbers before = HorizonNumbersBeforeFastPath.All.Single(n => n.Case == name && n.Length == length);
        RecurrentHorizonPrediction now = RecurrentHorizon.Predict(HorizonCases.Get(name, length));
        Assert.Equal(length, now.SequenceLength);
        Assert.Equal(length, now.Ratios.Length);
        foreach ((int lag, double ratio) in before.Ratios)
        {
            AssertWithinOnePercent(ratio, now.Ratio(lag), $"{name}, T = {length}, ratio at lag {lag}");
        }
        AssertWithinOnePercent(before.MemoryHorizon, now.MemoryHorizon, $"{name}, T = {length}, memory horizon");
        AssertWithinOnePercent(before.StepFactorSquared, now.StepFactorSquared, $"{name}, T = {length}, step factor²");
    }

    private static void AssertWithinOnePercent(double expected, double actual, string what)
    {
        bool same = double.IsNaN(expected) ? double.IsNaN(actual)
            : double.IsInfinity(expected) ? actual == expected
            : Math.Abs(actual - expected) <= 0.01 * Math.Abs(expected);
        Assert.True(same, string.Format(CultureInfo.InvariantCulture, "{0}: {1:R} before the fast path, {2:R} now; expected within 1 %.", what, expected, actual));
    }
}
