namespace NetGen.Tests.Persistence;

public class OptimizerStateTests
{
    private static readonly float[] Gradients = [0.5f, -1, 2, 0.25f, -0.125f];

    private static float[] StepTwiceAfter(ICheckpointableOptimizer<float> optimizer)
    {
        float[] parameters = [1, 2, 3, 4, 5];
        optimizer.Step(parameters, Gradients);
        optimizer.Step(parameters, Gradients);
        return parameters;
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    [InlineData("adamw")]
    public void An_imported_state_continues_exactly_as_the_exporting_optimizer(string kind)
    {
        Func<ICheckpointableOptimizer<float>> create = kind switch
        {
            "sgd" => () => new Sgd<float>(0.1, momentum: 0.9),
            "adam" => () => new Adam<float>(0.01, weightDecay: 0.1),
            _ => () => new AdamW<float>(0.01),
        };
        ICheckpointableOptimizer<float> original = create();
        float[] warmup = [1, 2, 3, 4, 5];
        original.Step(warmup, Gradients);
        original.Step(warmup, Gradients);
        ICheckpointableOptimizer<float> copy = create();
        copy.ImportState(original.ExportState(), original.StepCount);

        Assert.Equal(2, copy.StepCount);
        Assert.Equal(original.StateNames.Order(), copy.ExportState().Keys.Order());
        Assert.Equal(StepTwiceAfter(original), StepTwiceAfter(copy));
    }

    [Fact]
    public void Exported_state_is_a_copy_and_empty_before_the_first_step()
    {
        var adam = new Adam<float>();
        Assert.Empty(adam.ExportState());
        Assert.Equal(0, adam.StepCount);
        StepTwiceAfter(adam);
        float[] moment = adam.ExportState()["exp_avg"];
        moment[0] = 1000;
        Assert.NotEqual(1000, adam.ExportState()["exp_avg"][0]);
        Assert.Empty(new Sgd<float>(0.1).StateNames);
        Assert.Equal(["momentum_buffer"], new Sgd<float>(0.1, momentum: 0.5).StateNames);
    }

    [Fact]
    public void A_state_that_does_not_fit_is_refused_and_the_optimizer_keeps_its_own()
    {
        var adam = new Adam<float>(0.01);
        StepTwiceAfter(adam);
        IReadOnlyDictionary<string, float[]> before = adam.ExportState();

        Assert.Throws<ArgumentException>(() => adam.ImportState(new Dictionary<string, float[]> { ["momentum_buffer"] = new float[5] }, 2));
        Assert.Throws<ArgumentException>(() => adam.ImportState(new Dictionary<string, float[]> { ["exp_avg"] = new float[5], ["exp_avg_sq"] = new float[4] }, 2));
        Assert.Throws<ArgumentException>(() => adam.ImportState(new Dictionary<string, float[]>(), 3));
        Assert.Throws<ArgumentException>(() => adam.ImportState(before, 0));
        Assert.Throws<ArgumentException>(() => adam.ImportState(before, -1));

        Assert.Equal(2, adam.StepCount);
        Assert.Equal(before["exp_avg"], adam.ExportState()["exp_avg"]);
    }

    [Fact]
    public void An_imported_state_fixes_the_parameter_count()
    {
        var sgd = new Sgd<float>(0.1, momentum: 0.9);
        sgd.ImportState(new Dictionary<string, float[]> { ["momentum_buffer"] = new float[3] }, 1);
        Assert.Throws<ArgumentException>(() => sgd.Step(new float[5], new float[5]));
    }

    [Fact]
    public void A_generator_restored_from_its_state_continues_the_sequence()
    {
        var random = new SeededRandom(42);
        random.NextUInt64();
        random.NextGaussian(); // leaves a spare normal sample
        var restored = new SeededRandom(random.GetState());
        Assert.Equal(random.NextGaussian(), restored.NextGaussian());
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => random.NextUInt64()), Enumerable.Range(0, 10).Select(_ => restored.NextUInt64()));
        Assert.Throws<ArgumentException>(() => new SeededRandom(new SeededRandomState(0, 0, 0, 0, null)));
    }
}
