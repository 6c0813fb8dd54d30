using System.Numerics;
using NetGen.CompilerServices;

namespace NetGen.Tests.Kernels;

public class PReLUKernelsTests
{
    private const int Batch = 5;

    public static TheoryData<int, bool> Shapes()
    {
        var data = new TheoryData<int, bool>();
        // Odd feature counts: below, between and above the vector widths (4 to 16 floats), so that both the vector body and the tail run.
        foreach (int features in new[] { 1, 3, 7, 19, 37 })
        {
            data.Add(features, true);
            data.Add(features, false);
        }
        return data;
    }

    /// <summary>Values in ±2 with some exact zeros (where PyTorch takes the slope's side) and some NaN-free kinks.</summary>
    private static T[] Values<T>(int count, long seed, bool withZeros) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, count).Select(i => withZeros && i % 5 == 2 ? T.Zero : T.CreateTruncating(4 * random.NextDouble() - 2))];
    }

    private static T[] Slopes<T>(int features, bool shared, long seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, shared ? 1 : features).Select(_ => T.CreateTruncating(random.NextDouble() - 0.3))];
    }

    private static T SlopeOf<T>(T[] slopes, int index) => slopes.Length == 1 ? slopes[0] : slopes[index];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_matches_the_scalar_definition(int features, bool shared)
    {
        AssertForward<float>(features, shared);
        AssertForward<double>(features, shared);
    }

    private static void AssertForward<T>(int features, bool shared) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] x = Values<T>(Batch * features, 1, withZeros: true);
        T[] slopes = Slopes<T>(features, shared, 2);
        var output = new T[x.Length];
        PReLUKernels.Forward<T>(x, slopes, output, Batch, features);
        for (int i = 0; i < x.Length; i++)
        {
            T expected = x[i] > T.Zero ? x[i] : SlopeOf(slopes, i % features) * x[i];
            Assert.Equal(expected, output[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_adds_the_input_gradient_and_overwrites_the_slope_gradients_as_the_scalar_definition(int features, bool shared)
    {
        AssertBackward<float>(features, shared, 1e-5);
        AssertBackward<double>(features, shared, 1e-13);
    }

    private static void AssertBackward<T>(int features, bool shared, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] x = Values<T>(Batch * features, 3, withZeros: true);
        T[] da = Values<T>(Batch * features, 4, withZeros: false);
        T[] slopes = Slopes<T>(features, shared, 5);
        T[] before = Values<T>(Batch * features, 6, withZeros: false);
        T[] dx = [.. before];
        T[] ds = [.. Enumerable.Repeat(T.CreateTruncating(123.0), slopes.Length)]; // overwritten, not added to
        PReLUKernels.Backward<T>(da, x, slopes, dx, ds, Batch, features);

        var expectedSlopes = new double[slopes.Length];
        for (int i = 0; i < x.Length; i++)
        {
            bool positive = x[i] > T.Zero;
            T expected = before[i] + (positive ? da[i] : SlopeOf(slopes, i % features) * da[i]);
            Assert.Equal(expected, dx[i]);
            if (!positive)
            {
                expectedSlopes[shared ? 0 : i % features] += double.CreateTruncating(da[i] * x[i]);
            }
        }
        for (int s = 0; s < slopes.Length; s++)
        {
            double actual = double.CreateTruncating(ds[s]);
            Assert.True(Math.Abs(actual - expectedSlopes[s]) <= tolerance * Math.Max(1, Math.Abs(expectedSlopes[s])), $"slope {s}: {actual} vs {expectedSlopes[s]}");
        }

        // Without an input gradient (the layer reads the network's input): the same slope gradients, nothing else written.
        T[] dsAlone = new T[slopes.Length];
        PReLUKernels.Backward<T>(da, x, slopes, Span<T>.Empty, dsAlone, Batch, features);
        Assert.Equal(ds, dsAlone);
    }

    /// <summary>
    /// The loss L = Σ c·PReLU(x, slopes): the kernels' gradients against central differences of the forward kernel. PReLU is
    /// piecewise linear, so away from x = 0 the difference is exact up to rounding.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_agrees_with_finite_differences_of_forward(int features, bool shared)
    {
        int n = Batch * features;
        double[] x = Values<double>(n, 7, withZeros: false).Select(v => Math.Abs(v) < 0.05 ? v + 0.1 : v).ToArray();
        double[] c = Values<double>(n, 8, withZeros: false);
        double[] slopes = Slopes<double>(features, shared, 9);
        double Loss(double[] input, double[] s)
        {
            var output = new double[n];
            PReLUKernels.Forward<double>(input, s, output, Batch, features);
            return output.Zip(c, (a, weight) => a * weight).Sum();
        }

        var dx = new double[n];
        var ds = new double[slopes.Length];
        PReLUKernels.Backward<double>(c, x, slopes, dx, ds, Batch, features);

        const double h = 1e-6;
        for (int i = 0; i < n; i++)
        {
            double original = x[i];
            x[i] = original + h;
            double plus = Loss(x, slopes);
            x[i] = original - h;
            double minus = Loss(x, slopes);
            x[i] = original;
            Assert.Equal((plus - minus) / (2 * h), dx[i], 1e-7);
        }
        for (int s = 0; s < slopes.Length; s++)
        {
            double original = slopes[s];
            slopes[s] = original + h;
            double plus = Loss(x, slopes);
            slopes[s] = original - h;
            double minus = Loss(x, slopes);
            slopes[s] = original;
            Assert.Equal((plus - minus) / (2 * h), ds[s], 1e-7);
        }
        Assert.Contains(ds, g => Math.Abs(g) > 1e-3); // real gradients were compared, not zeros
    }

    [Fact]
    public void Lengths_that_do_not_fit_name_the_expected_and_the_actual_counts()
    {
        var six = new float[6];
        AssertArgument(() => PReLUKernels.Forward<float>(new float[5], new float[1], six, 2, 3), "input", "5", "6");
        AssertArgument(() => PReLUKernels.Forward<float>(six, new float[1], new float[7], 2, 3), "output", "7", "6");
        AssertArgument(() => PReLUKernels.Forward<float>(six, new float[2], six, 2, 3), "slopes", "2", "3");
        AssertArgument(() => PReLUKernels.Backward<float>(six, six, new float[3], new float[4], new float[3], 2, 3), "inputGradient", "4", "6");
        AssertArgument(() => PReLUKernels.Backward<float>(six, six, new float[3], six, new float[1], 2, 3), "slopeGradients", "1", "3");
        AssertArgument(() => PReLUKernels.Backward<float>(new float[8], six, new float[1], six, new float[1], 2, 3), "outputGradient", "8", "6");
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => PReLUKernels.Forward<float>(six, new float[1], six, 0, 3)).ParamName);
    }

    private static void AssertArgument(Action action, string parameter, params string[] inMessage)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(action);
        Assert.Equal(parameter, error.ParamName);
        foreach (string text in inMessage)
        {
            Assert.Contains(text, error.Message);
        }
    }
}
