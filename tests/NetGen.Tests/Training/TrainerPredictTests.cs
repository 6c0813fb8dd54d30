using NetGen;

namespace NetGen.Tests.Training;

/// <summary>Predict and Evaluate over more samples than the network's MaxBatchSize, in inference mode.</summary>
public class TrainerPredictTests
{
    private const int Count = 1000;

    private static double[] RandomValues(int count, int seed)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextGaussian()).ToArray();
    }

    private static double[] OneHotTargets(int count, int classes, int seed)
    {
        var random = new SeededRandom(seed);
        var targets = new double[count * classes];
        for (int s = 0; s < count; s++)
        {
            targets[s * classes + (int)(random.NextDouble() * classes)] = 1;
        }
        return targets;
    }

    private static double[] OneAtATime(PredictionMlp network, double[] inputs)
    {
        var outputs = new double[inputs.Length / PredictionMlp.InputSize * PredictionMlp.OutputSize];
        for (int s = 0; s < inputs.Length / PredictionMlp.InputSize; s++)
        {
            network.Forward(inputs.AsSpan(s * PredictionMlp.InputSize, PredictionMlp.InputSize), outputs.AsSpan(s * PredictionMlp.OutputSize, PredictionMlp.OutputSize));
        }
        return outputs;
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static double[] OneBatch(double[] inputs)
    {
        int count = inputs.Length / PredictionMlp.InputSize;
        var network = new PredictionMlp(maxBatchSize: count, seed: 3);
        var outputs = new double[count * PredictionMlp.OutputSize];
        network.Forward(inputs, outputs, count);
        return outputs;
    }

    [Fact]
    public void Predict_runs_a_thousand_samples_through_a_network_built_for_eight_as_one_batch_of_a_thousand_does_to_the_bit()
    {
        var network = new PredictionMlp(maxBatchSize: 8, seed: 3);
        double[] inputs = RandomValues(Count * PredictionMlp.InputSize, seed: 1);

        double[] predicted = Trainer.Predict<double>(network, inputs);

        Assert.Equal(Count * PredictionMlp.OutputSize, predicted.Length);
        Assert.Equal(Bits(OneBatch(inputs)), Bits(predicted));
        // One-sample forwards take another kernel, whose sums are rounded in another order: equal to a few units in the last place.
        double[] oneAtATime = OneAtATime(network, inputs);
        for (int i = 0; i < predicted.Length; i++)
        {
            Assert.Equal(oneAtATime[i], predicted[i], 1e-14 * Math.Max(1, Math.Abs(oneAtATime[i])));
        }
    }

    [Fact]
    public void The_span_overload_writes_the_same_outputs_into_the_callers_buffer()
    {
        var network = new PredictionMlp(maxBatchSize: 8, seed: 3);
        double[] inputs = RandomValues(Count * PredictionMlp.InputSize, seed: 2);
        var outputs = new double[Count * PredictionMlp.OutputSize];

        Trainer.Predict<double>(network, inputs, outputs);

        Assert.Equal(Bits(Trainer.Predict<double>(network, inputs)), Bits(outputs));
        Assert.Equal(Bits(OneBatch(inputs)), Bits(outputs));
    }

    [Fact]
    public void Predict_of_no_samples_is_empty_and_sizes_that_do_not_fit_are_rejected_naming_them()
    {
        var network = new PredictionMlp(maxBatchSize: 8, seed: 3);
        Assert.Empty(Trainer.Predict<double>(network, ReadOnlySpan<double>.Empty));

        var inputs = Assert.Throws<ArgumentException>(() => Trainer.Predict<double>(network, new double[25]));
        Assert.Equal("inputs", inputs.ParamName);
        Assert.Contains("12 inputs per sample", inputs.Message);
        Assert.Contains("25", inputs.Message);

        var outputs = Assert.Throws<ArgumentException>(() => Trainer.Predict<double>(network, new double[24], new double[7]));
        Assert.Equal("outputs", outputs.ParamName);
        Assert.Contains("2 × 4 = 8", outputs.Message);
        Assert.Contains("hold 7", outputs.Message);
    }

    [Fact]
    public void Evaluate_without_a_batch_size_takes_a_thousand_samples_and_matches_the_loss_and_accuracy_computed_from_Predict()
    {
        var network = new PredictionMlp(maxBatchSize: 8, seed: 3);
        double[] inputs = RandomValues(Count * PredictionMlp.InputSize, seed: 4);
        double[] targets = OneHotTargets(Count, PredictionMlp.OutputSize, seed: 5);

        Evaluation evaluation = Trainer.Evaluate(network, new Dataset<double>(inputs, targets, PredictionMlp.InputSize, PredictionMlp.OutputSize));

        double[] outputs = Trainer.Predict<double>(network, inputs);
        double lossSum = 0;
        int correct = 0;
        for (int s = 0; s < Count; s++)
        {
            double[] logits = outputs[(s * 4)..(s * 4 + 4)];
            double[] target = targets[(s * 4)..(s * 4 + 4)];
            double max = logits.Max();
            double logSumExp = max + Math.Log(logits.Sum(z => Math.Exp(z - max)));
            lossSum += logSumExp - logits.Zip(target, (z, t) => z * t).Sum(); // −Σ t·log softmax(z), with Σ t = 1
            correct += Array.IndexOf(logits, max) == Array.IndexOf(target, 1.0) ? 1 : 0;
        }
        Assert.Equal(Count, evaluation.Count);
        Assert.Equal(lossSum / Count, evaluation.Loss, 1e-12);
        Assert.Equal((double)correct / Count, evaluation.Accuracy);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Predict_and_Evaluate_run_in_inference_mode_and_restore_the_mode_also_after_an_exception(bool trainingBefore)
    {
        var network = new ModeRecordingNetwork(new LinearRegressionNetwork(2, maxBatchSize: 4)) { IsTraining = trainingBefore };
        double[] inputs = RandomValues(2 * 10, seed: 6);
        var data = new Dataset<double>(inputs, new double[10], 2, 1);

        Trainer.Predict<double>(network, inputs);
        Trainer.Evaluate(network, data);
        Assert.Equal(trainingBefore, network.IsTraining);
        Assert.NotEmpty(network.ModesSeen);
        Assert.All(network.ModesSeen, training => Assert.False(training));

        network.ThrowAtCall = network.ModesSeen.Count + 2;
        Assert.Throws<InvalidOperationException>(() => Trainer.Predict<double>(network, inputs));
        Assert.Equal(trainingBefore, network.IsTraining);
        network.ThrowAtCall = network.ModesSeen.Count + 2;
        Assert.Throws<InvalidOperationException>(() => Trainer.Evaluate(network, data));
        Assert.Equal(trainingBefore, network.IsTraining);
    }
}
