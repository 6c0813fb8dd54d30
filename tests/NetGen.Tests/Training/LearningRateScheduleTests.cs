namespace NetGen.Tests.Training;

/// <summary>
/// The schedules against PyTorch's own schedulers: the sequences below were printed by TorchSharp 0.107 (libtorch 2.10,
/// run with ../shared/tools/torchsharp/run-with-torchsharp) for <c>StepLR</c>, <c>ExponentialLR</c>, <c>OneCycleLR</c>
/// and <c>ReduceLROnPlateau</c>; the cosine decay against its closed form, computed by hand.
/// </summary>
public class LearningRateScheduleTests
{
    [Fact]
    public void Step_decay_is_PyTorchs_StepLR()
    {
        double[] torch = [0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125, 0.00625];
        LearningRateSchedule schedule = LearningRateSchedule.StepDecay(stepSize: 3, gamma: 0.5);
        AssertPerEpoch(torch, schedule, initialRate: 0.05);
    }

    [Fact]
    public void Exponential_decay_is_PyTorchs_ExponentialLR()
    {
        double[] torch = [0.1, 0.09000000000000001, 0.08100000000000002, 0.07290000000000002, 0.06561000000000002, 0.05904900000000002];
        AssertPerEpoch(torch, LearningRateSchedule.ExponentialDecay(0.9), initialRate: 0.1);
    }

    [Fact]
    public void One_cycle_is_PyTorchs_OneCycleLR()
    {
        double[] torch =
        [
            0.0040000000000000036, 0.013167184270002533, 0.037167184270002526, 0.06683281572999747, 0.09083281572999748, 0.1,
            0.09874640062350874, 0.09504846320134738, 0.089091617757105, 0.0811745653949763, 0.07169430017913009,
            0.06112620219362893, 0.0500002, 0.03887419780637107, 0.028306099820869922, 0.0188258346050237, 0.010908782242895003,
            0.004951936798652629, 0.0012539993764912555, 4E-07,
        ];
        LearningRateSchedule schedule = LearningRateSchedule.OneCycle();
        for (int step = 0; step < torch.Length; step++)
        {
            // 20 steps: 4 epochs of 5.
            double rate = schedule.LearningRate(0.1, new SchedulePosition(step, step / 5 + 1, StepsPerEpoch: 5, Epochs: 4));
            Assert.Equal(torch[step], rate, 1e-12);
        }
    }

    [Fact]
    public void Reduce_on_plateau_is_PyTorchs_ReduceLROnPlateau()
    {
        double[] losses = [1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.8, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85];
        double[] torch = [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25];
        ReduceOnPlateau schedule = LearningRateSchedule.ReduceOnPlateau(factor: 0.5, patience: 2, cooldown: 1);
        for (int epoch = 0; epoch < losses.Length; epoch++)
        {
            schedule.EpochEnded(new EpochResult(epoch + 1, 2.0, losses[epoch], null, TimeSpan.Zero));
            Assert.Equal(torch[epoch], schedule.LearningRate(1.0, new SchedulePosition(epoch, epoch + 2, 1, 20)), 15);
        }
    }

    [Fact]
    public void Cosine_decay_warms_up_linearly_then_follows_half_a_cosine_to_the_minimum()
    {
        LearningRateSchedule schedule = LearningRateSchedule.CosineDecay(warmupSteps: 4, minimumRate: 0.01);
        double Rate(long step) => schedule.LearningRate(1.0, new SchedulePosition(step, (int)(step / 10) + 1, StepsPerEpoch: 10, Epochs: 3));
        Assert.Equal(new[] { 0.25, 0.5, 0.75, 1.0 }, Enumerable.Range(0, 4).Select(s => Rate(s)));
        // After the warm-up, 26 steps from 4 to 29: the midpoint (step 16.5) would be at (1 + 0.01) / 2; step 29 at the minimum.
        Assert.Equal(1.0, Rate(4), 15);
        Assert.Equal(0.01 + 0.99 * (1 + Math.Cos(Math.PI * 12 / 25.0)) / 2, Rate(16), 15);
        Assert.Equal(0.01, Rate(29), 15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Invalid_arguments_name_the_argument(int stepSize)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.StepDecay(stepSize));
        Assert.Equal("stepSize", error.ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.ReduceOnPlateau(factor: 1.5)).ParamName);
        Assert.Equal("warmupFraction", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.OneCycle(warmupFraction: 1)).ParamName);
    }

    private static void AssertPerEpoch(double[] expected, LearningRateSchedule schedule, double initialRate)
    {
        for (int epoch = 1; epoch <= expected.Length; epoch++)
        {
            Assert.Equal(expected[epoch - 1], schedule.LearningRate(initialRate, new SchedulePosition((epoch - 1) * 7, epoch, 7, expected.Length)), 15);
        }
    }
}
