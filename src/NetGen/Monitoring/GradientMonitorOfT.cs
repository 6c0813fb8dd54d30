using System;
using System.Collections.Generic;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>
/// Measures one network's gradients after a backward pass: per layer, the L2 norms of the weight and bias gradients, the mean
/// |weight gradient| (over every entry and over the non-zero ones), the largest, the fraction of exact zeros, the fraction of
/// dead ReLU units and of saturated sigmoid/tanh pre-activations, and NaN or infinity; across layers, the first-to-last
/// weight-gradient norm ratio and the medians BTTackler reads. With the losses given to <see cref="GradientMonitor.RecordLoss"/>,
/// it applies the published detection rules (<see cref="GradientRule"/>; the warning policy is on <see cref="GradientMonitor"/>).
/// </summary>
/// <remarks>
/// Every buffer is allocated by the constructor; <see cref="Measure"/> allocates nothing afterwards (except the warnings it
/// raises) and reuses one <see cref="GradientReport"/>. It works for any <see cref="LayerKind"/> through
/// <see cref="INetwork{T}"/> alone: the weight-gradient rules and ratios consider the dense and convolution layers (their weight matrices and kernels, as
/// AutoTrainer's kernel norms do); NaN detection considers every
/// layer; dead units and saturation consider every layer with an activation of its own by that activation, which leaves out
/// <see cref="LayerKind.PReLU"/> (no unit is dead: the slope passes gradient below 0) and <see cref="LayerKind.Dropout"/> (its
/// zeros are the mask's; its input's dead units are counted at the layer that computed them). A PReLU layer's slopes are its
/// weights in the statistics. Not thread-safe: measure from the training thread.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the network's precision.</typeparam>
public sealed class GradientMonitor<T> : GradientMonitor where T : unmanaged, IFloatingPointIeee754<T>
{
    // Counting magnitudes below the smallest positive subnormal counts the exact zeros.
    private static readonly T Zero = T.Epsilon;
    private static readonly T SaturationLimit = T.CreateTruncating(GradientThresholds.SaturatedPreActivation);

    private readonly INetwork<T> _network;
    private readonly LayerInfo[] _layers;
    private readonly LayerGradientStatistics[] _statistics;
    private readonly int[] _weightedLayers;
    private readonly T[] _unitMaxima;
    private readonly double[] _medianBuffer;
    private readonly bool[] _holding;
    private readonly GradientReport _report;

    /// <summary>Prepares a monitor for <paramref name="network"/>, allocating every buffer it needs.</summary>
    /// <param name="network">The network to measure.</param>
    public GradientMonitor(INetwork<T> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _layers = [.. network.Layers];
        _statistics = new LayerGradientStatistics[_layers.Length];
        var weighted = new List<int>();
        int widest = 0;
        for (int i = 0; i < _layers.Length; i++)
        {
            _statistics[i] = new LayerGradientStatistics(i, _layers[i]);
            if (HasWeightMatrix(_layers[i]))
            {
                weighted.Add(i);
            }
            widest = Math.Max(widest, _layers[i].Outputs);
        }
        _weightedLayers = [.. weighted];
        _unitMaxima = new T[widest];
        _medianBuffer = new double[_weightedLayers.Length];
        _holding = new bool[_layers.Length * GradientRuleCatalog.Count];
        _report = new GradientReport(_statistics, _holding.Length);
    }

    /// <summary>The network measured.</summary>
    public INetwork<T> Network => _network;

    /// <inheritdoc/>
    public override GradientReport Report => _report;

    internal override object MeasuredNetwork => _network;

    /// <inheritdoc/>
    public override GradientReport Measure()
    {
        _report.ClearWarnings();
        _report.Measurement++;
        ReadOnlySpan<T> gradients = _network.Gradients;
        bool anyNonFinite = false;
        for (int i = 0; i < _layers.Length; i++)
        {
            MeasureLayer(i, gradients);
            anyNonFinite |= _statistics[i].HasNonFinite;
        }
        _report.HasNonFinite = anyNonFinite;
        MeasureRelativeGradients();
        MeasureRatios();
        ApplyRules();
        for (int i = 0; i < _report.Warnings.Count; i++)
        {
            Raise(_report.Warnings[i]);
        }
        return _report;
    }

    /// <summary>
    /// <paramref name="lags"/>[k] = the root mean square of ∂loss/∂h at step T − 1 − k over that at step T − 1, from the
    /// time-major <paramref name="hiddenGradients"/> (each step one contiguous [batch, units] block).
    /// </summary>
    private static void MeasureLags(ReadOnlySpan<T> hiddenGradients, double[] lags)
    {
        int steps = lags.Length, perStep = hiddenGradients.Length / steps;
        double last = 0;
        for (int k = 0; k < steps; k++)
        {
            double sumOfSquares = MagnitudeStatistics.Measure(hiddenGradients.Slice((steps - 1 - k) * perStep, perStep), Zero).SumOfSquares;
            if (k == 0)
            {
                last = Math.Sqrt(sumOfSquares);
            }
            lags[k] = Math.Sqrt(sumOfSquares) / last;
        }
    }

