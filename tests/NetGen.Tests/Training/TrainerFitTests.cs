using NetGen;

namespace NetGen.Tests.Training;

public class TrainerFitTests
{
    // y = 2·x0 − 3·x1 + 0.5·x2 + 1, no noise.
    private static readonly double[] TrueWeights = [2, -3, 0.5];
    private const double TrueBias = 1;

    private static Dataset<double> LinearData(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var inputs = new double[count * 3];
        var targets = new double[count];
        for (int s = 0; s < count; s++)
        {
            double y = TrueBias;
            for (int j = 0; j < 3; j++)
            {
                double x = random.NextDouble() * 2 - 1;
                inputs[s * 3 + j] = x;
                y += TrueWeights[j] * x;
            }
            targets[s] = y;
        }
        return new Dataset<double>(inputs, targets, 3, 1);
    }

    private static (LinearRegressionNetwork Network, TrainingHistory History) TrainLinear(int seed, int epochs = 40)
    {
        var network = new LinearRegressionNetwork(3);
        network.Initialize(5);
        var history = Trainer.Fit(
            network, new Sgd<double>(0.1), LinearData(203, 1), new TrainingOptions { Epochs = epochs, BatchSize = 16, Seed = seed });
        return (network, history);
    }

    [Fact]
    public void Loss_decreases_to_near_zero_on_a_noiseless_linear_problem()
    {
        var network = new LinearRegressionNetwork(3);
        network.Initialize(5);
        var validation = LinearData(50, 2);
        double initialLoss = Trainer.Evaluate(network, validation, 16).Loss;

        var history = Trainer.Fit(
            network, new Sgd<double>(0.1), LinearData(203, 1), new TrainingOptions { Epochs = 40, BatchSize = 16, Seed = 3 }, validation);

        Assert.Equal(40, history.Epochs.Count);
        Assert.Equal(Enumerable.Range(1, 40), history.Epochs.Select(e => e.Epoch));
        Assert.True(initialLoss > 1, $"initial loss {initialLoss}");
        Assert.True(history.Epochs[0].TrainingLoss > history.Epochs[^1].TrainingLoss);
        Assert.True(history.Epochs[^1].TrainingLoss < 1e-12, $"final training loss {history.Epochs[^1].TrainingLoss}");
        Assert.True(history.Epochs[^1].ValidationLoss < 1e-12, $"final validation loss {history.Epochs[^1].ValidationLoss}");
        // One output trained on mean squared error is a regression: accuracy is not defined.
        Assert.True(double.IsNaN(history.Epochs[^1].ValidationAccuracy!.Value));
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(TrueWeights[j], network.Parameters[j], 1e-6);
        }
        Assert.Equal(TrueBias, network.Parameters[3], 1e-6);
    }

    [Fact]
    public void Without_validation_data_the_validation_results_are_null()
    {
        var (_, history) = TrainLinear(seed: 0, epochs: 2);
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationLoss));
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationAccuracy));
    }

    [Fact]
    public void The_same_seed_gives_identical_parameters_and_losses()
    {
        var (first, firstHistory) = TrainLinear(seed: 11, epochs: 3);
        var (second, secondHistory) = TrainLinear(seed: 11, epochs: 3);
        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());
        Assert.Equal(firstHistory.Epochs.Select(e => e.TrainingLoss), secondHistory.Epochs.Select(e => e.TrainingLoss));
    }

    [Fact]
    public void A_different_seed_gives_different_parameters_after_early_epochs()
    {
        var (first, _) = TrainLinear(seed: 11, epochs: 1);
        var (second, _) = TrainLinear(seed: 12, epochs: 1);
        Assert.NotEqual(first.Parameters.ToArray(), second.Parameters.ToArray());
    }

    private static List<int[]> TrainedOrder(int seed, bool shuffle, int count = 10, int batchSize = 4, int epochs = 3)
    {
        var network = new ScriptedNetwork(1, Loss.MeanSquaredError);
        Trainer.Fit(
            network, new Sgd<double>(0.1), network.IdDataset(count),
            new TrainingOptions { Epochs = epochs, BatchSize = batchSize, Seed = seed, Shuffle = shuffle });
        return network.TrainedBatches;
    }

    [Fact]
    public void Shuffling_visits_every_sample_once_per_epoch_in_a_seed_determined_order()
    {
        List<int[]> batches = TrainedOrder(seed: 1, shuffle: true);
        Assert.Equal(9, batches.Count);
        Assert.Equal([4, 4, 2, 4, 4, 2, 4, 4, 2], batches.Select(b => b.Length));
        int[][] epochs = batches.Chunk(3).Select(chunk => chunk.SelectMany(b => b).ToArray()).ToArray();
        Assert.All(epochs, order => Assert.Equal(Enumerable.Range(0, 10), order.Order()));
        Assert.Contains(epochs, order => !order.SequenceEqual(Enumerable.Range(0, 10)));
        Assert.NotEqual(epochs[0], epochs[1]);

        Assert.Equal(batches.SelectMany(b => b), TrainedOrder(seed: 1, shuffle: true).SelectMany(b => b));
        Assert.NotEqual(batches.SelectMany(b => b), TrainedOrder(seed: 2, shuffle: true).SelectMany(b => b));
    }

    [Fact]
    public void Without_shuffling_samples_are_taken_in_order()
    {
        List<int[]> batches = TrainedOrder(seed: 1, shuffle: false, epochs: 2);
        int[] inOrder = Enumerable.Range(0, 10).ToArray();
        Assert.Equal(inOrder.Concat(inOrder), batches.SelectMany(b => b));
        Assert.Equal([4, 4, 2, 4, 4, 2], batches.Select(b => b.Length));
    }

    [Fact]
    public void Progress_is_reported_after_every_batch_including_the_partial_last_one()
    {
        var network = new ScriptedNetwork(1, Loss.MeanSquaredError);
        var reports = new List<TrainingProgress>();
        var history = Trainer.Fit(
            network, new Sgd<double>(0.1), network.IdDataset(10),
            new TrainingOptions { Epochs = 2, BatchSize = 4, Shuffle = false }, progress: new ListProgress(reports));

        Assert.Equal(6, reports.Count);
        Assert.Equal([1, 1, 1, 2, 2, 2], reports.Select(r => r.Epoch));
        Assert.Equal([1, 2, 3, 1, 2, 3], reports.Select(r => r.Batch));
        Assert.All(reports, r => Assert.Equal((2, 3, 10), (r.Epochs, r.BatchesPerEpoch, r.SamplesPerEpoch)));
        Assert.Equal([4, 8, 10, 4, 8, 10], reports.Select(r => r.SamplesSeen));
        // The batch losses are the mean ids 1.5, 5.5 and 8.5; weighted by batch size: 1.5, (6 + 22)/8 = 3.5, (6 + 22 + 17)/10 = 4.5.
        // (An unweighted mean of the three batches would give 5.17 at the end.)
        Assert.Equal([1.5, 3.5, 4.5, 1.5, 3.5, 4.5], reports.Select(r => r.RunningLoss));
        Assert.Equal([false, false, true, false, false, true], reports.Select(r => r.EpochResult is not null));
        Assert.Same(history.Epochs[0], reports[2].EpochResult);
        Assert.Same(history.Epochs[1], reports[5].EpochResult);
        Assert.Equal(4.5, history.Epochs[1].TrainingLoss);
    }

    [Fact]
    public void Validation_runs_after_every_epoch_and_is_reported_in_the_epoch_result()
    {
        // Two classes; sample id i predicts class (i % 2) with certainty; targets are class 0 for all, so half are right.
        int count = 6;
        double[] outputs = Enumerable.Range(0, count).SelectMany(i => i % 2 == 0 ? new[] { 1.0, 0.0 } : [0.0, 1.0]).ToArray();
        var network = new ScriptedNetwork(2, Loss.SoftmaxCrossEntropy, outputs);
        var validation = new Dataset<double>(
            Enumerable.Range(0, count).Select(i => (double)i).ToArray(),
            Enumerable.Range(0, count).SelectMany(_ => new[] { 1.0, 0.0 }).ToArray(), 1, 2);

        var history = Trainer.Fit(
            network, new Sgd<double>(0.1), network.IdDataset(4), new TrainingOptions { Epochs = 2, BatchSize = 4 }, validation);

        Assert.All(history.Epochs, e => Assert.Equal(0.5, e.ValidationAccuracy));
        Assert.All(history.Epochs, e => Assert.Equal(2.5, e.ValidationLoss)); // mean id of 0..5
    }

    [Fact]
    public void Cancellation_between_batches_stops_training_and_returns_the_history()
    {
        var network = new ScriptedNetwork(1, Loss.MeanSquaredError);
        using var cancellation = new CancellationTokenSource();
        var reports = new List<TrainingProgress>();
        var progress = new ListProgress(reports, onReport: r =>
        {
            if (r.Batch == 2)
            {
                cancellation.Cancel();
            }
        });

        TrainingHistory history = Trainer.Fit(
            network, new Sgd<double>(0.1), network.IdDataset(10),
            new TrainingOptions { Epochs = 3, BatchSize = 4 }, progress: progress, cancellationToken: cancellation.Token);
        Assert.True(history.Cancelled);
        Assert.Equal("cancelled during epoch 1", history.StopReason);
        Assert.Empty(history.Epochs);
        Assert.Equal(2, network.TrainedBatches.Count);
        Assert.Equal(2, reports.Count);
    }

    [Fact]
    public void An_already_cancelled_token_trains_nothing()
    {
        var network = new ScriptedNetwork(1, Loss.MeanSquaredError);
        TrainingHistory history = Trainer.Fit(
            network, new Sgd<double>(0.1), network.IdDataset(10), new TrainingOptions(), cancellationToken: new CancellationToken(true));
        Assert.True(history.Cancelled);
        Assert.Empty(network.TrainedBatches);
    }

    /// <summary>Records reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
    private sealed class ListProgress(List<TrainingProgress> reports, Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
