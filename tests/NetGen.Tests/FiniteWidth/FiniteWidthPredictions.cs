namespace NetGen.Tests.FiniteWidth;

/// <summary>
/// What NetGen's finite-width model (generators/NetGen.Generators/Gradients/FiniteWidth.cs) predicts for the networks of
/// <c>FiniteWidthNetworks.cs</c>, as it printed them; tests/NetGen.Generators.Tests/Health/FiniteWidthTests.cs checks that
/// the code still gives these numbers, so the table cannot drift from it.
/// </summary>
/// <param name="DeadForAnInput">The probability that some hidden layer is all zeros for a given input.</param>
/// <param name="LogMean">E[ln(g/g_mf)] over the inputs the network is alive at (g: the first layer's squared gradient per unit relative to the output layer's).</param>
/// <param name="LogVariance">Var[ln(g/g_mf)] over those inputs.</param>
/// <param name="TypicalRatio">The geometric mean of √(g/g_mf) over initializations and the inputs the network is alive at: exp(LogMean/2), the median of a log-normal.</param>
/// <param name="DeadUnitFraction">The fraction of hidden units at most 0 for a whole batch of 32 uncorrelated inputs.</param>
public sealed record FiniteWidthPrediction(double DeadForAnInput, double LogMean, double LogVariance, double TypicalRatio, double DeadUnitFraction)
{
    public static IReadOnlyDictionary<string, FiniteWidthPrediction> ByNetwork { get; } = new Dictionary<string, FiniteWidthPrediction>
    {
        ["ReLU3x5"] = new(0.4871, -3.918, 17.5975, 0.141, 0.2444),
        ["ReLU3x10"] = new(0.7369, -7.8917, 35.4864, 0.01933, 0.4535),
        ["ReLU3x20"] = new(0.9308, -15.9632, 71.6146, 0.0003417, 0.6692),
        ["ReLU5x5"] = new(0.1468, -3.1134, 11.8468, 0.2108, 0.0936),
        ["ReLU5x10"] = new(0.272, -6.2598, 23.7735, 0.04372, 0.2103),
        ["ReLU5x20"] = new(0.4701, -12.4521, 47.119, 0.001977, 0.3726),
        ["ReLU10x5"] = new(0.0049, -1.5209, 4.3348, 0.4675, 0.0384),
        ["ReLU10x10"] = new(0.0097, -3.0455, 8.6212, 0.2181, 0.1029),
        ["ReLU10x20"] = new(0.0194, -6.1214, 17.2814, 0.046853, 0.1909),
        ["ReLU32x5"] = new(0.0, -0.4101, 0.8603, 0.8146, 0.0366),
        ["ReLU32x10"] = new(0.0, -0.819, 1.7661, 0.664, 0.0991),
        ["ReLU32x20"] = new(0.0, -1.6985, 3.5589, 0.4277, 0.1839),
    };
}
