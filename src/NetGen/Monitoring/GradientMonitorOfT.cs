using System;
using System.Collections.Generic;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>
/// Measures one network's gradients after a backward pass: per layer, the L2 norms of the weight and bias gradients, the mean
/// and largest |weight gradient|, the fraction of dead ReLU units and of saturated sigmoid/tanh pre-activations, and NaN or
/// infinity; across layers, the first-to-last weight-gradient norm ratio. Then it applies the published detection rules
/// (<see cref="GradientRule"/>; the warning policy is on <see cref="GradientMonitor"/>).
/// </summary>
/// <remarks>
/// Every buffer is allocated by the constructor; <see cref="Measure"/> allocates nothing afterwards (except the warnings it
/// raises) and reuses one <see cref="GradientReport"/>. It works for any <see cref="LayerKind"/> through
/// <see cref="INetwork{T}"/> alone: the weight-gradient rules and ratios consider dense layers; NaN detection considers every
/// layer; dead units and saturation consider every layer with an activation of its own by that activation, which leaves out
/// <see cref="LayerKind.PReLU"/> (no unit is dead: the slope passes gradient below 0) and <see cref="LayerKind.Dropout"/> (its
/// zeros are the mask's; its input's dead units are counted at the layer that computed them). A PReLU layer's slopes are its
/// weights in the statistics. Not thread-safe: measure from the training thread.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the network's precision.</typeparam>
public sealed class GradientMonitor<T> : GradientMonitor where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T SmallGradient = T.CreateTruncating(GradientThresholds.VanishingMedianGradient);
    private static readonly T SaturationLimit = T.CreateTruncating(GradientThresholds.SaturatedPreActivation);

    private readonly INetwork<T> _network;
    private readonly LayerInfo[] _layers;
    private readonly LayerGradientStatistics[] _statistics;
    private readonly int[] _denseLayers;
    private readonly T[] _unitMaxima;
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
        var dense = new List<int>();
        int widest = 0;
        for (int i = 0; i < _layers.Length; i++)
        {
            _statistics[i] = new LayerGradientStatistics(i, _layers[i]);
            if (IsDenseWithWeights(_layers[i]))
            {
                dense.Add(i);
            }
            widest = Math.Max(widest, _layers[i].Outputs);
        }
        _denseLayers = [.. dense];
        _unitMaxima = new T[widest];
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
        MeasureRatios();
        ApplyRules();
        for (int i = 0; i < _report.Warnings.Count; i++)
        {
            Raise(_report.Warnings[i]);
        }
        return _report;
    }

    /// <inheritdoc/>
    public override void Reset() => Array.Clear(_holding);

    private void MeasureLayer(int index, ReadOnlySpan<T> gradients)
    {
        LayerInfo layer = _layers[index];
        LayerGradientStatistics statistics = _statistics[index];
        bool nonFinite = false;
        if (layer.WeightCount > 0)
        {
            var weights = MagnitudeStatistics.Measure(gradients.Slice(layer.WeightOffset, layer.WeightCount), SmallGradient);
            statistics.WeightGradientNorm = Math.Sqrt(weights.SumOfSquares);
            statistics.MeanAbsWeightGradient = weights.SumOfMagnitudes / layer.WeightCount;
            statistics.MaxAbsWeightGradient = weights.MaxMagnitude;
            statistics.SmallWeightGradientFraction = (double)weights.CountBelow / layer.WeightCount;
            nonFinite |= !weights.AllFinite;
        }
        else
        {
            statistics.WeightGradientNorm = 0;
            statistics.MeanAbsWeightGradient = double.NaN;
            statistics.MaxAbsWeightGradient = 0;
            statistics.SmallWeightGradientFraction = double.NaN;
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

    private void MeasureRatios()
    {
        for (int i = 0; i < _statistics.Length; i++)
        {
            _statistics[i].RatioToNextLayer = double.NaN;
        }
        for (int d = 0; d + 1 < _denseLayers.Length; d++)
        {
            _statistics[_denseLayers[d]].RatioToNextLayer = _statistics[_denseLayers[d]].WeightGradientNorm / _statistics[_denseLayers[d + 1]].WeightGradientNorm;
        }
        _report.FirstToLastRatio = _denseLayers.Length < 2
            ? double.NaN
            : _statistics[_denseLayers[0]].WeightGradientNorm / _statistics[_denseLayers[^1]].WeightGradientNorm;
    }

    private void ApplyRules()
    {
        double ratio = _report.FirstToLastRatio;
        if (_denseLayers.Length >= 2)
        {
            int first = _denseLayers[0];
            Check(GradientRule.VanishingFirstToLastRatio, first,
                ratio < GradientThresholds.VanishingFirstToLastRatio && _statistics[first].WeightGradientNorm < GradientThresholds.VanishingFirstLayerNorm, ratio);
            Check(GradientRule.ExplodingFirstToLastRatio, first, ratio > GradientThresholds.ExplodingFirstToLastRatio, ratio);
        }
        for (int i = 0; i < _statistics.Length; i++)
        {
            LayerGradientStatistics s = _statistics[i];
            Check(GradientRule.NonFinite, i, s.HasNonFinite, 1);
            if (IsDenseWithWeights(_layers[i]))
            {
                Check(GradientRule.VanishingMeanGradient, i, s.MeanAbsWeightGradient < GradientThresholds.VanishingMeanGradient, s.MeanAbsWeightGradient);
                Check(GradientRule.VanishingMedianGradient, i, s.SmallWeightGradientFraction > 0.5, s.SmallWeightGradientFraction);
                Check(GradientRule.VanishingAdjacentRatio, i, s.RatioToNextLayer < GradientThresholds.VanishingAdjacentRatio, s.RatioToNextLayer);
                Check(GradientRule.ExplodingGradient, i, s.MaxAbsWeightGradient > GradientThresholds.ExplodingGradient, s.MaxAbsWeightGradient);
                Check(GradientRule.ExplodingAdjacentRatio, i, s.RatioToNextLayer > GradientThresholds.ExplodingAdjacentRatio, s.RatioToNextLayer);
            }
            Check(GradientRule.DyingReLU, i, s.DeadUnitFraction >= GradientThresholds.DeadUnitFraction, s.DeadUnitFraction);
            Check(GradientRule.SaturatedActivation, i, s.SaturatedFraction > GradientThresholds.SaturatedFraction, s.SaturatedFraction);
        }
    }

    /// <summary>Fires <paramref name="rule"/> for layer <paramref name="layer"/> when it starts to hold; re-arms it when it stops.</summary>
    private void Check(GradientRule rule, int layer, bool holds, double value)
    {
        int slot = layer * GradientRuleCatalog.Count + (int)rule - 1;
        if (!holds)
        {
            _holding[slot] = false;
            return;
        }
        if (_holding[slot])
        {
            return;
        }
        _holding[slot] = true;
        _report.AddWarning(new GradientWarning(GradientRuleCatalog.Of(rule), layer, _layers[layer].Name, value, _report.Measurement));
    }

    private static bool IsDenseWithWeights(LayerInfo layer) => layer.Kind == LayerKind.Dense && layer.WeightCount > 0;

    /// <summary>
    /// Whether the layer applies its <see cref="LayerInfo.Activation"/> to pre-activations it computes: not a PReLU (its slopes are
    /// its nonlinearity) nor a dropout (which passes its input on, masked).
    /// </summary>
    private static bool HasOwnActivation(LayerInfo layer) => layer.Kind is not (LayerKind.PReLU or LayerKind.Dropout);
}
