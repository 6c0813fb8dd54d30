using NetGen.CompilerServices;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The dense products with and without biases (an empty span: a layer with <c>UseBias = false</c>, a residual block's skip
/// projection), in double, against plain loops written here: unit counts that are and are not multiples of four and of
/// the vector width, inputs below, at and past one vector. The tolerance is the worst-case rounding bound of a double sum
/// of n terms, n·u·Σ|terms| (u = 2⁻⁵³); a bias added or left out where it should not be is off by its whole value.
/// </summary>
public class DenseKernelsWithoutBiasesTests
{
    private static readonly int[] Batches = [1, 3, 4, 8, 9];
    private static readonly int[] InputSizes = [1, 7, 9, 17, 129, 300];
    private static readonly int[] UnitCounts = [1, 2, 3, 5, 6, 7, 9, 13, 130];

    public static TheoryData<bool> WithAndWithoutBiases => new(true, false);

    [Theory]
    [MemberData(nameof(WithAndWithoutBiases))]
    public void Forward_matches_the_plain_loop(bool withBiases)
    {
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units);
            double[] biases = withBiases ? data.Biases : [];
            double[] z = new double[batch * units];
            DenseKernels.Forward<double>(data.X, data.Weights, biases, z, batch, inputs, units);
            for (int s = 0; s < batch; s++)
            {
                for (int o = 0; o < units; o++)
                {
                    (double expected, double magnitude) = Sum(inputs, k => data.Weights[o * inputs + k] * data.X[s * inputs + k], withBiases ? data.Biases[o] : 0);
                    AssertClose(expected, z[s * units + o], magnitude, inputs + 1, $"z[{s}, {o}] of {Shape(batch, inputs, units, withBiases)}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(WithAndWithoutBiases))]
    public void Parameter_gradients_match_the_plain_loop_overwritten_and_accumulated(bool withBiases)
    {
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units);
            foreach (bool accumulate in new[] { false, true })
            {
                double[] weightGradients = Enumerable.Repeat(0.5, units * inputs).ToArray();
                double[] biasGradients = withBiases ? Enumerable.Repeat(-0.25, units).ToArray() : [];
                DenseKernels.ParameterGradients<double>(data.Dz, data.X, weightGradients, biasGradients, batch, inputs, units, accumulate);
                string shape = $"{Shape(batch, inputs, units, withBiases)}, accumulate {accumulate}";
                for (int o = 0; o < units; o++)
                {
                    if (withBiases)
                    {
                        (double bias, double biasMagnitude) = Sum(batch, s => data.Dz[s * units + o], accumulate ? -0.25 : 0);
                        AssertClose(bias, biasGradients[o], biasMagnitude, batch + 1, $"∂b[{o}] of {shape}");
                    }
                    for (int k = 0; k < inputs; k++)
                    {
                        (double expected, double magnitude) = Sum(batch, s => data.Dz[s * units + o] * data.X[s * inputs + k], accumulate ? 0.5 : 0);
                        AssertClose(expected, weightGradients[o * inputs + k], magnitude, batch + 1, $"∂W[{o}, {k}] of {shape}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(WithAndWithoutBiases))]
    public void A_fused_sgd_update_subtracts_the_plain_loop_gradients(bool withBiases)
    {
        const double learningRate = 0.125; // a power of two: the product with the gradient adds no rounding of its own
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units);
            double[] weights = (double[])data.Weights.Clone();
            double[] biases = withBiases ? (double[])data.Biases.Clone() : [];
            var sgd = new Sgd<double>(learningRate);
            int parameterCount = units * inputs + biases.Length;
            sgd.BeginStep(parameterCount);
            DenseKernels.UpdateParameters<double>(data.Dz, data.X, weights, biases, batch, inputs, units, sgd, weightOffset: 0, biasOffset: units * inputs);
            string shape = Shape(batch, inputs, units, withBiases);
            for (int o = 0; o < units; o++)
            {
                if (withBiases)
                {
                    (double bias, double biasMagnitude) = Sum(batch, s => -learningRate * data.Dz[s * units + o], data.Biases[o]);
                    AssertClose(bias, biases[o], biasMagnitude, batch + 2, $"b[{o}] of {shape}");
                }
                for (int k = 0; k < inputs; k++)
                {
                    (double expected, double magnitude) = Sum(batch, s => -learningRate * data.Dz[s * units + o] * data.X[s * inputs + k], data.Weights[o * inputs + k]);
                    AssertClose(expected, weights[o * inputs + k], magnitude, batch + 2, $"W[{o}, {k}] of {shape}");
                }
            }
        }
    }

    private static IEnumerable<(int Batch, int Inputs, int Units)> Shapes() =>
        from batch in Batches from inputs in InputSizes from units in UnitCounts select (batch, inputs, units);

    private static string Shape(int batch, int inputs, int units, bool withBiases) =>
        $"batch {batch} x inputs {inputs} x units {units} {(withBiases ? "with" : "without")} biases";

    private static (double Sum, double Magnitude) Sum(int count, Func<int, double> term, double start) => DenseKernelsTests.Sum(count, term, start);

    private static void AssertClose(double expected, double actual, double magnitude, int terms, string what)
    {
        double bound = terms * Math.Pow(2, -53) * magnitude + 1e-300;
        Assert.True(Math.Abs(actual - expected) <= bound, $"{what}: expected {expected:R} within {bound:E2}, got {actual:R}");
    }

    /// <summary>Random operands in [−1, 1), biases far from zero so that one added or left out shows.</summary>
    private sealed class Operands
    {
        public Operands(int batch, int inputs, int units)
        {
            var random = new Random(batch * 1_000_003 + inputs * 1009 + units);
            X = Fill(batch * inputs, random);
            Weights = Fill(units * inputs, random);
            Biases = Fill(units, random).Select(b => b + 3).ToArray();
            Dz = Fill(batch * units, random);
        }

        public double[] X { get; }
        public double[] Weights { get; }
        public double[] Biases { get; }
        public double[] Dz { get; }

        private static double[] Fill(int count, Random random) => Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }
}
