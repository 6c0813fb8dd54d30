using NetGen.CompilerServices;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The recurrent cells' vectorized tanh: in float within 2 ulps of the correctly rounded value over every magnitude float
/// has (TensorPrimitives.Tanh, which it replaces there, gives tanh(0) = 6e-8), its sign and special values kept; in
/// double exactly <see cref="Math.Tanh"/>. Lengths that are not a multiple of the vector width run the scalar tail too.
/// </summary>
public class GateActivationsTests
{
    [Fact]
    public void Float_tanh_is_within_two_ulps_everywhere()
    {
        var random = new Random(15);
        float[] x = new float[100_003];
        for (int k = 0; k < x.Length; k++)
        {
            double magnitude = Math.Pow(2, random.NextDouble() * 160 - 150); // 2^-150 (denormals) to 2^10 (saturated)
            x[k] = (float)(random.Next(2) == 0 ? -magnitude : magnitude);
        }
        float[] y = new float[x.Length];
        GateActivations.Tanh<float>(x, y);
        for (int k = 0; k < x.Length; k++)
        {
            float expected = (float)Math.Tanh(x[k]);
            long ulps = Math.Abs((long)BitConverter.SingleToInt32Bits(expected) - BitConverter.SingleToInt32Bits(y[k]));
            Assert.True(ulps <= 2, $"tanh({x[k]:R}) = {y[k]:R}, correctly rounded {expected:R}: {ulps} ulps apart.");
        }
    }

    [Fact]
    public void Float_tanh_keeps_zeros_infinities_and_NaN()
    {
        float[] x = [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.Epsilon, -float.Epsilon, 1e-20f,
            0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.Epsilon, -float.Epsilon, 1e-20f, 0.5f];
        float[] y = new float[x.Length];
        GateActivations.Tanh<float>(x, y);
        for (int k = 0; k < x.Length; k++)
        {
            float expected = MathF.Tanh(x[k]);
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(y[k]) || (float.IsNaN(expected) && float.IsNaN(y[k])),
                $"tanh({x[k]:R}) = {y[k]:R}; it must be {expected:R}, sign included.");
        }
    }

    [Fact]
    public void Double_tanh_is_math_tanh()
    {
        double[] x = RecurrentCellCase.Fill(1001, j => Math.Sinh(0.02 * (j - 500)) * Math.Pow(10, j % 7 - 3));
        double[] y = new double[x.Length];
        GateActivations.Tanh<double>(x, y);
        Assert.Equal(x.Select(Math.Tanh), y);
    }
}
