namespace NetGen.Tests.Training;

/// <summary>The metrics on small batches whose values are counted by hand in the comments.</summary>
public class MetricTests
{
    [Fact]
    public void Accuracy_counts_the_largest_output_against_the_largest_target()
    {
        // Sample 1: outputs pick class 1, target class 1 (right); sample 2: class 0 against class 2 (wrong).
        double[] outputs = [0.1, 0.7, 0.2, 0.5, 0.3, 0.2];
        double[] targets = [0, 1, 0, 0, 0, 1];
        Assert.Equal(0.5, Measure(Metric.Accuracy, Loss.SoftmaxCrossEntropy, outputs, targets, 3));
    }

    [Fact]
    public void Top_2_accuracy_counts_the_target_among_the_two_largest_outputs()
    {
        // Sample 1: target 2 is the second largest (in); sample 2: target 2 is the smallest of 3 (out); sample 3: target 0 largest (in).
        double[] outputs = [0.5, 0.1, 0.4, 0.5, 0.3, 0.2, 0.9, 0.05, 0.05];
        double[] targets = [0, 0, 1, 0, 0, 1, 1, 0, 0];
        Assert.Equal(2.0 / 3, Measure(Metric.TopKAccuracy(2), Loss.SoftmaxCrossEntropy, outputs, targets, 3), 15);
        Assert.Equal("top_2_accuracy", Metric.TopKAccuracy(2).Name);
    }

    [Fact]
    public void Mean_squared_and_absolute_errors_average_over_every_value()
    {
        double[] outputs = [1, 2, 3, 4];
        double[] targets = [1, 0, 3, 7];
        // Errors 0, 2, 0, −3: squares 0 + 4 + 0 + 9 = 13 over 4 values; absolute 5 over 4.
        Assert.Equal(13.0 / 4, Measure(Metric.MeanSquaredError, Loss.MeanSquaredError, outputs, targets, 2));
        Assert.Equal(5.0 / 4, Measure(Metric.MeanAbsoluteError, Loss.MeanSquaredError, outputs, targets, 2));
    }

    [Fact]
    public void Precision_recall_and_F1_count_decisions_at_the_threshold()
    {
        // Decisions at 0.5: 1, 1, 0, 0, 1; labels: 1, 0, 1, 0, 1 → TP 2, FP 1, FN 1: precision 2/3, recall 2/3, F1 2/3.
        double[] outputs = [0.9, 0.6, 0.2, 0.1, 0.5];
        double[] targets = [1, 0, 1, 0, 1];
        Assert.Equal(2.0 / 3, Measure(Metric.Precision(), Loss.BinaryCrossEntropy, outputs, targets, 1), 15);
        Assert.Equal(2.0 / 3, Measure(Metric.Recall(), Loss.BinaryCrossEntropy, outputs, targets, 1), 15);
        Assert.Equal(2.0 / 3, Measure(Metric.F1(), Loss.BinaryCrossEntropy, outputs, targets, 1), 15);
        // At 0.7 only the first is positive: TP 1, FP 0, FN 2 → precision 1, recall 1/3, F1 = 2·(1/3)/(4/3) = 1/2.
        Assert.Equal(1, Measure(Metric.Precision(0.7), Loss.BinaryCrossEntropy, outputs, targets, 1));
        Assert.Equal(0.5, Measure(Metric.F1(0.7), Loss.BinaryCrossEntropy, outputs, targets, 1), 15);
    }

    [Fact]
    public void Binary_decisions_on_logits_use_the_thresholds_logit()
    {
        // Sigmoid cross-entropy networks output logits: 0.5 is logit 0, 0.7 is ln(0.7/0.3) = 0.847.
        double[] logits = [0.9, 0.1, -0.2, 2.0];
        double[] targets = [1, 0, 0, 1];
        Assert.Equal(2.0 / 3, Measure(Metric.Precision(), Loss.SigmoidCrossEntropy, logits, targets, 1), 15);
        Assert.Equal(1, Measure(Metric.Precision(0.7), Loss.SigmoidCrossEntropy, logits, targets, 1));
    }

    [Fact]
    public void A_metric_without_samples_is_NaN_and_thresholds_outside_0_1_are_refused()
    {
        Assert.True(double.IsNaN(Metric.Accuracy.Start(Loss.SoftmaxCrossEntropy).Result));
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => Metric.Recall(1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Metric.TopKAccuracy(0)).ParamName);
    }

    private static double Measure(Metric metric, Loss loss, double[] outputs, double[] targets, int outputSize)
    {
        MetricAccumulator accumulator = metric.Start(loss);
        // In two batches, to check that they accumulate.
        int samples = outputs.Length / outputSize, first = samples / 2;
        accumulator.Add(outputs.AsSpan(0, first * outputSize), targets.AsSpan(0, first * outputSize), first, outputSize);
        accumulator.Add(outputs.AsSpan(first * outputSize), targets.AsSpan(first * outputSize), samples - first, outputSize);
        return accumulator.Result;
    }
}
