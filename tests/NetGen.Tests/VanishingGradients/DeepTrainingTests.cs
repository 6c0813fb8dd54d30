using VanishingGradientsSample;
using Xunit.Abstractions;

namespace NetGen.Tests.VanishingGradients;

/// <summary>
/// The same depth (20 hidden layers of 64) declared four ways, trained by the sample's recipe (SGD, learning rate 0.003,
/// momentum 0.9, batch 32, seed 1) but for 3 epochs instead of the sample's 10, on the embedded subset (10,000 training,
/// 2,000 test images), to keep the test run short.
/// </summary>
public class DeepTrainingTests(ITestOutputHelper output)
{
    private const int Epochs = 3;

    private ExperimentResult Train(Contender contender)
    {
        ExperimentResult result = Experiment.Run(contender, new Recipe(Epochs, Seed: 1), VanishingData.Training, VanishingData.Test, VanishingData.SpeedImages);
        output.WriteLine($"{contender.Name}: test accuracy by epoch {string.Join(", ", result.Epochs.Select(e => $"{e.ValidationAccuracy:P1}"))}; " +
            $"warnings {string.Join(", ", result.DistinctWarnings)}; {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    [Fact]
    public void The_20_layer_sigmoid_stack_stays_near_chance_and_the_monitor_reports_vanishing_gradients()
    {
        ExperimentResult result = Train(Contenders.DeepSigmoid);

        Assert.True(result.FinalAccuracy <= 0.20,
            $"deep sigmoid: test accuracy {result.FinalAccuracy:P1} after {Epochs} epochs on the embedded subset, expected near chance (<= 20 %)");
        Assert.Contains("NGM01", result.Warnings.Select(w => w.RuleId));
        // The monitor's per-step norms show the same gap as the speed of learning: 20 layers, ten orders of magnitude.
        Assert.NotEmpty(result.Gradients);
        Assert.All(result.Gradients, g => Assert.True(g.WeightGradientNorms[^1] / g.WeightGradientNorms[0] > 1e6, $"step {g.Step}"));
    }

    public static TheoryData<string> Remedies => new() { "deep ReLU+He", "deep residual+BN", "deep SELU+LeCun" };

    [Theory]
    [MemberData(nameof(Remedies))]
    public void A_remedy_of_the_same_depth_learns(string name)
    {
        Contender contender = Contenders.All.Single(c => c.Name == name);
        ExperimentResult result = Train(contender);

        Assert.True(result.FinalAccuracy >= 0.80,
            $"{name}: test accuracy {result.FinalAccuracy:P1} after {Epochs} epochs on the embedded subset, expected >= 80 %");
        Assert.DoesNotContain("NGM01", result.Warnings.Select(w => w.RuleId));
    }
}
