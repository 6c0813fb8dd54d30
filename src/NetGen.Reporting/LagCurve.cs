using System.Collections.Generic;

namespace NetGen.Reporting;

/// <summary>One line of a <see cref="LagPlot"/>: a gradient's size at every lag before a recurrent layer's last step.</summary>
/// <param name="Label">The legend's text.</param>
/// <param name="Ratios">
/// ∂loss/∂h at lag k = 0, 1, ... relative to the last step's: <see cref="LayerInfo.PredictedLagGradients"/> or
/// <see cref="LayerGradientStatistics.LagGradients"/> (copied: the monitor overwrites its own).
/// </param>
/// <param name="IsPrediction">Whether it is a prediction, drawn dashed, rather than a measurement.</param>
public sealed record LagCurve(string Label, IReadOnlyList<double> Ratios, bool IsPrediction = false);
