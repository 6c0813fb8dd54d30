using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen;
using NetGen.Reporting;

namespace RecurrentSample;

/// <summary>
/// How far back the gradient reaches at initialization, predicted and measured: for each adding-problem network, ∂loss/∂h
/// at every lag before the last step relative to the last step's, as the compiler predicted it
/// (<see cref="LayerInfo.PredictedLagGradients"/>) and as the gradient monitor measures it on the adding problem's own
/// sequences (<see cref="LayerGradientStatistics.LagGradients"/>, the geometric mean over freshly initialized networks).
/// </summary>
internal static class LagExperiment
{
    private const int Initializations = 16;
    private const int Batch = 50;

    /// <summary>One network's two curves.</summary>
    public sealed record Lags(string Network, LayerInfo Layer, double[] Measured)
    {
        public IReadOnlyList<double> Predicted => Layer.PredictedLagGradients ?? [];

        /// <summary>The prediction over the measurement at the lag where they differ most (either way).</summary>
        public (double Ratio, int Lag) Worst => Enumerable.Range(1, Measured.Length - 1)
            .Where(k => Measured[k] > 0 && Predicted[k] > 0)
            .Select(k => (Ratio: Predicted[k] / Measured[k], Lag: k))
            .DefaultIfEmpty((Ratio: 1.0, Lag: 0))
            .MaxBy(r => Math.Abs(Math.Log(r.Ratio)));
    }

    public static IReadOnlyList<Lags> Measure(int seed)
    {
        var task = new AddingProblem(100);
        (string Name, Func<int, INetwork<float>> Create)[] networks =
        [
            ("tanh RNN", s => new AddingTanhRnn(Batch, s)),
            ("IRNN", s => new AddingIrnn(Batch, s)),
            ("LSTM, forget bias 1", s => new AddingLstm(Batch, s)),
            ("LSTM, PyTorch's defaults", s => new AddingLstmPyTorch(Batch, s)),
            ("LSTM, chrono T_max = 100", s => new AddingLstmChrono(Batch, s)),
        ];
        var inputs = new float[Batch * task.InputSize];
        var targets = new float[Batch * task.TargetSize];
        var results = new List<Lags>();
        foreach ((string name, Func<int, INetwork<float>> create) in networks)
        {
            var random = new Random(seed);
            var logSum = new double[task.Steps];
            LayerInfo layer = create(seed).Layers[0];
            for (int i = 0; i < Initializations; i++)
            {
                INetwork<float> network = create(seed + 1 + i);
                var monitor = new GradientMonitor<float>(network);
                task.Fill(inputs, targets, Batch, random);
                network.ComputeGradients(inputs, targets, Batch);
                IReadOnlyList<double> lags = monitor.Measure().Layers[0].LagGradients;
                for (int k = 0; k < logSum.Length; k++)
                {
                    logSum[k] += Math.Log(lags[k]);
                }
            }
            results.Add(new Lags(name, layer, [.. logSum.Select(s => Math.Exp(s / Initializations))]));
        }
        return results;
    }

    /// <summary>Writes the predicted (dashed) and measured (solid) curves of every network to one PNG; returns its path.</summary>
    public static string Plot(IReadOnlyList<Lags> lags, string directory)
    {
        string path = Path.Combine(directory, "lags-t-100.png");
        LagPlot.Save([.. lags.SelectMany(l => new[] { new LagCurve($"{l.Network}, predicted", l.Predicted, IsPrediction: true), new LagCurve($"{l.Network}, measured", l.Measured) })],
            path, "Adding problem, T = 100: ∂loss/∂h against the lag, at initialization", width: 1100, height: 600);
        return path;
    }
}