    private protected override void ResetRules()
    {
        Array.Clear(_holding);
        _report.DivergedAt = 0;
    }

    private void MeasureLayer(int index, ReadOnlySpan<T> gradients)
    {
        LayerInfo layer = _layers[index];
        LayerGradientStatistics statistics = _statistics[index];
        bool nonFinite = false;
        if (layer.WeightCount > 0)
        {
            var weights = MagnitudeStatistics.Measure(gradients.Slice(layer.WeightOffset, layer.WeightCount), Zero);
            long nonzero = layer.WeightCount - weights.CountBelow;
            statistics.WeightGradientNorm = Math.Sqrt(weights.SumOfSquares);
            statistics.MeanAbsWeightGradient = weights.SumOfMagnitudes / layer.WeightCount;
            statistics.MeanAbsNonzeroWeightGradient = nonzero == 0 ? double.NaN : weights.SumOfMagnitudes / nonzero;
            statistics.MaxAbsWeightGradient = weights.MaxMagnitude;
            statistics.ZeroWeightGradientFraction = (double)weights.CountBelow / layer.WeightCount;
            nonFinite |= !weights.AllFinite;
        }
        else
        {
            statistics.WeightGradientNorm = 0;
            statistics.MeanAbsWeightGradient = double.NaN;
            statistics.MaxAbsWeightGradient = 0;
            statistics.MeanAbsNonzeroWeightGradient = double.NaN;
            statistics.ZeroWeightGradientFraction = double.NaN;
        }

        if (layer.BiasCount > 0)
        {
            var biases = MagnitudeStatistics.Measure(gradients.Slice(layer.BiasOffset, layer.BiasCount), T.Zero);
            statistics.BiasGradientNorm = Math.Sqrt(biases.SumOfSquares);
            nonFinite |= !biases.AllFinite;
        }
        else
        {
            statistics.BiasGradientNorm = 0;
        }

        if (statistics.LagGradientValues.Length > 0 && _network is IRecurrentNetwork<T> recurrent)
        {
            MeasureLags(recurrent.HiddenStateGradients(index), statistics.LagGradientValues);
        }

        ReadOnlySpan<T> dz = _network.PreActivationGradients(index);
        int batch = layer.Outputs > 0 ? dz.Length / layer.Outputs : 0;
        statistics.PreActivationGradientRms = batch == 0
            ? double.NaN
            : batch * Math.Sqrt(MagnitudeStatistics.Measure(dz, Zero).SumOfSquares / dz.Length);

        ReadOnlySpan<T> z = _network.PreActivations(index);
        var preActivations = MagnitudeStatistics.Measure(z, SaturationLimit);
        nonFinite |= !preActivations.AllFinite;
        statistics.HasNonFinite = nonFinite;
        bool ownActivation = HasOwnActivation(layer);
        statistics.SaturatedFraction = ownActivation && layer.Activation is Activation.Sigmoid or Activation.Tanh && z.Length > 0
            ? (double)(z.Length - preActivations.CountBelow) / z.Length
            : double.NaN;
        statistics.DeadUnitFraction = ownActivation && layer.Activation == Activation.ReLU ? DeadUnitFraction(z, layer.Outputs) : double.NaN;
    }

    /// <summary>The fraction of units whose pre-activation is at most 0 in every sample: the largest over the batch, unit by unit, is at most 0.</summary>
    private double DeadUnitFraction(ReadOnlySpan<T> z, int units)
    {
        int batch = z.Length / units;
        if (batch == 0)
        {
            return double.NaN;
        }
        Span<T> maxima = _unitMaxima.AsSpan(0, units);
        z[..units].CopyTo(maxima);
        for (int sample = 1; sample < batch; sample++)
        {
            TensorPrimitives.Max(maxima, z.Slice(sample * units, units), maxima);
        }
        int dead = 0;
        foreach (T maximum in maxima)
        {
            if (maximum <= T.Zero)
            {
                dead++;
            }
        }
        return (double)dead / units;
    }

    /// <summary>Each layer's <see cref="LayerGradientStatistics.MeasuredGradient"/>: its ∂loss/∂z relative to the output layer's.</summary>
    private void MeasureRelativeGradients()
    {
        double output = _statistics[^1].PreActivationGradientRms;
        foreach (LayerGradientStatistics statistics in _statistics)
        {
            statistics.MeasuredGradient = output > 0 ? statistics.PreActivationGradientRms / output : double.NaN;
        }
    }

    private void MeasureRatios()
    {
        for (int i = 0; i < _statistics.Length; i++)
        {
            _statistics[i].RatioToNextLayer = double.NaN;
        }
        for (int d = 0; d + 1 < _weightedLayers.Length; d++)
        {
            _statistics[_weightedLayers[d]].RatioToNextLayer =
                _statistics[_weightedLayers[d]].MeanAbsNonzeroWeightGradient / _statistics[_weightedLayers[d + 1]].MeanAbsNonzeroWeightGradient;
        }
        _report.FirstToLastRatio = _weightedLayers.Length < 2
            ? double.NaN
            : _statistics[_weightedLayers[0]].WeightGradientNorm / _statistics[_weightedLayers[^1]].WeightGradientNorm;
        _report.MedianMeanAbsWeightGradient = MedianOverWeightedLayers(static s => s.MeanAbsNonzeroWeightGradient, _weightedLayers.Length);
        _report.MedianRatioToNextLayer = MedianOverWeightedLayers(static s => s.RatioToNextLayer, _weightedLayers.Length - 1);
    }

