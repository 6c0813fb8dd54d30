using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetGen;

namespace RecurrentSample;

/// <summary>
/// The adding problem at T = 100 (or 200) in Le et al.'s variant: a tanh RNN, the IRNN and an LSTM with forget bias 1, each scored by its
/// test mean squared error against the 0.167 of always answering 1, and by the fraction of test sequences within 0.04.
/// </summary>
internal static class AddingExperiment
{
    /// <summary>The sequence lengths with declared networks.</summary>
    public static readonly int[] Lengths = [100, 200];

    public static string Name(int length) => $"adding, T = {length}";

    private const string LeEtAl = "Le et al. 2015 (as GRADIENT-THEORY.md §5 sums it up)";

    /// <summary>The three networks declared for sequences of <paramref name="length"/> steps, one of <see cref="Lengths"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not one of <see cref="Lengths"/>.</exception>
    public static IReadOnlyList<Contender> Contenders(int length)
    {
        if (Array.IndexOf(Lengths, length) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The adding networks are declared for T = {string.Join(" or ", Lengths)}.");
        }
        bool longer = length == 200;
        return
        [
            new("tanh RNN(100)", "SimpleRNN, tanh, Glorot inputs, orthogonal recurrence (Keras's defaults)",
                longer ? (batch, seed) => new AddingTanhRnn200(batch, seed) : (batch, seed) => new AddingTanhRnn(batch, seed),
                $"stays at the 0.167 baseline for T = 150-400: {LeEtAl}", 0.001),
            new("IRNN(100)", "SimpleRNN, ReLU, identity recurrence, zero biases (Le et al. 2015)",
                longer ? (batch, seed) => new AddingIrnn200(batch, seed) : (batch, seed) => new AddingIrnn(batch, seed),
                $"solves T = 150-400: {LeEtAl}", 0.001),
            new("LSTM(32)", "LSTM, forget bias 1, Glorot inputs, orthogonal recurrence (Keras's defaults); 32 units to fit the time budget",
                longer ? (batch, seed) => new AddingLstm200(batch, seed) : (batch, seed) => new AddingLstm(batch, seed),
                "solves T = 100 (Hochreiter & Schmidhuber 1997: 2,000 sequences in a row within 0.04, their variant); " +
                $"T = 150-400: {LeEtAl}", 0.01),
        ];
    }

    /// <param name="length">The sequence length T of the contender's network.</param>
    /// <param name="onProgress">Told the fraction done and a line to show, after every step.</param>
    public static ExperimentResult Run(Contender contender, int length, SyntheticRecipe recipe, Action<double, string> onProgress)
    {
        var clock = Stopwatch.StartNew();
        INetwork<float> network = contender.Create(Math.Max(recipe.BatchSize, 100), recipe.Seed);
        var task = new AddingProblem(length);
        List<Measurement> curve = SyntheticTraining.Run(
            network, task, recipe with { LearningRate = contender.LearningRate }, Score, m => m.Score >= Verdicts.SolvedScore,
            (step, loss) => onProgress((double)step / recipe.Steps, $"{contender.Name}: step {step:N0}, training MSE {loss:F4}"));
        Measurement last = curve[^1];
        string outcome = !double.IsFinite(last.Loss) ? $"diverged: training loss {last.Loss} at step {last.Step:N0}" + SyntheticOutcome.Lowest(curve, "MSE")
            : $"test MSE {ConsoleReport.Number(last.Loss)} ({ConsoleReport.Number(last.Loss / AddingProblem.BaselineMeanSquaredError)} of the baseline), " +
            $"{last.Score:P1} within {AddingProblem.SolvedError}" + SyntheticOutcome.Lowest(curve, "MSE");
        return new ExperimentResult(
            Name(length), contender, network.Layers[0], length, outcome, Verdicts.Of(last.Loss, AddingProblem.BaselineMeanSquaredError, last.Score),
            SyntheticOutcome.Budget(last.Step, recipe, last.Score >= Verdicts.SolvedScore), clock.Elapsed, curve, AddingProblem.BaselineMeanSquaredError);
    }

    /// <summary>The test mean squared error and the fraction of test sequences whose absolute error is below 0.04.</summary>
    private static Measurement Score(INetwork<float> network, Dataset<float> test)
    {
        float[] predictions = Trainer.Predict<float>(network, test.Inputs);
        ReadOnlySpan<float> targets = test.Targets;
        double squares = 0;
        int solved = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            double error = predictions[i] - targets[i];
            squares += error * error;
            solved += Math.Abs(error) < AddingProblem.SolvedError ? 1 : 0;
        }
        return new Measurement(0, squares / predictions.Length, (double)solved / predictions.Length);
    }
}
