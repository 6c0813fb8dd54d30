using Xunit.Abstractions;

namespace NetGen.Tests.GradientChecks;

/// <summary>
/// Checks a generated backward pass against finite differences of its own loss, in double precision: for every
/// parameter, the analytic gradient from ComputeGradients and the numerical derivative of ComputeLoss agree.
/// </summary>
internal static class FiniteDifferences
{
    public const int BatchSize = 3;

    // A fourth-order central difference, (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h: its truncation error is O(h⁴)
    // and its rounding error about 1e-15 / h, so h = 1e-3 keeps both far below the tolerance where the loss is smooth.
    // ReLU, LeakyReLU and SELU have a kink at 0: a pre-activation within 2h of it makes the difference straddle the
    // kink. Smaller steps do not straddle it, so the check also tries them and keeps the best agreement: a wrong
    // gradient disagrees at every step.
    private static readonly double[] Steps = [1e-3, 1e-4, 1e-5];

    // Relative error |analytic − numeric| / max(|analytic|, |numeric|, Floor). The floor only matters for gradients
    // below 1e-6, whose finite differences are dominated by rounding; for them it asks for an absolute error ≤ 1e-12.
    private const double Tolerance = 1e-6;
    private const double Floor = 1e-6;

    /// <param name="beforeEachPass">Runs before every forward pass, to fix what a pass would otherwise draw anew (dropout's masks).</param>
    /// <param name="targets">The batch's targets; by default one class per sample for softmax (a sequence output with a loss per step needs one per step).</param>
    /// <param name="batchSize">The samples in the batch.</param>
    public static void Check(
        INetwork<double> network, string name, ITestOutputHelper output, Action<INetwork<double>>? beforeEachPass = null, double[]? targets = null,
        int batchSize = BatchSize)
    {
        var random = new SeededRandom(5);
        double[] inputs = Enumerable.Range(0, batchSize * network.InputSize).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        targets ??= MakeTargets(network, random, batchSize);

        beforeEachPass?.Invoke(network);
        network.ComputeGradients(inputs, targets, batchSize);
        double[] analytic = network.Gradients.ToArray();

        Span<double> parameters = network.Parameters;
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < parameters.Length; i++)
        {
            double original = parameters[i];
            double Loss(double offset)
            {
                network.Parameters[i] = original + offset;
                beforeEachPass?.Invoke(network);
                return network.ComputeLoss(inputs, targets, batchSize);
            }
            double error = double.PositiveInfinity;
            foreach (double h in Steps)
            {
                double numeric = (-Loss(2 * h) + 8 * Loss(h) - 8 * Loss(-h) + Loss(-2 * h)) / (12 * h);
                error = Math.Min(error, Math.Abs(analytic[i] - numeric) / Math.Max(Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)), Floor));
            }
            parameters[i] = original;
            if (error > worst)
            {
                (worst, worstIndex) = (error, i);
            }
        }
        output.WriteLine($"{name}: {parameters.Length} parameters, worst relative error {worst:E2} at parameter {worstIndex}");
        Assert.True(worst <= Tolerance, $"{name}: relative error {worst:E3} at parameter {worstIndex} ({Describe(network, worstIndex)}) exceeds {Tolerance:E0}");
        Assert.Contains(analytic, g => Math.Abs(g) > 1e-4); // the check compared real gradients, not zeros
    }

    /// <summary>Targets the loss accepts: one-hot classes for softmax, 0/1 labels for the binary losses, values in [−1, 1] to regress.</summary>
    private static double[] MakeTargets(INetwork<double> network, SeededRandom random, int batchSize)
    {
        var targets = new double[batchSize * network.OutputSize];
        for (int sample = 0; sample < batchSize; sample++)
        {
            Span<double> row = targets.AsSpan(sample * network.OutputSize, network.OutputSize);
            switch (network.Loss)
            {
                case Loss.SoftmaxCrossEntropy:
                    row[random.NextInt32(row.Length)] = 1;
                    break;
                case Loss.SigmoidCrossEntropy or Loss.BinaryCrossEntropy:
                    for (int k = 0; k < row.Length; k++)
                    {
                        row[k] = random.NextInt32(2);
                    }
                    break;
                default:
                    for (int k = 0; k < row.Length; k++)
                    {
                        row[k] = 2 * random.NextDouble() - 1;
                    }
                    break;
            }
        }
        return targets;
    }

    private static string Describe(INetwork<double> network, int index)
    {
        LayerInfo layer = network.Layers.Last(l => l.WeightOffset <= index && l.ParameterCount > 0);
        return index < layer.BiasOffset ? $"{layer.Name} weight {index - layer.WeightOffset}" : $"{layer.Name} bias {index - layer.BiasOffset}";
    }
}
