using System;
using System.Collections.Generic;
using NetGen;

namespace RecurrentSample;

/// <summary>What one network did in one experiment, beside what was published and what NetGen predicted at compile time.</summary>
/// <param name="Experiment">The experiment, such as <c>adding, T = 100</c>.</param>
/// <param name="Contender">The network.</param>
/// <param name="Recurrent">The network's recurrent layer, with its predicted memory horizon.</param>
/// <param name="SequenceSteps">The length of the sequences the layer reads.</param>
/// <param name="Outcome">What we measured at the end, in words and numbers.</param>
/// <param name="Verdict">Solved, at the baseline, or in between.</param>
/// <param name="Budget">The epochs or steps trained, and why training stopped.</param>
/// <param name="Elapsed">The wall time of training and scoring.</param>
/// <param name="Curve">The test measurements during training.</param>
/// <param name="Baseline">The loss of the best memoryless answer, or null where there is none.</param>
internal sealed record ExperimentResult(
    string Experiment, Contender Contender, LayerInfo Recurrent, int SequenceSteps, string Outcome, string Verdict, string Budget,
    TimeSpan Elapsed, IReadOnlyList<Measurement> Curve, double? Baseline)
{
    /// <summary>The predicted horizon and the predicted share of the last step's gradient that reaches the first step.</summary>
    public string PredictedHorizon =>
        $"{ConsoleReport.Number(Recurrent.MemoryHorizon)} steps; {ConsoleReport.Number(Recurrent.FirstStepGradient)} at step 1 of {SequenceSteps}";
}
