using System;
using System.Collections.Generic;
using System.Linq;
using NetGen;

namespace VanishingGradientsSample;

/// <summary>The speed of learning of every hidden dense layer at one moment: ‖∂C/∂b‖ per layer, first layer first.</summary>
/// <param name="Label">"init" or "epoch N".</param>
/// <param name="Step">Training steps taken before the measurement.</param>
internal sealed record SpeedSnapshot(string Label, long Step, double[] BiasGradientNorms)
{
    /// <summary>The last hidden layer's speed over the first's: how many times faster the last one learns.</summary>
    public double LastOverFirst => BiasGradientNorms[^1] / BiasGradientNorms[0];
}

/// <summary>The monitor's weight-gradient norm of every hidden dense layer after one training step.</summary>
internal sealed record GradientSample(long Step, double[] WeightGradientNorms);

/// <summary>What one network did: its speeds of learning, gradient norms over training, and accuracies.</summary>
internal sealed record ExperimentResult(
    Contender Contender,
    Recipe Recipe,
    IReadOnlyList<string> HiddenLayers,
    IReadOnlyList<SpeedSnapshot> Speeds,
    IReadOnlyList<GradientSample> Gradients,
    IReadOnlyList<EpochResult> Epochs,
    IReadOnlyList<GradientWarning> Warnings,
    TimeSpan Elapsed)
{
    public SpeedSnapshot AtInitialization => Speeds[0];

    /// <summary>"Layer3 (hidden 2)" where the generated layer number is not the hidden layer's (normalization and residual layers count too).</summary>
    public string HiddenLayerLabel(int hiddenIndex) =>
        HiddenLayers[hiddenIndex] == $"Layer{hiddenIndex + 1}" ? HiddenLayers[hiddenIndex] : $"{HiddenLayers[hiddenIndex]} (hidden {hiddenIndex + 1})";

    public double FinalAccuracy => Epochs[^1].ValidationAccuracy ?? double.NaN;

    /// <summary>The monitor rules that fired and where, e.g. "NGM01 Vanishing gradient (Layer1)", in the order they first fired.</summary>
    public IEnumerable<string> DistinctWarnings => Warnings
        .GroupBy(w => $"{w.RuleId} {w.RuleName}")
        .Select(rule => $"{rule.Key} ({string.Join(", ", rule.Select(w => w.LayerName).Distinct())})");
}
