using NetGen;

namespace NetGen.Tests.Data;

public class MnistSetToDatasetTests
{
    private static readonly byte[] Labels = [3, 0, 9];

    private static MnistSet SampleSet()
    {
        // 3 images of 2 × 2; the first holds 0, 255, 51 and 1.
        byte[] pixels = [0, 255, 51, 1, 255, 255, 255, 255, 0, 0, 0, 0];
        return new MnistSet("sample", 2, 2, pixels, Labels);
    }

    [Fact]
    public void Float_inputs_are_pixels_over_255()
    {
        Dataset<float> dataset = SampleSet().ToDataset<float>();

        Assert.Equal((3, 4, 10), (dataset.Count, dataset.InputSize, dataset.TargetSize));
        Assert.Equal([0f, 1f, 0.2f, 1f / 255f], dataset.InputOf(0).ToArray());
        Assert.All(dataset.InputOf(1).ToArray(), value => Assert.Equal(1f, value));
        Assert.All(dataset.InputOf(2).ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Double_inputs_are_pixels_over_255()
    {
        Dataset<double> dataset = SampleSet().ToDataset<double>();

        Assert.Equal([0.0, 1.0, 0.2, 1.0 / 255.0], dataset.InputOf(0).ToArray());
    }

    [Fact]
    public void Targets_are_one_hot_at_the_label()
    {
        Dataset<double> dataset = SampleSet().ToDataset<double>();

        for (int sample = 0; sample < Labels.Length; sample++)
        {
            double[] target = dataset.TargetOf(sample).ToArray();
            Assert.Equal(1.0, target[Labels[sample]]);
            Assert.Equal(1.0, target.Sum());
            Assert.Equal(Labels[sample], Array.IndexOf(target, target.Max()));
        }
    }
}
