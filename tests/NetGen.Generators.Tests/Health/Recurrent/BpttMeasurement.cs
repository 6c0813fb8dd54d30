namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// ‖∂L/∂h_{T−k}‖/‖∂L/∂h_T‖ measured at initialization with the naive reference, for a loss on the last step with a
/// random direction. The ratio of one network is already a root mean square over its units (‖·‖/√H above and below);
/// the model predicts it for a typical network (the mean-field limit, where it concentrates), so the seeds are averaged
/// geometrically (the mean of the logarithms, which a few lucky networks cannot dominate). The root mean square over
/// seeds is kept beside it for the report: over 50 steps at H = 64 it is dominated by the rare slow-decaying networks.
/// </summary>
internal static class BpttMeasurement
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(double[] Geometric, double[] RootMeanSquare)>> Measured = new();

    /// <summary>A case's measurement at its own length and seeds, made once per test run and shared by every test that asks.</summary>
    public static (double[] Geometric, double[] RootMeanSquare) Of(RecurrentCase c) => Measured.GetOrAdd(c.Name,
        _ => new Lazy<(double[], double[])>(() => Ratios(c.Draw, RecurrentCases.Input, RecurrentCases.InputMeanSquare, RecurrentCases.Length, c.Seeds))).Value;

    public static (double[] Geometric, double[] RootMeanSquare) Ratios(Func<Random, NaiveWeights> draw, int inputSize, double inputMeanSquare, int length, int seeds)
    {
        var meanSquare = new double[length];
        var meanLog = new double[length];
        for (int seed = 0; seed < seeds; seed++)
        {
            var random = new Random(1000 + seed);
            NaiveWeights weights = draw(random);
            var inputs = new double[length][];
            double sd = Math.Sqrt(inputMeanSquare);
            for (int s = 0; s < length; s++)
            {
                inputs[s] = new double[inputSize];
                for (int i = 0; i < inputSize; i++)
                {
                    inputs[s][i] = sd * NaiveInit.Gaussian(random);
                }
            }
            var outputGradient = new double[weights.Hidden];
            for (int j = 0; j < outputGradient.Length; j++)
            {
                outputGradient[j] = NaiveInit.Gaussian(random);
            }
            double[] norms = NaiveRecurrentCells.GradientNormsByLag(weights, inputs, outputGradient);
            for (int k = 0; k < length; k++)
            {
                double ratio = norms[k] / norms[0];
                meanSquare[k] += ratio * ratio / seeds;
                meanLog[k] += Math.Log(Math.Max(ratio, 1e-300)) / seeds;
            }
        }
        return (meanLog.Select(Math.Exp).ToArray(), meanSquare.Select(Math.Sqrt).ToArray());
    }
}
