namespace NetGen.Generators.Gradients;

/// <summary>
/// What a finite width does to a stack of ReLU-family layers at initialization, beyond the mean-field prediction (which
/// is the limit of infinitely wide layers): the probability that the network is dead for an input, the dead units, and
/// the spread of the gradient around the mean-field value. See <see cref="FiniteWidth"/> for the sources.
/// </summary>
/// <param name="Layers">The hidden ReLU-family layers the prediction covers.</param>
/// <param name="NarrowestWidth">The fewest units among them.</param>
/// <param name="Beta">Hanin's β: the sum of their reciprocal widths, Σ 1/n.</param>
/// <param name="DeadForAnInput">
/// The probability that, for a given input, some ReLU layer outputs all zeros, so that the network's output does not
/// depend on that input and no gradient reaches the first layer: 1 − Π (1 − 2^−n). The probability that the network is
/// born dead (dead for every input) is at most this, and approaches it as the depth grows (Lu et al. 2019).
/// </param>
/// <param name="LogMean">E[ln(g / g_mf)] for an input the network is alive at: g the first layer's squared gradient per unit relative to the output layer's, g_mf the mean-field value of that.</param>
/// <param name="LogVariance">Var[ln(g / g_mf)] for an input the network is alive at.</param>
/// <param name="TypicalRatio">
/// The median, over initializations and inputs, of the first layer's gradient (per unit, relative to the output layer's)
/// divided by the mean-field prediction, an input the network is dead at counted as 0: √(g / g_mf) at its median.
/// </param>
/// <param name="DeadUnitFraction">
/// The expected fraction of the hidden ReLU units whose pre-activation is at most 0 for every input of a batch of
/// <see cref="FiniteWidth.BatchSize"/> uncorrelated inputs (what <c>GradientMonitor</c> reports as dead units).
/// </param>
internal sealed record FiniteWidthPrediction(
    int Layers, int NarrowestWidth, double Beta, double DeadForAnInput, double LogMean, double LogVariance, double TypicalRatio, double DeadUnitFraction);
