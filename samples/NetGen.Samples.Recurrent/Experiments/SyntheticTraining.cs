using System;
using System.Collections.Generic;
using NetGen;

namespace RecurrentSample;

/// <summary>Trains a network on a synthetic task step by step, each step on new sequences, scoring it on fixed test sequences.</summary>
internal static class SyntheticTraining
{
    /// <summary>
    /// Trains <paramref name="network"/> by <paramref name="recipe"/>: each step draws a batch, computes the gradients, clips
    /// them by global norm and lets Adam update; every <see cref="SyntheticRecipe.EvaluateEvery"/> steps (and at the start
    /// and the end) scores the test sequences with <paramref name="score"/>, and stops once <paramref name="solved"/> holds.
    /// </summary>
    /// <param name="onStep">Told the step and its training loss after every step; or null.</param>
    /// <returns>Every measurement, the first at step 0 (before training).</returns>
    public static List<Measurement> Run(
        INetwork<float> network, ISequenceTask task, SyntheticRecipe recipe, Func<INetwork<float>, Dataset<float>, Measurement> score,
        Func<Measurement, bool> solved, Action<long, double>? onStep = null)
    {
        var test = Draw(task, recipe.TestSamples, new Random(recipe.Seed + 1));
        var random = new Random(recipe.Seed);
        var inputs = new float[recipe.BatchSize * task.InputSize];
        var targets = new float[recipe.BatchSize * task.TargetSize];
        var optimizer = new Adam<float>(recipe.LearningRate);
        var measurements = new List<Measurement> { score(network, test) with { Step = 0 } };
        for (long step = 1; step <= recipe.Steps; step++)
        {
            task.Fill(inputs, targets, recipe.BatchSize, random);
            float loss = network.ComputeGradients(inputs, targets, recipe.BatchSize);
            if (!float.IsFinite(loss))
            {
                // Reported, not hidden: the measurements end here and the last one holds the non-finite loss.
                measurements.Add(new Measurement(step, loss, double.NaN));
                break;
            }
            GradientClipping.ClipByGlobalNorm(network.Gradients, recipe.ClipNorm);
            optimizer.Step(network.Parameters, network.Gradients);
            onStep?.Invoke(step, loss);
            if (step % recipe.EvaluateEvery == 0 || step == recipe.Steps)
            {
                Measurement measurement = score(network, test) with { Step = step };
                measurements.Add(measurement);
                if (solved(measurement))
                {
                    break;
                }
            }
        }
        return measurements;
    }

    /// <summary>Draws <paramref name="count"/> sequences of <paramref name="task"/> as a data set.</summary>
    public static Dataset<float> Draw(ISequenceTask task, int count, Random random)
    {
        var inputs = new float[count * task.InputSize];
        var targets = new float[count * task.TargetSize];
        task.Fill(inputs, targets, count, random);
        return new Dataset<float>(inputs, targets, task.InputSize, task.TargetSize);
    }
}
