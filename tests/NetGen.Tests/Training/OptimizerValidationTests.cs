using NetGen;

namespace NetGen.Tests.Training;

public class OptimizerValidationTests
{
    public static TheoryData<string> Optimizers => new() { "Sgd", "SgdMomentum", "Adam", "AdamW" };

    private static IOptimizer<double> Create(string name) => name switch
    {
        "Sgd" => new Sgd<double>(0.1),
        "SgdMomentum" => new Sgd<double>(0.1, momentum: 0.9),
        "Adam" => new Adam<double>(),
        _ => new AdamW<double>(),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Gradients_of_another_length_are_rejected_naming_both_lengths(string name)
    {
        var optimizer = Create(name);
        var exception = Assert.Throws<ArgumentException>(() => optimizer.Step(new double[5], new double[4]));
        Assert.Contains("5", exception.Message);
        Assert.Contains("4", exception.Message);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void A_later_step_with_another_parameter_count_is_rejected_naming_both_counts(string name)
    {
        var optimizer = Create(name);
        optimizer.Step(new double[6], new double[6]);
        var exception = Assert.Throws<ArgumentException>(() => optimizer.Step(new double[9], new double[9]));
        Assert.Contains("6", exception.Message);
        Assert.Contains("9", exception.Message);
        optimizer.Step(new double[6], new double[6]);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Steps_after_the_first_do_not_allocate(string name)
    {
        var optimizer = Create(name);
        var p = new double[37];
        var g = Enumerable.Range(0, 37).Select(i => i * 0.01).ToArray();
        for (int i = 0; i < 3; i++)
        {
            optimizer.Step(p, g);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            optimizer.Step(p, g);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Learning_rate_must_be_positive(double learningRate)
    {
        AssertOutOfRange(() => new Sgd<double>(learningRate), learningRate, "greater than 0");
        AssertOutOfRange(() => new Adam<float>(learningRate), learningRate, "greater than 0");
        AssertOutOfRange(() => new AdamW<float>(learningRate), learningRate, "greater than 0");
        AssertOutOfRange(() => new Sgd<double>(0.1) { LearningRate = learningRate }, learningRate, "greater than 0");
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(learningRate)).ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Momentum_and_betas_must_be_in_unit_interval(double value)
    {
        AssertOutOfRange(() => new Sgd<double>(0.1, momentum: value), value, "[0, 1)");
        AssertOutOfRange(() => new Adam<double>(beta1: value), value, "[0, 1)");
        AssertOutOfRange(() => new Adam<double>(beta2: value), value, "[0, 1)");
        AssertOutOfRange(() => new AdamW<double>(beta1: value), value, "[0, 1)");
        AssertOutOfRange(() => new AdamW<double>(beta2: value), value, "[0, 1)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-8)]
    public void Epsilon_must_be_positive(double epsilon)
    {
        AssertOutOfRange(() => new Adam<double>(epsilon: epsilon), epsilon, "greater than 0");
        AssertOutOfRange(() => new AdamW<double>(epsilon: epsilon), epsilon, "greater than 0");
    }

    [Fact]
    public void Weight_decay_must_not_be_negative()
    {
        AssertOutOfRange(() => new Sgd<double>(0.1, weightDecay: -0.25), -0.25, "at least 0");
        AssertOutOfRange(() => new Adam<double>(weightDecay: -0.25), -0.25, "at least 0");
        AssertOutOfRange(() => new AdamW<double>(weightDecay: -0.25), -0.25, "at least 0");
    }

    [Fact]
    public void Nesterov_needs_momentum()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Sgd<double>(0.1, momentum: 0, nesterov: true));
        Assert.Equal("nesterov", exception.ParamName);
        Assert.Contains("momentum", exception.Message);
    }

    private static void AssertOutOfRange(Func<object> create, double value, string range)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => create());
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message);
        Assert.Contains(range, exception.Message);
    }
}
