using System;

namespace NetGen;

/// <summary>
/// A quantity measured from a network's outputs and the targets, on the training batches as they are trained (before
/// each batch's update, as Keras does) and on the validation data after each epoch (<see cref="TrainingOptions.Metrics"/>).
/// Its values go to <see cref="EpochResult.Metrics"/> under <see cref="Name"/> and <c>val_</c> + <see cref="Name"/>.
/// A metric is a description: <see cref="Start"/> gives the accumulator that measures one pass over a data set.
/// </summary>
/// <param name="Name">The name in the history, Keras's where it has one (<c>accuracy</c>, <c>top_5_accuracy</c>, <c>mse</c>, <c>mae</c>, <c>precision</c>, <c>recall</c>, <c>f1</c>).</param>
public abstract record Metric(string Name)
{
    /// <summary>
    /// The fraction of samples classified correctly: the largest output against the largest target for several outputs,
    /// the output against 0.5 (0 for <see cref="Loss.SigmoidCrossEntropy"/>, whose outputs are logits) for one.
    /// </summary>
    public static Metric Accuracy { get; } = new AccuracyMetric();

    /// <summary>Mean squared error per output value, as Keras's <c>mse</c> metric.</summary>
    public static Metric MeanSquaredError { get; } = new ErrorMetric("mse", Squared: true);

    /// <summary>Mean absolute error per output value, as Keras's <c>mae</c> metric.</summary>
    public static Metric MeanAbsoluteError { get; } = new ErrorMetric("mae", Squared: false);

    /// <summary>Binary precision, true positives over predicted positives (Keras's <c>Precision</c>), each output value a decision at <paramref name="threshold"/>.</summary>
    public static Metric Precision(double threshold = 0.5) => new BinaryMetric("precision", BinaryMetricKind.Precision, BinaryMetric.CheckThreshold(threshold));

    /// <summary>Binary recall, true positives over actual positives (Keras's <c>Recall</c>), each output value a decision at <paramref name="threshold"/>.</summary>
    public static Metric Recall(double threshold = 0.5) => new BinaryMetric("recall", BinaryMetricKind.Recall, BinaryMetric.CheckThreshold(threshold));

    /// <summary>Binary F1 score, the harmonic mean of precision and recall (Keras's <c>F1Score</c> for one class), each output value a decision at <paramref name="threshold"/>.</summary>
    public static Metric F1(double threshold = 0.5) => new BinaryMetric("f1", BinaryMetricKind.F1, BinaryMetric.CheckThreshold(threshold));

    /// <summary>The fraction of samples whose target class is among the <paramref name="k"/> largest outputs (Keras's <c>TopKCategoricalAccuracy</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    public static Metric TopKAccuracy(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return new TopKAccuracyMetric(k);
    }

    /// <summary>A new accumulator for one pass over a data set of a network trained with <paramref name="loss"/>.</summary>
    public abstract MetricAccumulator Start(Loss loss);
}

/// <summary>Measures a <see cref="Metric"/> over one pass, batch by batch.</summary>
public abstract class MetricAccumulator
{
    /// <summary>Adds a batch: <paramref name="count"/> samples of <paramref name="outputSize"/> values each, outputs as <see cref="INetwork{T}.Forward(ReadOnlySpan{T}, Span{T}, int)"/> gives them.</summary>
    public abstract void Add(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int count, int outputSize);

    /// <summary>The value over the batches added so far; <see cref="double.NaN"/> before any (or where the metric is undefined, as precision without predicted positives).</summary>
    public abstract double Result { get; }
}
