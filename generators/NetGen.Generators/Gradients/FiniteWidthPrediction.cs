using System.Collections.Generic;

namespace NetGen.Generators.Gradients;

/// <summary>
/// What a finite width does to a stack of ReLU-family layers at initialization, beyond the mean-field prediction (which
/// is the limit of infinitely wide layers): the probability that the network is dead for an input, the dead units, and
/// the spread of the gradient around the mean-field value. See <see cref="FiniteWidth"/> for the sources.
/// </summary>
/// <param name="Layers">The hidden ReLU-family layers (the other hidden layers are linear).</param>
/// <param name="NarrowestWidth">The fewest units of a hidden layer.</param>
/// <param name="Beta">Hanin's β: the sum of the hidden layers' reciprocal widths, Σ 1/n.</param>
/// <param name="DeadForAnInput">
/// The probability that, for a given input, some ReLU layer outputs all zeros, so that the network's output does not
/// depend on that input and no gradient reaches the first layer: 1 − Π (1 − 2^−n). The probability that the network is
/// born dead (dead for every input) is at most this, and approaches it as the depth grows (Lu et al. 2019).
/// </param>
/// <param name="LogMean">E[ln(g / g_mf)] for an input the network is alive at: g the first layer's squared gradient per unit relative to the output layer's, g_mf the mean-field value of that.</param>
/// <param name="LogVariance">Var[ln(g / g_mf)] for an input the network is alive at.</param>
/// <param name="TypicalRatios">
/// For each layer (index 0 the first), its typical gradient divided by the mean-field prediction: the geometric mean of
/// √(g / g_mf) over initializations and the inputs the layer gets a gradient for (the median of the log-normal), g the
/// layer's squared gradient per unit relative to the output layer's; 1 for the output layer.
/// </param>
/// <param name="DeadUnitFraction">
/// The expected fraction of the hidden ReLU units whose pre-activation is at most 0 for every input of a batch of
/// <see cref="FiniteWidth.BatchSize"/> uncorrelated inputs (what <c>GradientMonitor</c> reports as dead units).
/// </param>
internal sealed record FiniteWidthPrediction(
    int Layers, int NarrowestWidth, double Beta, double DeadForAnInput, double LogMean, double LogVariance, IReadOnlyList<double> TypicalRatios,
    double DeadUnitFraction)
{
    /// <summary>The first layer's typical gradient divided by the mean-field prediction: exp(<see cref="LogMean"/>/2).</summary>
    public double TypicalRatio => TypicalRatios[0];
}
