using NetGen;

namespace NetGen.Tests.Training;

/// <summary>Fit with callbacks, schedules, metrics and a validation split, on small generated classifiers.</summary>
public sealed class TrainerCallbackTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("netgen-callbacks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Dataset<double> Classes(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var inputs = new double[count * 12];
        var targets = new double[count * 4];
        for (int s = 0; s < count; s++)
        {
            for (int j = 0; j < 12; j++)
            {
                inputs[s * 12 + j] = random.NextGaussian();
            }
            // The class: which of the first four inputs is largest.
            int label = 0;
            for (int j = 1; j < 4; j++)
            {
                label = inputs[s * 12 + j] > inputs[s * 12 + label] ? j : label;
            }
            targets[s * 4 + label] = 1;
        }
        return new Dataset<double>(inputs, targets, 12, 4);
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement_and_restores_the_best_weights()
    {
        var network = new PredictionMlp(maxBatchSize: 16, seed: 1);
        var recorder = new ParameterRecorder(network);
        // No epoch can improve the loss by 1e9: the first sets the best, the next two do not improve, and training stops.
        var stopping = new EarlyStopping("loss", patience: 2, minDelta: 1e9, restoreBestWeights: true);

        TrainingHistory history = Trainer.Fit(network, new Sgd<double>(0.05), Classes(64, 1),
            new TrainingOptions { Epochs = 10, BatchSize = 16, Callbacks = [recorder, stopping] });

        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(3, stopping.StoppedEpoch);
        Assert.Equal(1, stopping.BestEpoch);
        Assert.StartsWith("EarlyStopping: loss did not improve for 2 epoch(s)", history.StopReason);
        Assert.False(history.Cancelled);
        Assert.Equal(recorder.AfterEpoch[0], network.Parameters.ToArray());
        Assert.NotEqual(recorder.AfterEpoch[2], network.Parameters.ToArray());
    }

    [Fact]
    public void Early_stopping_on_a_metric_the_epochs_do_not_have_fails_before_training_naming_those_they_have()
    {
        var network = new PredictionMlp(maxBatchSize: 16, seed: 1);
        var error = Assert.Throws<InvalidOperationException>(() => Trainer.Fit(network, new Sgd<double>(0.05), Classes(32, 1),
            new TrainingOptions { Epochs = 2, BatchSize = 16, Callbacks = [new EarlyStopping()] }));
        Assert.Contains("EarlyStopping monitors 'val_loss'", error.Message);
        Assert.Contains("hold only: loss", error.Message);
    }

    [Fact]
    public void Model_checkpoint_saves_every_nth_epoch_and_the_best_only_when_asked()
    {
        var network = new PredictionMlp(maxBatchSize: 16, seed: 1);
        string every = Path.Combine(_directory, "every-{epoch}.safetensors"), best = Path.Combine(_directory, "best.safetensors");
        var bestCheckpoint = new ModelCheckpoint(best, saveBestOnly: true, monitor: "loss");
        var recorder = new ParameterRecorder(network);
        TrainingHistory history = Trainer.Fit(network, new Sgd<double>(0.05), Classes(64, 1),
            new TrainingOptions { Epochs = 4, BatchSize = 16, Callbacks = [new ModelCheckpoint(every, every: 2), bestCheckpoint, recorder] });

        Assert.Equal(["every-2.safetensors", "every-4.safetensors"],
            Directory.GetFiles(_directory, "every-*").Select(path => Path.GetFileName(path)!).Order().ToArray());
        // The best file holds the parameters of the epoch with the lowest training loss.
        int bestEpoch = history["loss"].Select((loss, i) => (loss, i)).MinBy(p => p.loss).i;
        var loaded = new PredictionMlp(maxBatchSize: 1, seed: 2);
        NetworkWeights.Load(loaded, best);
        Assert.Equal(recorder.AfterEpoch[bestEpoch], loaded.Parameters.ToArray());
    }

    [Fact]
    public void A_schedule_sets_the_learning_rate_before_every_step()
    {
        var network = new PredictionMlp(maxBatchSize: 16, seed: 1);
        var optimizer = new Sgd<double>(0.1);
        var rates = new RateRecorder();
        Trainer.Fit(network, optimizer, Classes(48, 1),
            new TrainingOptions { Epochs = 3, BatchSize = 16, Schedule = LearningRateSchedule.StepDecay(stepSize: 1, gamma: 0.5), Callbacks = [rates] });

        // Three batches per epoch; StepLR(1, 0.5): 0.1, 0.05, 0.025.
        Assert.Equal([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025], rates.Rates);
    }

    [Fact]
    public void Training_and_validation_metrics_match_what_is_computed_by_hand_from_the_outputs()
    {
        var network = new PredictionMlp(maxBatchSize: 16, seed: 3);
        Dataset<double> training = Classes(64, 1), validation = Classes(40, 2);
        // A learning rate too small to change the outputs: the training batches' metrics are those of the initial network.
        double[] before = Trainer.Predict(network, training.Inputs);
        TrainingHistory history = Trainer.Fit(network, new Sgd<double>(1e-300), training,
            new TrainingOptions { Epochs = 1, BatchSize = 16, Shuffle = false, Metrics = [Metric.Accuracy, Metric.MeanAbsoluteError, Metric.TopKAccuracy(2)] },
            validation);

        IReadOnlyDictionary<string, double> values = history.Epochs[0].Metrics;
        Assert.Equal(["loss", "accuracy", "mae", "top_2_accuracy", "val_loss", "val_accuracy", "val_mae", "val_top_2_accuracy"], values.Keys.ToArray());
        Assert.Equal(ByHandAccuracy(before, training), values["accuracy"], 12);
        Assert.Equal(ByHandMae(before, training), values["mae"], 12);
        double[] after = Trainer.Predict(network, validation.Inputs);
        Assert.Equal(ByHandAccuracy(after, validation), values["val_accuracy"], 12);
        Assert.Equal(ByHandMae(after, validation), values["val_mae"], 12);
        Assert.Equal(history.Epochs[0].ValidationAccuracy, values["val_accuracy"]);
        Assert.InRange(values["top_2_accuracy"], values["accuracy"], 1);
    }

    [Fact]
    public void A_validation_split_holds_out_the_last_samples()
    {
        var network = new PredictionMlp(maxBatchSize: 16, seed: 3);
        Dataset<double> data = Classes(100, 1);
        TrainingHistory history = Trainer.Fit(network, new Sgd<double>(0.05), data,
            new TrainingOptions { Epochs = 2, BatchSize = 16, ValidationSplit = 0.25 });

        var heldOut = new Dataset<double>(data.Inputs[(75 * 12)..].ToArray(), data.Targets[(75 * 4)..].ToArray(), 12, 4);
        Assert.Equal(Trainer.Evaluate(network, heldOut).Loss, history["val_loss"][^1], 12);
        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, new Sgd<double>(0.05), data,
            new TrainingOptions { ValidationSplit = 0.25 }, validation: heldOut));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { ValidationSplit = 1 });
    }

    [Fact]
    public void The_history_gives_each_metric_by_name()
    {
        var network = new PredictionMlp(maxBatchSize: 16, seed: 3);
        TrainingHistory history = Trainer.Fit(network, new Sgd<double>(0.05), Classes(64, 1), new TrainingOptions { Epochs = 3, BatchSize = 16 });
        Assert.Equal(history.Epochs.Select(e => e.TrainingLoss), history["loss"]);
        Assert.Contains("it has: loss", Assert.Throws<KeyNotFoundException>(() => history["val_loss"]).Message);
    }

    private static double ByHandAccuracy(double[] outputs, Dataset<double> data)
    {
        int correct = 0;
        for (int s = 0; s < data.Count; s++)
        {
            int predicted = 0, actual = 0;
            for (int j = 1; j < 4; j++)
            {
                predicted = outputs[s * 4 + j] > outputs[s * 4 + predicted] ? j : predicted;
                actual = data.Targets[s * 4 + j] > data.Targets[s * 4 + actual] ? j : actual;
            }
            correct += predicted == actual ? 1 : 0;
        }
        return (double)correct / data.Count;
    }

    private static double ByHandMae(double[] outputs, Dataset<double> data) =>
        outputs.Select((o, i) => Math.Abs(o - data.Targets[i])).Average();

    private sealed class ParameterRecorder(INetwork<double> network) : TrainingCallback
    {
        public List<double[]> AfterEpoch { get; } = [];

        public override void OnEpochEnd(TrainingContext context, EpochResult result) => AfterEpoch.Add(network.Parameters.ToArray());
    }

    private sealed class RateRecorder : TrainingCallback
    {
        public List<double> Rates { get; } = [];

        public override void OnBatchEnd(TrainingContext context, int batch, double loss) => Rates.Add(context.LearningRate!.Value);
    }
}
