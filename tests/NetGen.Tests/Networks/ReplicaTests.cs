namespace NetGen.Tests.Networks;

public class ReplicaTests
{
    [Fact]
    public void Replicas_share_parameters_and_give_the_same_outputs_from_many_threads()
    {
        var network = new NormalizedCircleClassifier(maxBatchSize: 32, seed: 3);
        Trainer.Fit(network, new Adam<float>(0.01), CircleData.Make(500, seed: 1), new TrainingOptions { Epochs = 2, BatchSize = 32 });
        network.IsTraining = false;
        Dataset<float> data = CircleData.Make(400, seed: 2);
        var expected = new float[data.Count * 2];
        for (int i = 0; i < data.Count; i++)
        {
            network.Forward(data.InputOf(i), expected.AsSpan(i * 2, 2));
        }

        var results = new float[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            NormalizedCircleClassifier replica = network.CreateReplica();
            var outputs = new float[data.Count * 2];
            for (int repeat = 0; repeat < 20; repeat++)
            {
                for (int i = 0; i < data.Count; i++)
                {
                    replica.Forward(data.InputOf(i), outputs.AsSpan(i * 2, 2));
                }
            }
            results[thread] = outputs;
        });

        Assert.All(results, outputs => Assert.Equal(expected, outputs));
    }

    [Fact]
    public void A_replica_sees_later_changes_to_the_parameters()
    {
        var network = new NormalizedCircleClassifier(maxBatchSize: 4, seed: 3);
        NormalizedCircleClassifier replica = network.CreateReplica();
        network.Layer1Weights[0] = 42f;
        Assert.Equal(42f, replica.Layer1Weights[0]);
        Assert.False(replica.IsTraining);
        Assert.Equal(1, replica.MaxBatchSize);
    }
}
