using NetGen.Tests.VanishingGradients;
using VanishingGradientsSample;
using Xunit.Abstractions;

namespace NetGen.Tests.Pretraining;

/// <summary>
/// The vanishing-gradients sample's pretraining experiment, as the sample runs it (the same declaration, pretraining options
/// and recipe) but for 2 epochs of fine-tuning instead of 10, on the embedded subset: the numbers its README reports.
/// </summary>
public class PretrainingExperimentTests(ITestOutputHelper output)
{
    private const int Epochs = 2;

    [Fact]
    public void Pretraining_lets_the_7_layer_sigmoid_stack_learn_where_the_random_start_stays_at_chance()
    {
        var recipe = new Recipe(Epochs, Seed: 1);
        var experiment = new PretrainingExperiment(VanishingData.Training);
        ExperimentResult randomStart = Experiment.Run(PretrainingExperiment.RandomStart, recipe, VanishingData.Training, VanishingData.Test, VanishingData.SpeedImages);
        ExperimentResult pretrained = Experiment.Run(experiment.Pretrained, recipe, VanishingData.Training, VanishingData.Test, VanishingData.SpeedImages);
        double[] a = randomStart.AtInitialization.BiasGradientNorms, b = pretrained.AtInitialization.BiasGradientNorms;
        output.WriteLine($"speed of learning at the start of fine-tuning, (a): {string.Join(", ", a.Select(v => v.ToString("G3")))}");
        output.WriteLine($"(b): {string.Join(", ", b.Select(v => v.ToString("G3")))}");
        output.WriteLine($"test accuracy (a): {randomStart.FinalAccuracy:P1}, (b): {pretrained.FinalAccuracy:P1}; pretraining {experiment.PretrainingTime.TotalSeconds:F1} s");

        Assert.True(randomStart.FinalAccuracy <= 0.20, $"(a) random start: test accuracy {randomStart.FinalAccuracy:P1} after {Epochs} epochs, expected near chance (<= 20 %)");
        Assert.True(pretrained.FinalAccuracy >= 0.70, $"(b) pretrained: test accuracy {pretrained.FinalAccuracy:P1} after {Epochs} epochs, expected >= 70 %");
        Assert.True(a[^1] / a[0] > 1e4, $"(a): the last hidden layer learns {a[^1] / a[0]:G3}x faster than the first; expected > 1e4");
        Assert.True(b[^1] / b[0] < 100, $"(b): the last hidden layer learns {b[^1] / b[0]:G3}x faster than the first; expected < 100");
        Assert.True(b[0] / a[0] > 1000, $"the first layer learns {b[0] / a[0]:G3}x faster after pretraining; expected > 1000");
        Assert.All(experiment.Pretraining!.Layers, layer => Assert.True(
            layer.ReconstructionErrors[^1] < 0.7 * layer.ReconstructionErrors[0],
            $"{layer.LayerName}: reconstruction error {layer.ReconstructionErrors[0]:G3} before, {layer.ReconstructionErrors[^1]:G3} after"));
    }
}
