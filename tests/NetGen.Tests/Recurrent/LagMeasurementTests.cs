using Xunit.Abstractions;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The compile-time prediction over time (<see cref="LayerInfo.PredictedLagGradients"/>) against what the gradient monitor
/// measures on the generated network at initialization (<see cref="LayerGradientStatistics.LagGradients"/>): ∂loss/∂h at
/// every lag before the last step, relative to the last step's, the geometric mean over initializations of each one's root
/// mean square over a batch of standardized Gaussian sequences. Within 2x at every lag up to the sequence length.
/// </summary>
public class LagMeasurementTests(ITestOutputHelper output)
{
    private const int Seeds = 48;
    private const int Batch = 16;

    public static TheoryData<string> Networks() => new(NetworkTypes.Select(t => t.Name));

    private static readonly Type[] NetworkTypes =
    [
        typeof(LagTanhKeras), typeof(LagTanhPyTorch), typeof(LagTanhGain15), typeof(LagReluOrthogonal08), typeof(LagIrnn),
        typeof(LagLstmForget0), typeof(LagLstmForget1), typeof(LagLstmChrono), typeof(LagGruKeras), typeof(LagGruPyTorch),
    ];

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_monitor_measures_the_predicted_lags_within_2x(string name)
    {
        Type type = NetworkTypes.Single(t => t.Name == name);
        var first = (INetwork<float>)Activator.CreateInstance(type, Batch, 0)!;
        IReadOnlyList<double> predicted = first.Layers[0].PredictedLagGradients!;
        int steps = first.Layers[0].InputSteps;
        Assert.Equal(steps, predicted.Count);

        var logSum = new double[steps];
        var random = new SeededRandom(11);
        var inputs = new float[Batch * first.InputSize];
        var targets = new float[Batch];
        for (int seed = 0; seed < Seeds; seed++)
        {
            var network = (INetwork<float>)Activator.CreateInstance(type, Batch, seed + 1)!;
            var monitor = new GradientMonitor<float>(network);
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = (float)random.NextGaussian();
            }
            for (int i = 0; i < targets.Length; i++)
            {
                targets[i] = (float)random.NextGaussian();
            }
            network.ComputeGradients(inputs, targets, Batch);
            IReadOnlyList<double> measured = monitor.Measure().Layers[0].LagGradients;
            for (int k = 0; k < steps; k++)
            {
                logSum[k] += Math.Log(measured[k]);
            }
        }

        double worst = 1;
        int worstLag = 0;
        output.WriteLine("lag  measured  predicted  predicted/measured");
        for (int k = 0; k < steps; k++)
        {
            double measured = Math.Exp(logSum[k] / Seeds), ratio = predicted[k] / measured;
            output.WriteLine($"{k,3}  {measured,9:E3}  {predicted[k],9:E3}  {ratio,6:F3}");
            if (Math.Max(ratio, 1 / ratio) > Math.Max(worst, 1 / worst))
            {
                (worst, worstLag) = (ratio, k);
            }
        }
        output.WriteLine($"worst predicted/measured {worst:F3} at lag {worstLag}");
        Assert.InRange(worst, 0.5, 2.0);
    }

    [Fact]
    public void Lags_are_measured_from_the_network_s_hidden_state_gradients()
    {
        var network = new LagGruKeras(maxBatchSize: 2, seed: 3);
        var monitor = new GradientMonitor<float>(network);
        float[] inputs = Enumerable.Range(0, 2 * LagGruKeras.InputSize).Select(i => (float)Math.Sin(i)).ToArray();
        network.ComputeGradients(inputs, [0.5f, -0.5f], 2);
        float[] hidden = network.HiddenStateGradients(0).ToArray(); // time-major [30, 2, 64]
        double Rms(int step) => Math.Sqrt(hidden.Skip(step * 128).Take(128).Sum(g => (double)g * g));
        IReadOnlyList<double> lags = monitor.Measure().Layers[0].LagGradients;
        Assert.Equal(1, lags[0]);
        Assert.Equal(Rms(29 - 7) / Rms(29), lags[7], 1e-6 * lags[7]); // the monitor sums float squares in float vectors
        Assert.Empty(monitor.Report.Layers[1].LagGradients);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.HiddenStateGradients(1));
    }
}
