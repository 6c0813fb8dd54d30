using System.Numerics;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Persistence;

/// <summary>Training interrupted at a checkpoint and resumed on new instances ends with the same bits as training straight through.</summary>
public class CheckpointResumeTests
{
    private static void AssertResumeIsExact<T, TNetwork>(
        Func<int, TNetwork> createNetwork, Func<ICheckpointableOptimizer<T>> createOptimizer, Dataset<T> data, int batchSize)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TNetwork : INetwork<T>
    {
        using var directory = new TemporaryDirectory();
        string checkpoint = directory.File("run.checkpoint");
        var options = new TrainingOptions { Epochs = 4, BatchSize = batchSize, Seed = 11 };

        TNetwork straight = createNetwork(1);
        Trainer.Fit(straight, createOptimizer(), data, options);

        TNetwork interrupted = createNetwork(1);
        Trainer.Fit(interrupted, createOptimizer(), data, new TrainingOptions { Epochs = 2, BatchSize = batchSize, Seed = 11, CheckpointPath = checkpoint });

        TNetwork resumed = createNetwork(12345); // other initial parameters: all must come from the checkpoint
        TrainingHistory history = Trainer.Fit(resumed, createOptimizer(), data, new TrainingOptions { Epochs = 4, BatchSize = batchSize, Seed = 11, ResumeFrom = checkpoint });

        Assert.Equal([3, 4], history.Epochs.Select(e => e.Epoch));
        Assert.Equal(straight.Parameters.ToArray(), resumed.Parameters.ToArray());
        Assert.Equal(straight.State.ToArray(), resumed.State.ToArray());
        Assert.NotEqual(interrupted.Parameters.ToArray(), resumed.Parameters.ToArray());
    }

    [Fact]
    public void Adam_resumes_exactly() =>
        AssertResumeIsExact<float, CircleClassifier>(
            seed => new CircleClassifier(maxBatchSize: 16, seed: seed), () => new Adam<float>(0.01), CircleData.Make(200, seed: 1), 16);

    [Fact]
    public void Sgd_with_momentum_resumes_exactly() =>
        AssertResumeIsExact<float, CircleClassifier>(
            seed => new CircleClassifier(maxBatchSize: 16, seed: seed), () => new Sgd<float>(0.1, momentum: 0.9, nesterov: true), CircleData.Make(200, seed: 1), 16);

    [Fact]
    public void AdamW_resumes_a_double_network_exactly() =>
        AssertResumeIsExact<double, TwinDouble>(
            seed => new TwinDouble(maxBatchSize: 8, seed: seed), () => new AdamW<double>(0.01), TwinData(60), 8);

    [Fact]
    public void A_network_with_batch_normalization_resumes_exactly_running_statistics_included() =>
        // 201 samples in batches of 20: the last batch of one is left out, as in an uninterrupted run.
        AssertResumeIsExact<float, NormalizedCircleClassifier>(
            seed => new NormalizedCircleClassifier(maxBatchSize: 20, seed: seed), () => new Adam<float>(0.01), CircleData.Make(201, seed: 2), 20);

    [Fact]
    public void Checkpoints_are_saved_every_n_epochs_at_paths_numbered_by_epoch()
    {
        using var directory = new TemporaryDirectory();
        var network = new CircleClassifier(maxBatchSize: 16, seed: 1);
        var options = new TrainingOptions { Epochs = 5, BatchSize = 16, CheckpointEvery = 2, CheckpointPath = directory.File("epoch-{epoch}.safetensors") };
        Trainer.Fit(network, new Sgd<float>(0.1), CircleData.Make(50, seed: 1), options);

        Assert.Equal(["epoch-2.safetensors", "epoch-4.safetensors"], Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order());
        var file = new IndependentSafeTensorsReader(File.ReadAllBytes(directory.File("epoch-4.safetensors")));
        Assert.Equal("netgen-checkpoint", file.Metadata["format"]);
        Assert.Equal("4", file.Metadata["epoch"]);
        Assert.Equal("Sgd", file.Metadata["optimizer"]);
        Assert.Equal("16", file.Metadata["optimizer_step"]); // 4 epochs of 4 batches
        Assert.Equal(4, file.Metadata["shuffle_state"].Split(',').Length);
        Assert.DoesNotContain(file.Tensors.Keys, name => name.StartsWith("optimizer.", StringComparison.Ordinal)); // plain SGD keeps no state
    }

