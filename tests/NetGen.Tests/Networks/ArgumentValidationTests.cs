namespace NetGen.Tests.Networks;

public class ArgumentValidationTests
{
    private readonly TwinSingle _network = new(maxBatchSize: 4);

    [Fact]
    public void Single_sample_forward_names_expected_and_actual_lengths()
    {
        var input = new float[19];
        var output = new float[TwinSingle.OutputSize];
        var inputError = Assert.Throws<ArgumentException>(() => _network.Forward(input, output));
        Assert.Equal("input", inputError.ParamName);
        Assert.Contains("19", inputError.Message);
        Assert.Contains("20", inputError.Message);

        var outputError = Assert.Throws<ArgumentException>(() => _network.Forward(new float[20], new float[3]));
        Assert.Equal("output", outputError.ParamName);
        Assert.Contains("3", outputError.Message);
        Assert.Contains("4", outputError.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Batch_size_outside_one_to_max_is_rejected(int batchSize)
    {
        int n = Math.Max(batchSize, 0);
        var error = Assert.Throws<ArgumentException>(() => _network.Forward(new float[n * 20], new float[n * 4], batchSize));
        Assert.Equal("batchSize", error.ParamName);
        Assert.Contains($"is {batchSize}", error.Message);
        Assert.Contains("between 1 and 4", error.Message);
    }

    [Fact]
    public void Batched_spans_must_hold_exactly_one_batch()
    {
        var inputs = Assert.Throws<ArgumentException>(() => _network.ComputeLoss(new float[41], new float[8], 2));
        Assert.Equal("inputs", inputs.ParamName);
        Assert.Contains("41", inputs.Message);
        Assert.Contains("40", inputs.Message);

        var targets = Assert.Throws<ArgumentException>(() => _network.ComputeGradients(new float[40], new float[7], 2));
        Assert.Equal("targets", targets.ParamName);
        Assert.Contains("7", targets.Message);
        Assert.Contains("8", targets.Message);
    }

    [Fact]
    public void Max_batch_size_must_be_positive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TwinSingle(maxBatchSize: 0));
        Assert.Equal("maxBatchSize", error.ParamName);
    }

    [Fact]
    public void Train_step_needs_an_optimizer()
    {
        Assert.Throws<ArgumentNullException>(() => _network.TrainStep(new float[20], new float[4], 1, null!));
    }

    [Fact]
    public void Failed_validation_leaves_parameters_unchanged()
    {
        float[] before = _network.Parameters.ToArray();
        Assert.Throws<ArgumentException>(() => _network.ComputeGradients(new float[40], new float[7], 2));
        Assert.Equal(before, _network.Parameters.ToArray());
    }
}
