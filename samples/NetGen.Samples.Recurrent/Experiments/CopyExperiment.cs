using System;
using System.Collections.Generic;
using System.Diagnostics;
using NetGen;

namespace RecurrentSample;

/// <summary>
/// The copy task at T = 50: an LSTM with Keras's initialization against the same LSTM with chrono initialization, each scored
/// by its test cross-entropy per step against the memoryless 10·ln 8 / (T + 20), and by the fraction of symbols recalled.
/// </summary>
internal static class CopyExperiment
{
    public const int Delay = 50;

    public static string Name => $"copy, T = {Delay}";

    private static readonly CopyTask Task = new(Delay);

    private const string TallecOllivier = "Tallec & Ollivier 2018: chrono initialization \"greatly improve[s] learning of long term dependencies\" (abstract)";

    public static IReadOnlyList<Contender> Contenders { get; } =
    [
        new("LSTM(64)", "LSTM, forget bias 1 (Keras's defaults), a 9-way softmax at every step",
            (batch, seed) => new CopyLstm(batch, seed),
            $"the standard initialization of the comparison; memoryless baseline {Task.BaselineCrossEntropy:F3}", 0.01),
        new("chrono LSTM(64)", $"the same LSTM, chrono initialization with T_max = {Delay}",
            (batch, seed) => new CopyChronoLstm(batch, seed),
            TallecOllivier, 0.01),
    ];

    /// <param name="onProgress">Told the fraction done and a line to show, after every step.</param>
    public static ExperimentResult Run(Contender contender, SyntheticRecipe recipe, Action<double, string> onProgress)
    {
        var clock = Stopwatch.StartNew();
        INetwork<float> network = contender.Create(Math.Max(recipe.BatchSize, 100), recipe.Seed);
        List<Measurement> curve = SyntheticTraining.Run(
            network, Task, recipe with { LearningRate = contender.LearningRate }, Score, m => m.Score >= Verdicts.SolvedScore,
            (step, loss) => onProgress((double)step / recipe.Steps, $"{contender.Name}: step {step:N0}, training cross-entropy {loss:F4}"));
        Measurement last = curve[^1];
        string outcome = !double.IsFinite(last.Loss) ? $"diverged: training loss {last.Loss} at step {last.Step:N0}" + SyntheticOutcome.Lowest(curve, "cross-entropy")
            : $"test cross-entropy {ConsoleReport.Number(last.Loss)} per step ({ConsoleReport.Number(last.Loss / Task.BaselineCrossEntropy)} of the baseline " +
            $"{ConsoleReport.Number(Task.BaselineCrossEntropy)}), {last.Score:P1} of the symbols recalled" + SyntheticOutcome.Lowest(curve, "cross-entropy");
        return new ExperimentResult(
            Name, contender, network.Layers[0], Task.Steps, outcome, Verdicts.Of(last.Loss, Task.BaselineCrossEntropy, last.Score),
            SyntheticOutcome.Budget(last.Step, recipe, last.Score >= Verdicts.SolvedScore), clock.Elapsed, curve, Task.BaselineCrossEntropy);
    }

    /// <summary>
    /// The test cross-entropy per step (as the network's loss: softmax of the logits, averaged over steps and sequences), and
    /// the fraction of the recalled symbols whose largest logit is the right one; one forward pass.
    /// </summary>
    private static Measurement Score(INetwork<float> network, Dataset<float> test)
    {
        float[] logits = Trainer.Predict<float>(network, test.Inputs);
        ReadOnlySpan<float> targets = test.Targets;
        double crossEntropy = 0;
        int right = 0;
        for (int sample = 0; sample < test.Count; sample++)
        {
            for (int step = 0; step < Task.Steps; step++)
            {
                int offset = sample * Task.TargetSize + step * CopyTask.OutputClasses;
                ReadOnlySpan<float> stepLogits = logits.AsSpan(offset, CopyTask.OutputClasses);
                int target = ArgMax(targets.Slice(offset, CopyTask.OutputClasses));
                crossEntropy += LogSumExp(stepLogits) - stepLogits[target];
                if (step >= Task.Steps - CopyTask.Symbols)
                {
                    right += ArgMax(stepLogits) == target ? 1 : 0;
                }
            }
        }
        return new Measurement(0, crossEntropy / (test.Count * Task.Steps), (double)right / (test.Count * CopyTask.Symbols));
    }

    private static double LogSumExp(ReadOnlySpan<float> values)
    {
        double max = values[ArgMax(values)], sum = 0;
        foreach (float value in values)
        {
            sum += Math.Exp(value - max);
        }
        return max + Math.Log(sum);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