    [Fact]
    public void Adam_checkpoints_hold_both_moments_named_as_in_PyTorch()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("c.safetensors");
        var network = new CircleClassifier(maxBatchSize: 16, seed: 1);
        var optimizer = new Adam<float>(0.01);
        Trainer.Fit(network, optimizer, CircleData.Make(50, seed: 1), new TrainingOptions { Epochs = 1, BatchSize = 16, CheckpointPath = path });

        var file = new IndependentSafeTensorsReader(File.ReadAllBytes(path));
        IReadOnlyDictionary<string, float[]> state = optimizer.ExportState();
        Assert.Equal(state["exp_avg"], file.Singles("optimizer.exp_avg"));
        Assert.Equal(state["exp_avg_sq"], file.Singles("optimizer.exp_avg_sq"));
        Assert.Equal([(long)CircleClassifier.ParameterCount], file.Tensors["optimizer.exp_avg"].Shape);
        Assert.Equal(network.Layer1Weights.ToArray(), file.Singles("Layer1.weight"));
    }

    [Fact]
    public void Resuming_with_another_kind_of_optimizer_or_from_a_weights_file_is_refused_and_changes_nothing()
    {
        using var directory = new TemporaryDirectory();
        string checkpoint = directory.File("c.safetensors");
        Dataset<float> data = CircleData.Make(50, seed: 1);
        Trainer.Fit(new CircleClassifier(maxBatchSize: 16, seed: 1), new Sgd<float>(0.1, momentum: 0.5), data,
            new TrainingOptions { Epochs = 1, BatchSize = 16, CheckpointPath = checkpoint });

        var network = new CircleClassifier(maxBatchSize: 16, seed: 2);
        float[] before = network.Parameters.ToArray();
        var adam = new Adam<float>();
        var error = Assert.Throws<InvalidDataException>(() =>
            Trainer.Fit(network, adam, data, new TrainingOptions { Epochs = 2, BatchSize = 16, ResumeFrom = checkpoint }));
        Assert.Contains("Sgd optimizer", error.Message);
        Assert.Contains(checkpoint, error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
        Assert.Equal(0, adam.StepCount);

        string weights = directory.File("w.safetensors");
        NetworkWeights.Save(network, weights);
        error = Assert.Throws<InvalidDataException>(() =>
            Trainer.Fit(network, adam, data, new TrainingOptions { Epochs = 2, BatchSize = 16, ResumeFrom = weights }));
        Assert.Contains("not a training checkpoint", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Checkpoints_need_a_checkpointable_optimizer()
    {
        using var directory = new TemporaryDirectory();
        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(
            new CircleClassifier(maxBatchSize: 16, seed: 1), new PlainOptimizer(), CircleData.Make(10, seed: 1),
            new TrainingOptions { Epochs = 1, BatchSize = 16, CheckpointPath = directory.File("c") }));
        Assert.Contains("ICheckpointableOptimizer", error.Message);
    }

    private sealed class PlainOptimizer : IOptimizer<float>
    {
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
        }
    }

    private static Dataset<double> TwinData(int count)
    {
        var random = new SeededRandom(5);
        var inputs = new double[count * 20];
        var targets = new double[count * 4];
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < 20; j++)
            {
                inputs[i * 20 + j] = random.NextGaussian();
            }
            targets[i * 4 + random.NextInt32(4)] = 1;
        }
        return new Dataset<double>(inputs, targets, 20, 4);
    }
}