    /// <summary>
    /// The median of <paramref name="value"/> over the first <paramref name="count"/> dense and convolution layers, NaN values left out (the mean
    /// of the two middle values for an even count, as numpy's median, which BTTackler uses); NaN when none is left.
    /// </summary>
    private double MedianOverWeightedLayers(Func<LayerGradientStatistics, double> value, int count)
    {
        int n = 0;
        for (int d = 0; d < count; d++)
        {
            double v = value(_statistics[_weightedLayers[d]]);
            if (!double.IsNaN(v))
            {
                _medianBuffer[n++] = v;
            }
        }
        if (n == 0)
        {
            return double.NaN;
        }
        Span<double> values = _medianBuffer.AsSpan(0, n);
        values.Sort();
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private void ApplyRules()
    {
        int network = _weightedLayers.Length > 0 ? _weightedLayers[0] : 0;

        // Divergence first, so that what it leaves behind (vanishing, dead units) is reported as following it.
        bool lossDiverged = TakeLossDivergence(out double lossRatio);
        bool diverged = Check(GradientRule.DivergingLoss, network, lossDiverged, lossRatio);
        for (int i = 0; i < _statistics.Length; i++)
        {
            diverged |= Check(GradientRule.NonFinite, i, _statistics[i].HasNonFinite, 1);
        }
        double median = _report.MedianMeanAbsWeightGradient;
        diverged |= Check(GradientRule.ExplodingGradient, network, median > GradientThresholds.ExplodingGradient, median);
        if (diverged && _report.DivergedAt == 0)
        {
            _report.DivergedAt = _report.Measurement;
        }

        double ratio = _report.FirstToLastRatio;
        double adjacent = _report.MedianRatioToNextLayer;
        if (_weightedLayers.Length >= 2)
        {
            Check(GradientRule.ExplodingFirstToLastRatio, network, ratio > GradientThresholds.ExplodingFirstToLastRatio, ratio);
            Check(GradientRule.ExplodingAdjacentRatio, network, adjacent > GradientThresholds.ExplodingAdjacentRatio, adjacent);
            Check(GradientRule.VanishingFirstToLastRatio, network,
                ratio < GradientThresholds.VanishingFirstToLastRatio && _statistics[network].WeightGradientNorm < GradientThresholds.VanishingFirstLayerNorm, ratio);
            Check(GradientRule.VanishingAdjacentRatio, network, adjacent < GradientThresholds.VanishingAdjacentRatio, adjacent);
        }
        Check(GradientRule.VanishingMedianGradient, network, median < GradientThresholds.VanishingMedianGradient, median);
        for (int i = 0; i < _statistics.Length; i++)
        {
            LayerGradientStatistics s = _statistics[i];
            if (HasWeightMatrix(_layers[i]))
            {
                double mean = s.MeanAbsNonzeroWeightGradient;
                Check(GradientRule.VanishingMeanGradient, i, mean < GradientThresholds.VanishingMeanGradient, mean);
            }
            Check(GradientRule.DyingReLU, i, s.DeadUnitFraction >= GradientThresholds.DeadUnitFraction, s.DeadUnitFraction);
            Check(GradientRule.SaturatedActivation, i, s.SaturatedFraction > GradientThresholds.SaturatedFraction, s.SaturatedFraction);
        }
    }

    /// <summary>Fires <paramref name="rule"/> for layer <paramref name="layer"/> when it starts to hold; re-arms it when it stops. Returns whether it holds.</summary>
    private bool Check(GradientRule rule, int layer, bool holds, double value)
    {
        int slot = layer * GradientRuleCatalog.Count + (int)rule - 1;
        if (!holds)
        {
            _holding[slot] = false;
            return false;
        }
        if (_holding[slot])
        {
            return true;
        }
        _holding[slot] = true;
        GradientRuleDescription description = GradientRuleCatalog.Of(rule);
        long divergedAt = description.Problem == GradientProblem.Exploding ? 0 : _report.DivergedAt;
        _report.AddWarning(new GradientWarning(description, layer, _layers[layer].Name, value, _report.Measurement, divergedAt));
        return true;
    }

    /// <summary>A dense layer's weight matrix or a convolution's kernel: what the published weight-gradient rules compare.</summary>
    private static bool HasWeightMatrix(LayerInfo layer) => layer.Kind is (LayerKind.Dense or LayerKind.Conv2D) && layer.WeightCount > 0;

    /// <summary>
    /// Whether the layer applies its <see cref="LayerInfo.Activation"/> to pre-activations it computes: not a PReLU (its slopes are
    /// its nonlinearity) nor a dropout (which passes its input on, masked).
    /// </summary>
    private static bool HasOwnActivation(LayerInfo layer) => layer.Kind is not (LayerKind.PReLU or LayerKind.Dropout);
}
