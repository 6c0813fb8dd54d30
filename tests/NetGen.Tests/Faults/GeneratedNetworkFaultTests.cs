using System.Diagnostics;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Faults;

/// <summary>Bad arguments and misuse from several threads, refused by the generated networks with a clear exception.</summary>
public class GeneratedNetworkFaultTests
{
    // SmallDigits: 784 inputs, layers of 64 and 10 units; its largest buffer holds maxBatchSize × 64 values.
    private const int LargestLayer = 64;
    private const int LargestFittingBatch = 33_554_431; // Array.MaxLength / 64

    [Fact]
    public void A_max_batch_size_whose_buffers_overflow_int_is_refused_naming_the_largest_that_fits()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SmallDigits(maxBatchSize: int.MaxValue / 2));

        Assert.Equal("maxBatchSize", error.ParamName);
        Assert.Equal(int.MaxValue / 2, error.ActualValue);
        Assert.Contains($"{LargestLayer} values per sample", error.Message);
        Assert.Contains(LargestFittingBatch.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void A_replica_with_a_max_batch_size_that_overflows_is_refused_too()
    {
        var network = new SmallDigits(maxBatchSize: 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => network.CreateReplica(LargestFittingBatch + 1));

        Assert.Equal("maxBatchSize", error.ParamName);
        Assert.Contains(LargestFittingBatch.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Forward_on_one_instance_from_two_threads_throws_naming_CreateReplica_and_never_returns_a_wrong_output()
    {
        var network = new SmallDigits(maxBatchSize: 1, seed: 5);
        (float[][] inputs, float[][] expected) = SamplesAndOutputs(network, count: 8);
        int refused = 0, wrong = 0;
        string? message = null;

        RunOnTwoThreads(thread =>
        {
            var output = new float[SmallDigits.OutputSize];
            var clock = Stopwatch.StartNew();
            for (int i = 0; clock.ElapsedMilliseconds < 5_000 && (Volatile.Read(ref refused) < 20 || clock.ElapsedMilliseconds < 200); i++)
            {
                int sample = (2 * i + thread) % inputs.Length;
                try
                {
                    network.Forward(inputs[sample], output);
                }
                catch (InvalidOperationException error)
                {
                    Interlocked.Increment(ref refused);
                    message = error.Message;
                    continue;
                }
                if (!output.AsSpan().SequenceEqual(expected[sample]))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        Assert.Equal(0, wrong);
        Assert.True(refused > 0, "Two threads ran Forward on one instance for up to 5 s and no call was refused.");
        Assert.Contains("CreateReplica", message);
        Assert.Contains("another thread", message);
    }

    [Fact]
    public void ComputeGradients_and_TrainStep_on_an_instance_already_in_use_are_refused()
    {
        var network = new SmallDigits(maxBatchSize: 1, seed: 5);
        var optimizer = new Sgd<float>(0.01);
        var input = new float[SmallDigits.InputSize];
        var target = new float[SmallDigits.OutputSize];
        target[3] = 1;
        int refused = 0;

        RunOnTwoThreads(thread =>
        {
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 5_000 && (Volatile.Read(ref refused) < 20 || clock.ElapsedMilliseconds < 200))
            {
                try
                {
                    if (thread == 0)
                    {
                        network.ComputeGradients(input, target, batchSize: 1);
                    }
                    else
                    {
                        network.TrainStep(input, target, batchSize: 1, optimizer);
                    }
                }
                catch (InvalidOperationException error) when (error.Message.Contains("CreateReplica", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref refused);
                }
            }
        });

        Assert.True(refused > 0, "Two threads trained one instance for up to 5 s and no call was refused.");
    }

    [Fact]
    public void Replicas_on_two_threads_are_never_refused_and_give_the_single_threaded_outputs()
    {
        var network = new SmallDigits(maxBatchSize: 1, seed: 5);
        network.IsTraining = false;
        (float[][] inputs, float[][] expected) = SamplesAndOutputs(network, count: 8);
        var replicas = new[] { network.CreateReplica(), network.CreateReplica() };
        int wrong = 0;

        RunOnTwoThreads(thread =>
        {
            var output = new float[SmallDigits.OutputSize];
            for (int i = 0; i < 20_000; i++)
            {
                int sample = (2 * i + thread) % inputs.Length;
                replicas[thread].Forward(inputs[sample], output);
                if (!output.AsSpan().SequenceEqual(expected[sample]))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void A_call_that_throws_leaves_the_instance_usable()
    {
        var network = new SmallDigits(maxBatchSize: 1);
        var output = new float[SmallDigits.OutputSize];
        Assert.Throws<ArgumentException>(() => network.ComputeLoss(new float[SmallDigits.InputSize], new float[SmallDigits.OutputSize], batchSize: 2));
        Assert.Throws<ArgumentNullException>(() => network.TrainStep(new float[SmallDigits.InputSize], new float[SmallDigits.OutputSize], 1, null!));

        network.Forward(new float[SmallDigits.InputSize], output);
        network.ComputeGradients(new float[SmallDigits.InputSize], new float[SmallDigits.OutputSize], batchSize: 1);
    }

    /// <summary>Distinct random samples and their outputs, computed on one thread.</summary>
    private static (float[][] Inputs, float[][] Outputs) SamplesAndOutputs(SmallDigits network, int count)
    {
        var random = new Random(11);
        var inputs = new float[count][];
        var outputs = new float[count][];
        for (int i = 0; i < count; i++)
        {
            inputs[i] = Enumerable.Range(0, SmallDigits.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
            outputs[i] = new float[SmallDigits.OutputSize];
            network.Forward(inputs[i], outputs[i]);
        }
        return (inputs, outputs);
    }

    /// <summary>Runs the body on two dedicated threads that start together, and rethrows what either threw.</summary>
    private static void RunOnTwoThreads(Action<int> body)
    {
        using var start = new Barrier(2);
        var failures = new Exception?[2];
        var threads = Enumerable.Range(0, 2).Select(index => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                body(index);
            }
            catch (Exception error)
            {
                failures[index] = error;
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        foreach (Exception? failure in failures)
        {
            if (failure is not null)
            {
                throw new AggregateException(failure);
            }
        }
    }
}
