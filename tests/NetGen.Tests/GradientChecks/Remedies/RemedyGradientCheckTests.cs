using Xunit.Abstractions;

namespace NetGen.Tests.GradientChecks.Remedies;

/// <summary>
/// Residual blocks and normalization, checked against finite differences like the dense layers: in training mode
/// (batch statistics) and in inference mode (running statistics, set here to values far from their start).
/// </summary>
public class RemedyGradientCheckTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool> Networks()
    {
        var data = new TheoryData<string, bool>();
        foreach (Type type in NetworkTypes())
        {
            data.Add(type.Name, true);
            data.Add(type.Name, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Analytic_gradient_matches_finite_differences(string name, bool training)
    {
        var network = (INetwork<double>)Activator.CreateInstance(NetworkTypes().Single(t => t.Name == name), FiniteDifferences.BatchSize, 3)!;
        network.IsTraining = training;
        var random = new SeededRandom(17);
        foreach (LayerInfo layer in network.Layers)
        {
            // Scales and shifts away from 1 and 0, so that their gradients are not a special case.
            if (layer.Kind is LayerKind.BatchNorm or LayerKind.LayerNorm)
            {
                foreach (ref double value in network.Parameters.Slice(layer.WeightOffset, layer.ParameterCount))
                {
                    value += 0.5 * random.NextDouble() - 0.25;
                }
            }
        }
        Span<double> state = network.State;
        for (int i = 0; i < state.Length; i++)
        {
            state[i] = 0.5 + random.NextDouble(); // running means and variances in [0.5, 1.5)
        }
        FiniteDifferences.Check(network, $"{name} ({(training ? "training" : "inference")})", output);
    }

    [Fact]
    public void Every_remedy_is_covered()
    {
        LayerInfo[] layers = NetworkTypes()
            .SelectMany(t => ((INetwork<double>)Activator.CreateInstance(t, 1, 0)!).Layers).ToArray();
        Assert.Contains(layers, l => l.Kind == LayerKind.Residual && l.WeightCount == 0);
        Assert.Contains(layers, l => l.Kind == LayerKind.Residual && l.WeightCount > 0);
        Assert.Contains(layers, l => l.Kind == LayerKind.BatchNorm);
        Assert.Contains(layers, l => l.Kind == LayerKind.LayerNorm);
    }

    private static IEnumerable<Type> NetworkTypes() => typeof(RemedyGradientCheckTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(RemedyGradientCheckTests).Namespace && typeof(INetwork<double>).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal);
}
