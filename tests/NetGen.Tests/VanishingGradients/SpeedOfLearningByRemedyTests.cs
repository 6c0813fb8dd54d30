using VanishingGradientsSample;
using Xunit.Abstractions;

namespace NetGen.Tests.VanishingGradients;

/// <summary>
/// The speed of learning (‖∂C/∂b‖ of each hidden dense layer, on the first 1,000 training images) at initialization, of
/// the networks the vanishing-gradients sample declares, with the sample's seed.
/// </summary>
public class SpeedOfLearningByRemedyTests(ITestOutputHelper output)
{
    private static readonly int Seed = new Recipe(Recipe.DefaultEpochs, 1).Seed;

    private SpeedSnapshot Measure(Contender contender)
    {
        INetwork<float> network = contender.Create(100, Seed);
        SpeedSnapshot speeds = Experiment.MeasureSpeed(network, VanishingData.SpeedImages, "init", 0);
        output.WriteLine($"{contender.Name}: " + string.Join(", ", speeds.BiasGradientNorms.Select(s => s.ToString("G3")))
            + $"; last/first {speeds.LastOverFirst:G3}x");
        return speeds;
    }

    private static string Describe(Contender contender, SpeedSnapshot speeds) =>
        $"{contender.Name}: speeds of learning at init {string.Join(", ", speeds.BiasGradientNorms.Select(s => s.ToString("G3")))}, last/first {speeds.LastOverFirst:G3}x";

    [Fact]
    public void In_the_textbook_sigmoid_network_the_first_hidden_layer_learns_at_least_30x_slower_than_the_fourth()
    {
        SpeedSnapshot speeds = Measure(Contenders.TextbookSigmoid);
        string line = Describe(Contenders.TextbookSigmoid, speeds);

        Assert.Equal(4, speeds.BiasGradientNorms.Length);
        Assert.True(speeds.LastOverFirst >= 30, line);
        for (int l = 0; l + 1 < speeds.BiasGradientNorms.Length; l++)
        {
            Assert.True(speeds.BiasGradientNorms[l] < speeds.BiasGradientNorms[l + 1], "each layer slower than the next; " + line);
        }
    }

    public static TheoryData<string> Remedies => new() { "textbook ReLU+He", "textbook residual+BN", "deep ReLU+He", "deep residual+BN", "deep SELU+LeCun" };

    [Theory]
    [MemberData(nameof(Remedies))]
    public void With_a_remedy_the_first_and_last_hidden_layers_learn_within_10x_of_each_other(string name)
    {
        Contender contender = Contenders.All.Single(c => c.Name == name);
        SpeedSnapshot speeds = Measure(contender);

        Assert.InRange(speeds.LastOverFirst, 0.1, 10);
        Assert.All(speeds.BiasGradientNorms, s => Assert.True(s > 0, Describe(contender, speeds)));
    }

    [Fact]
    public void In_the_20_layer_sigmoid_stack_the_first_layer_learns_over_a_million_times_slower_than_the_last()
    {
        SpeedSnapshot speeds = Measure(Contenders.DeepSigmoid);

        Assert.Equal(20, speeds.BiasGradientNorms.Length);
        Assert.True(speeds.LastOverFirst > 1e6, Describe(Contenders.DeepSigmoid, speeds));
    }
}
