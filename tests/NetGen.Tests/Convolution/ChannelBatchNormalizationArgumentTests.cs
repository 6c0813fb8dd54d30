namespace NetGen.Tests.Convolution;

/// <summary><see cref="ChannelBatchNormalization"/> refuses spans whose lengths do not match the sizes, naming the span and both lengths.</summary>
public class ChannelBatchNormalizationArgumentTests
{
    private const int BatchSize = 2, Channels = 3, Pixels = 4, Values = BatchSize * Channels * Pixels;

    [Fact]
    public void Forward_training_names_a_wrong_length()
    {
        AssertRefused("x", Values - 1, Values, () => ForwardTraining(x: Values - 1));
        AssertRefused("gamma", 2, Channels, () => ForwardTraining(gamma: 2));
        AssertRefused("variance", 4, Channels, () => ForwardTraining(variance: 4));
        AssertRefused("normalized", Values + 1, Values, () => ForwardTraining(normalized: Values + 1));
    }

    [Fact]
    public void Forward_inference_names_a_wrong_length()
    {
        AssertRefused("runningVariance", 1, Channels, () =>
            ChannelBatchNormalization.ForwardInference<double>(new double[Values], BatchSize, Channels, Pixels, new double[Channels], new double[Channels], 1e-5,
                new double[Channels], new double[1], new double[Channels], new double[Values], new double[Values]));
        AssertRefused("output", 0, Values, () =>
            ChannelBatchNormalization.ForwardInference<double>(new double[Values], BatchSize, Channels, Pixels, new double[Channels], new double[Channels], 1e-5,
                new double[Channels], new double[Channels], new double[Channels], new double[Values], []));
    }

    [Fact]
    public void Backward_names_a_wrong_length_and_takes_an_empty_input_gradient()
    {
        AssertRefused("betaGradient", 5, Channels, () =>
            ChannelBatchNormalization.BackwardTraining<double>(new double[Values], new double[Values], new double[Channels], new double[Channels], BatchSize, Channels, Pixels,
                new double[Channels], new double[5], new double[Values]));
        AssertRefused("inputGradient", Values - 4, Values, () =>
            ChannelBatchNormalization.BackwardInference<double>(new double[Values], new double[Values], new double[Channels], new double[Channels], BatchSize, Channels, Pixels,
                new double[Channels], new double[Channels], new double[Values - 4]));
        ChannelBatchNormalization.BackwardTraining<double>(new double[Values], new double[Values], new double[Channels], new double[Channels], BatchSize, Channels, Pixels,
            new double[Channels], new double[Channels], Span<double>.Empty);
    }

    [Fact]
    public void A_size_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>("pixels", () =>
            ChannelBatchNormalization.BackwardInference<double>([], [], new double[Channels], new double[Channels], BatchSize, Channels, 0,
                new double[Channels], new double[Channels], []));

    private static void ForwardTraining(int x = Values, int gamma = Channels, int variance = Channels, int normalized = Values) =>
        ChannelBatchNormalization.ForwardTraining<double>(new double[x], BatchSize, Channels, Pixels, new double[gamma], new double[Channels], 1e-5,
            new double[Channels], new double[variance], new double[Channels], new double[normalized], new double[Values]);

    private static void AssertRefused(string name, int actual, int expected, Action call)
    {
        var refused = Assert.Throws<ArgumentException>(call);
        Assert.Equal(name, refused.ParamName);
        Assert.Contains($"holds {actual} values", refused.Message);
        Assert.Contains($"= {expected}", refused.Message);
    }
}
