namespace NetGen.Tests.FiniteWidth;

/// <summary>
/// What NetGen's finite-width model (generators/NetGen.Generators/Gradients/FiniteWidth.cs) predicts for the networks of
/// <c>FiniteWidthNetworks.cs</c>, as it printed them; tests/NetGen.Generators.Tests/Health/FiniteWidthTests.cs checks that
/// the code still gives these numbers, so the table cannot drift from it.
/// </summary>
/// <param name="DeadForAnInput">The probability that some hidden layer is all zeros for a given input.</param>
/// <param name="LogMean">E[ln(g/g_mf)] over the inputs the network is alive at (g: the first layer's squared gradient per unit relative to the output layer's).</param>
/// <param name="LogVariance">Var[ln(g/g_mf)] over those inputs.</param>
/// <param name="TypicalRatio">The median of √(g/g_mf) over initializations and inputs, a dead input counted as 0.</param>
/// <param name="DeadUnitFraction">The fraction of hidden units at most 0 for a whole batch of 32 uncorrelated inputs.</param>
public sealed record FiniteWidthPrediction(double DeadForAnInput, double LogMean, double LogVariance, double TypicalRatio, double DeadUnitFraction)
{
    public static IReadOnlyDictionary<string, FiniteWidthPrediction> ByNetwork { get; } = new Dictionary<string, FiniteWidthPrediction>
    {
        ["ReLU3x5"] = new(0.4871, -3.9799, 17.8719, 0.002184, 0.2444),
        ["ReLU3x10"] = new(0.7369, -7.9599, 35.7437, 0, 0.4535),
        ["ReLU3x20"] = new(0.9308, -15.9198, 71.4875, 0, 0.6692),
        ["ReLU5x5"] = new(0.1468, -3.117, 11.8113, 0.1449, 0.0936),
        ["ReLU5x10"] = new(0.272, -6.2339, 23.6227, 0.01357, 0.2103),
        ["ReLU5x20"] = new(0.4701, -12.4679, 47.2454, 8.459e-06, 0.3726),
        ["ReLU10x5"] = new(0.0049, -1.5373, 4.3337, 0.4607, 0.0384),
        ["ReLU10x10"] = new(0.0097, -3.0746, 8.6673, 0.2111, 0.1029),
        ["ReLU10x20"] = new(0.0194, -6.1492, 17.3347, 0.04389, 0.1909),
        ["ReLU32x5"] = new(0.0, -0.4127, 0.8875, 0.8135, 0.0366),
        ["ReLU32x10"] = new(0.0, -0.8254, 1.775, 0.6619, 0.0991),
        ["ReLU32x20"] = new(0.0, -1.6508, 3.55, 0.4381, 0.1839),
    };
}
