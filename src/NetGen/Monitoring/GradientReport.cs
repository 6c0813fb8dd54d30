using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// What <see cref="GradientMonitor.Measure"/> found after a backward pass. Each monitor owns one report and overwrites it at
/// every measurement (so that measuring allocates nothing): read it before the next measurement, or copy what you keep.
/// </summary>
public sealed class GradientReport
{
    private readonly LayerGradientStatistics[] _layers;
    private readonly List<GradientWarning> _warnings;

    internal GradientReport(LayerGradientStatistics[] layers, int warningCapacity)
    {
        _layers = layers;
        _warnings = new List<GradientWarning>(warningCapacity);
    }

    /// <summary>The number of measurements the monitor has made, this one included (0 before the first).</summary>
    public long Measurement { get; internal set; }

    /// <summary>Every layer's statistics, in the order of <see cref="INetwork{T}.Layers"/>.</summary>
    public IReadOnlyList<LayerGradientStatistics> Layers => _layers;

    /// <summary>
    /// The first dense or convolution layer's weight-gradient norm divided by the last one's: far below 1 when gradients vanish on the
    /// way back, far above when they explode. Only dense and convolution layers count (normalization scales and skip projections are not
    /// comparable); NaN with fewer than two of them with weights, or when both norms are 0.
    /// </summary>
    public double FirstToLastRatio { get; internal set; }

    /// <summary>
    /// The median, over the dense and convolution layers, of their <see cref="LayerGradientStatistics.MeanAbsNonzeroWeightGradient"/> (layers
    /// where it is NaN left out; the mean of the two middle values for an even count): BTTackler's vanishing and exploding
    /// quantity (NGM03, NGM06). NaN when no dense or convolution layer has a non-zero weight gradient.
    /// </summary>
    public double MedianMeanAbsWeightGradient { get; internal set; }

    /// <summary>
    /// The median of the dense and convolution layers' <see cref="LayerGradientStatistics.RatioToNextLayer"/> (NaN ones left out): BTTackler's
    /// adjacent-quotient quantity (NGM04, NGM07). NaN with fewer than two of them.
    /// </summary>
    public double MedianRatioToNextLayer { get; internal set; }

    /// <summary>
    /// The measurement at which the run was first found diverged (NGM06, NGM08 or NGM11 held), or 0 if it has not diverged
    /// (or since <see cref="GradientMonitor.Reset"/>). Vanishing, dying and saturation warnings raised afterwards say so
    /// (<see cref="GradientWarning.AfterDivergence"/>).
    /// </summary>
    public long DivergedAt { get; internal set; }

    /// <summary>Whether any gradient or pre-activation is NaN or infinite.</summary>
    public bool HasNonFinite { get; internal set; }

    /// <summary>
    /// The warnings raised by this measurement: rules that started to hold in a layer. A rule still holding from an earlier
    /// measurement is not repeated (see <see cref="GradientMonitor"/>).
    /// </summary>
    public IReadOnlyList<GradientWarning> Warnings => _warnings;

    internal void ClearWarnings() => _warnings.Clear();

    internal void AddWarning(GradientWarning warning) => _warnings.Add(warning);
}
