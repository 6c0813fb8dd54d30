using Xunit.Abstractions;

namespace NetGen.Tests.GradientChecks.LayerFamilies;

/// <summary>
/// PReLU, dropout, dense layers without biases, repeated groups and the initializers with parameters, checked against
/// finite differences like the dense layers. Dropout draws a new mask on every training pass, so for the check its
/// generator is reseeded before each pass (through <c>Initialize</c>, with the parameters put back): every pass sees the
/// same mask.
/// </summary>
public class LayerFamilyGradientCheckTests(ITestOutputHelper output)
{
    public static TheoryData<string> Networks()
    {
        var data = new TheoryData<string>();
        foreach (Type type in NetworkTypes())
        {
            data.Add(type.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Analytic_gradient_matches_finite_differences(string name)
    {
        var network = (INetwork<double>)Activator.CreateInstance(NetworkTypes().Single(t => t.Name == name), FiniteDifferences.BatchSize, 3)!;
        var random = new SeededRandom(23);
        foreach (LayerInfo layer in network.Layers.Where(l => l.Kind == LayerKind.PReLU))
        {
            // Slopes of their own, so that a gradient that mixes them up shows.
            foreach (ref double slope in network.Parameters.Slice(layer.WeightOffset, layer.WeightCount))
            {
                slope += 0.3 * random.NextDouble();
            }
        }
        FiniteDifferences.Check(network, name, output, beforeEachPass: SameDropoutMasks);
    }

    [Fact]
    public void The_checks_cover_every_new_kind_and_option()
    {
        LayerInfo[] layers = NetworkTypes().SelectMany(t => ((INetwork<double>)Activator.CreateInstance(t, 1, 0)!).Layers).ToArray();
        Assert.Contains(layers, l => l.Kind == LayerKind.PReLU && l.WeightCount == 1);
        Assert.Contains(layers, l => l.Kind == LayerKind.PReLU && l.WeightCount > 1);
        Assert.Contains(layers, l => l.Kind == LayerKind.PReLU && l.Name == "Layer1");
        Assert.Contains(layers, l => l.Kind == LayerKind.Dropout);
        Assert.Contains(layers, l => l.Kind == LayerKind.Dense && l.BiasCount == 0);
    }

    [Fact]
    public void A_dropout_mask_drops_values_and_a_rerun_draws_the_same_masks()
    {
        var first = new DropoutTwice(maxBatchSize: 8, seed: 4);
        var second = new DropoutTwice(maxBatchSize: 8, seed: 4);
        double[] inputs = Enumerable.Range(0, 8 * DropoutTwice.InputSize).Select(i => Math.Sin(i)).ToArray();
        var outputs = new double[8 * DropoutTwice.OutputSize];
        first.Forward(inputs, outputs, 8); // in training mode, a forward pass draws masks too
        second.Forward(inputs, outputs, 8);
        int dropped = first.PreActivations(1).ToArray().Count(v => v == 0);
        Assert.InRange(dropped, 8, 40); // 48 values at rate 0.5
        var optimizer = new Sgd<double>(0.1);
        double[] targets = Enumerable.Range(0, 8 * DropoutTwice.OutputSize).Select(i => i % DropoutTwice.OutputSize == 0 ? 1.0 : 0.0).ToArray();
        for (int step = 0; step < 3; step++)
        {
            first.TrainStep(inputs, targets, 8, optimizer);
            second.TrainStep(inputs, targets, 8, optimizer);
        }
        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());

        first.IsTraining = false;
        var again = new double[outputs.Length];
        first.Forward(inputs, outputs, 8);
        first.Forward(inputs, again, 8);
        Assert.Equal(outputs, again); // inference mode: no mask
        Assert.DoesNotContain(first.PreActivations(1).ToArray(), v => v == 0);
    }

    private static void SameDropoutMasks(INetwork<double> network)
    {
        double[] parameters = network.Parameters.ToArray();
        network.Initialize(7);
        parameters.CopyTo(network.Parameters);
    }

    private static IEnumerable<Type> NetworkTypes() => typeof(LayerFamilyGradientCheckTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(LayerFamilyGradientCheckTests).Namespace && typeof(INetwork<double>).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal);
}
