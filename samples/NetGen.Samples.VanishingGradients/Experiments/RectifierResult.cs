using System;
using System.Collections.Generic;
using System.Linq;
using NetGen;

namespace VanishingGradientsSample;

/// <summary>The mean training loss over <see cref="RectifierExperiment.LossWindow"/> mini-batches, ending at <paramref name="Step"/>.</summary>
internal sealed record LossPoint(long Step, double Loss);

/// <summary>What one network of <see cref="RectifierExperiment"/> did.</summary>
/// <param name="FirstLayer">The first convolution.</param>
/// <param name="LastLayer">The last convolution.</param>
/// <param name="PredictedFirstOverLast">NetGen's compile-time prediction: the first layer's <see cref="LayerInfo.PredictedGradient"/> over the last's.</param>
/// <param name="MeasuredFirstOverLast">The root mean square of ∂C/∂z per unit and sample of the first layer over the last's, at initialization, on the first 1,000 training images (the quantity predicted).</param>
/// <param name="WeightGradientFirstOverLast">The monitor's weight-gradient norm of the first convolution over the last's, at its first measurement.</param>
internal sealed record RectifierResult(
    Contender Contender,
    Recipe Recipe,
    string FirstLayer,
    string LastLayer,
    double PredictedFirstOverLast,
    double MeasuredFirstOverLast,
    double WeightGradientFirstOverLast,
    IReadOnlyList<LossPoint> Losses,
    IReadOnlyList<EpochResult> Epochs,
    IReadOnlyList<GradientWarning> Warnings,
    TimeSpan Elapsed)
{
    /// <summary>How far the prediction is from the measurement: 1 when they agree.</summary>
    public double PredictedOverMeasured => PredictedFirstOverLast / MeasuredFirstOverLast;

    public double FinalAccuracy => Epochs[^1].ValidationAccuracy ?? double.NaN;

    public double FinalValidationLoss => Epochs[^1].ValidationLoss ?? double.NaN;

    /// <summary>The mean training loss of the last <see cref="RectifierExperiment.LossWindow"/> mini-batches.</summary>
    public double FinalTrainingLoss => Losses.Count > 0 ? Losses[^1].Loss : double.NaN;

    /// <summary>The monitor rules that fired and where, in the order they first fired.</summary>
    public IEnumerable<string> DistinctWarnings => Warnings
        .GroupBy(w => $"{w.RuleId} {w.RuleName}")
        .Select(rule => $"{rule.Key} ({string.Join(", ", rule.Select(w => w.LayerName).Distinct())})");
}
