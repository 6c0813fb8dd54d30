namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>The naive reference's backpropagation through time against central finite differences of its own forward pass.</summary>
public class NaiveReferenceTests
{
    [Theory]
    [InlineData("SimpleRNN tanh, PyTorch U(±1/√H)")]
    [InlineData("IRNN (ReLU, identity, input N(0, 0.001²))")]
    [InlineData("LSTM PyTorch default (forget bias ≈ 0)")]
    [InlineData("LSTM PyTorch weights, chrono T_max = 50")]
    [InlineData("GRU PyTorch default")]
    public void Backpropagation_through_time_matches_finite_differences(string name)
    {
        RecurrentCase c = RecurrentCases.Get(name);
        var random = new Random(7);
        NaiveWeights weights = c.Draw(random);
        const int length = 12;
        double[][] inputs = Enumerable.Range(0, length).Select(_ => Enumerable.Range(0, RecurrentCases.Input).Select(_ => NaiveInit.Gaussian(random)).ToArray()).ToArray();
        double[] outputGradient = Enumerable.Range(0, weights.Hidden).Select(_ => NaiveInit.Gaussian(random)).ToArray();
        double[][] gradients = NaiveRecurrentCells.GradientsByLag(weights, inputs, outputGradient);
        const double step = 1e-6;
        foreach (int lag in new[] { 0, 1, 2, 5, length - 1 })
        {
            int s = length - lag;
            foreach (int unit in new[] { 0, 17, weights.Hidden - 1 })
            {
                double plus = NaiveRecurrentCells.Loss(weights, inputs, outputGradient, (s, unit, step));
                double minus = NaiveRecurrentCells.Loss(weights, inputs, outputGradient, (s, unit, -step));
                double numeric = (plus - minus) / (2 * step), analytic = gradients[lag][unit];
                Assert.True(Math.Abs(numeric - analytic) <= 1e-6 * (1 + Math.Abs(analytic)) + 1e-9 * Norm(gradients[0]),
                    $"{name}, lag {lag}, unit {unit}: backpropagation {analytic:E6}, finite difference {numeric:E6}");
            }
        }
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
}
