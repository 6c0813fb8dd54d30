using System;

namespace NetGen;

/// <summary>Which binary classification metric a <see cref="BinaryMetric"/> is.</summary>
internal enum BinaryMetricKind
{
    Precision,
    Recall,
    F1,
}

/// <summary>
/// See <see cref="Metric.Precision"/>, <see cref="Metric.Recall"/>, <see cref="Metric.F1"/>: every output value is a
/// decision (positive at the threshold or above; for <see cref="Loss.SigmoidCrossEntropy"/>, whose outputs are logits,
/// the threshold's logit), every target value a label (positive at 0.5 or above), counted over all outputs as Keras does.
/// </summary>
internal sealed record BinaryMetric(string MetricName, BinaryMetricKind Kind, double Threshold) : Metric(MetricName)
{
    /// <summary><paramref name="threshold"/>, if it is between 0 and 1 (exclusive).</summary>
    public static double CheckThreshold(double threshold) =>
        threshold > 0 && threshold < 1
            ? threshold
            : throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A decision threshold must be between 0 and 1 (exclusive); Keras's default is 0.5.");

    public override MetricAccumulator Start(Loss loss)
    {
        double decision = loss == Loss.SigmoidCrossEntropy ? Math.Log(Threshold / (1 - Threshold)) : Threshold;
        return new Accumulator(Kind, decision);
    }

    private sealed class Accumulator(BinaryMetricKind kind, double decision) : MetricAccumulator
    {
        private long _truePositives;
        private long _falsePositives;
        private long _falseNegatives;

        public override void Add(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int count, int outputSize)
        {
            for (int i = 0; i < count * outputSize; i++)
            {
                bool predicted = outputs[i] >= decision, actual = targets[i] >= 0.5;
                _truePositives += predicted && actual ? 1 : 0;
                _falsePositives += predicted && !actual ? 1 : 0;
                _falseNegatives += !predicted && actual ? 1 : 0;
            }
        }

        public override double Result
        {
            get
            {
                double precision = Ratio(_truePositives, _truePositives + _falsePositives);
                double recall = Ratio(_truePositives, _truePositives + _falseNegatives);
                return kind switch
                {
                    BinaryMetricKind.Precision => precision,
                    BinaryMetricKind.Recall => recall,
                    _ => precision + recall > 0 ? 2 * precision * recall / (precision + recall) : Ratio(0, _truePositives + _falsePositives + _falseNegatives),
                };
            }
        }

        private static double Ratio(long part, long whole) => whole == 0 ? double.NaN : (double)part / whole;
    }
}
