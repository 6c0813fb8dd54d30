using NetGen.CompilerServices;

namespace NetGen.Tests.Kernels;

public class DropoutKernelsTests
{
    private const int Count = 100_003; // odd: the backward pass's vector tail runs too

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void About_rate_of_the_values_are_dropped_and_the_others_scaled_by_one_over_one_minus_rate(double rate)
    {
        var input = Enumerable.Range(0, Count).Select(i => 1.0 + (i % 3)).ToArray(); // mean 2
        var output = new double[Count];
        var mask = new double[Count];
        DropoutKernels.Forward<double>(input, output, mask, rate, new SeededRandom(1));

        double dropped = mask.Count(m => m == 0) / (double)Count;
        double standardError = Math.Sqrt(rate * (1 - rate) / Count);
        Assert.InRange(dropped, rate - 5 * standardError, rate + 5 * standardError);
        Assert.All(mask, m => Assert.True(m == 0 || m == 1 / (1 - rate), $"mask value {m}"));
        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(input[i] * mask[i], output[i]);
        }
        // Inverted scaling keeps the expectation: E[x·m] = E[x]. Var(x·m) ≤ E[x²]·rate/(1 − rate) + Var(x).
        double meanInput = input.Average();
        double spread = Math.Sqrt((input.Average(v => v * v) * rate / (1 - rate) + 1) / Count);
        Assert.InRange(output.Average(), meanInput - 5 * spread, meanInput + 5 * spread);
    }

    [Fact]
    public void The_mask_draws_one_uniform_per_value_in_order_and_drops_below_the_rate()
    {
        const double rate = 0.3;
        var mask = new float[37];
        var random = new SeededRandom(2);
        DropoutKernels.Forward<float>(new float[37], new float[37], mask, rate, random);
        var reference = new SeededRandom(2);
        for (int i = 0; i < mask.Length; i++)
        {
            Assert.Equal(reference.NextDouble() < rate ? 0f : (float)(1 / (1 - rate)), mask[i]);
        }
        Assert.Equal(reference.GetState(), random.GetState());
    }

    [Fact]
    public void The_same_seed_gives_the_same_mask_bit_for_bit_and_another_seed_another()
    {
        float[] Mask(long seed)
        {
            var mask = new float[1000];
            DropoutKernels.Forward<float>(new float[1000], new float[1000], mask, 0.5, new SeededRandom(seed));
            return mask;
        }
        Assert.Equal(Mask(3).Select(BitConverter.SingleToInt32Bits), Mask(3).Select(BitConverter.SingleToInt32Bits));
        Assert.NotEqual(Mask(3), Mask(4));
    }

    [Fact]
    public void A_rate_of_0_copies_the_input_with_a_mask_of_ones_and_draws_nothing()
    {
        float[] input = [1.5f, -2f, 0f, 3.25f, float.Epsilon];
        var output = new float[5];
        float[] mask = [7f, 7f, 7f, 7f, 7f];
        var random = new SeededRandom(5);
        SeededRandomState before = random.GetState();
        DropoutKernels.Forward<float>(input, output, mask, 0, random);
        Assert.Equal(input, output);
        Assert.All(mask, m => Assert.Equal(1f, m));
        Assert.Equal(before, random.GetState());
    }

    /// <summary>With the mask fixed, output = x·m is linear in x: the backward pass against central differences of the forward pass.</summary>
    [Fact]
    public void Backward_adds_the_gradient_through_the_mask_and_agrees_with_finite_differences()
    {
        const int n = 41;
        const double rate = 0.4;
        var random = new SeededRandom(6);
        double[] x = [.. Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1)];
        double[] c = [.. Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1)];
        var mask = new double[n];
        DropoutKernels.Forward<double>(x, new double[n], mask, rate, new SeededRandom(7));
        Assert.Contains(mask, m => m == 0);
        Assert.Contains(mask, m => m != 0);

        double Loss(double[] input)
        {
            var output = new double[n];
            for (int i = 0; i < n; i++)
            {
                output[i] = input[i] * mask[i]; // the fixed mask: what forward computed with it
            }
            return output.Zip(c, (a, weight) => a * weight).Sum();
        }
        double[] before = [.. Enumerable.Range(0, n).Select(i => 0.01 * i)];
        double[] dx = [.. before];
        DropoutKernels.Backward<double>(c, mask, dx);

        const double h = 1e-6;
        for (int i = 0; i < n; i++)
        {
            double original = x[i];
            x[i] = original + h;
            double plus = Loss(x);
            x[i] = original - h;
            double minus = Loss(x);
            x[i] = original;
            Assert.Equal(before[i] + (plus - minus) / (2 * h), dx[i], 1e-8);
        }
    }

    [Fact]
    public void Out_of_range_rates_and_lengths_are_refused_with_both_values()
    {
        var five = new float[5];
        var random = new SeededRandom(0);
        foreach (double rate in new[] { -0.1, 1.0, double.NaN })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => DropoutKernels.Forward<float>(five, five, five, rate, random));
            Assert.Equal("rate", error.ParamName);
            Assert.Contains("[0, 1)", error.Message);
            Assert.Contains(rate.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        }
        var mismatch = Assert.Throws<ArgumentException>(() => DropoutKernels.Forward<float>(five, five, new float[4], 0.5, random));
        Assert.Equal("mask", mismatch.ParamName);
        Assert.Contains("4", mismatch.Message);
        Assert.Contains("5", mismatch.Message);
        mismatch = Assert.Throws<ArgumentException>(() => DropoutKernels.Backward<float>(five, five, new float[6]));
        Assert.Equal("inputGradient", mismatch.ParamName);
        Assert.Contains("6", mismatch.Message);
    }
}
