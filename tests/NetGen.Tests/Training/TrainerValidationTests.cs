using NetGen;

namespace NetGen.Tests.Training;

public class TrainerValidationTests
{
    private static readonly LinearRegressionNetwork Network = new(3, maxBatchSize: 32);

    private static Dataset<double> Data(int inputSize, int targetSize, int count = 4) =>
        new(new double[count * inputSize], new double[count * targetSize], inputSize, targetSize);

    [Fact]
    public void Training_data_with_another_input_size_is_rejected_naming_both_sizes()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(Network, new Sgd<double>(0.1), Data(2, 1), new TrainingOptions { BatchSize = 4 }));
        Assert.Equal("training", exception.ParamName);
        Assert.Contains("3 inputs", exception.Message);
        Assert.Contains("2", exception.Message);
    }

    [Fact]
    public void Training_data_with_another_target_size_is_rejected_naming_both_sizes()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(Network, new Sgd<double>(0.1), Data(3, 5), new TrainingOptions { BatchSize = 4 }));
        Assert.Equal("training", exception.ParamName);
        Assert.Contains("1 outputs", exception.Message);
        Assert.Contains("5 targets", exception.Message);
    }

    [Fact]
    public void Validation_data_of_another_size_is_rejected_before_training()
    {
        var network = new ScriptedNetwork(1, Loss.MeanSquaredError);
        var exception = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(network, new Sgd<double>(0.1), network.IdDataset(4), new TrainingOptions(), validation: Data(7, 1)));
        Assert.Equal("validation", exception.ParamName);
        Assert.Contains("7", exception.Message);
        Assert.Empty(network.TrainedBatches);
    }

    [Fact]
    public void Empty_training_data_is_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(Network, new Sgd<double>(0.1), Data(3, 1, count: 0), new TrainingOptions { BatchSize = 4 }));
        Assert.Contains("no samples", exception.Message);
    }

    [Fact]
    public void A_batch_size_above_the_network_maximum_is_rejected_naming_both()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Trainer.Fit(Network, new Sgd<double>(0.1), Data(3, 1), new TrainingOptions { BatchSize = 33 }));
        Assert.Contains("33", exception.Message);
        Assert.Contains("32", exception.Message);

        var evaluateException = Assert.Throws<ArgumentException>(() => Trainer.Evaluate(Network, Data(3, 1), 40));
        Assert.Contains("40", evaluateException.Message);
        Assert.Contains("32", evaluateException.Message);
    }

    [Fact]
    public void The_default_batch_size_must_fit_the_network_too()
    {
        Assert.Equal(64, new TrainingOptions().BatchSize);
        Assert.Throws<ArgumentException>(() => Trainer.Fit(Network, new Sgd<double>(0.1), Data(3, 1), new TrainingOptions()));
    }

    [Fact]
    public void Evaluate_rejects_mismatched_data_and_batch_sizes_below_one()
    {
        Assert.Throws<ArgumentException>(() => Trainer.Evaluate(Network, Data(2, 1), 4));
        var exception = Assert.Throws<ArgumentException>(() => Trainer.Evaluate(Network, Data(3, 1), 0));
        Assert.Contains("0", exception.Message);
    }

    [Fact]
    public void Options_have_documented_defaults_and_reject_nonpositive_counts()
    {
        var options = new TrainingOptions();
        Assert.Equal((10, 64, 0, true), (options.Epochs, options.BatchSize, options.Seed, options.Shuffle));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Epochs = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { BatchSize = -1 });
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var data = Data(3, 1);
        var options = new TrainingOptions { BatchSize = 4 };
        var sgd = new Sgd<double>(0.1);
        Assert.Throws<ArgumentNullException>(() => Trainer.Fit(null!, sgd, data, options));
        Assert.Throws<ArgumentNullException>(() => Trainer.Fit(Network, null!, data, options));
        Assert.Throws<ArgumentNullException>(() => Trainer.Fit(Network, sgd, null!, options));
        Assert.Throws<ArgumentNullException>(() => Trainer.Fit(Network, sgd, data, null!));
        Assert.Throws<ArgumentNullException>(() => Trainer.Evaluate(Network, null!, 4));
    }
}
