using System;

namespace NetGen;

/// <summary>See <see cref="Metric.Accuracy"/>: the rule of <see cref="Evaluation.Accuracy"/>.</summary>
internal sealed record AccuracyMetric() : Metric("accuracy")
{
    public override MetricAccumulator Start(Loss loss) => new Accumulator(loss);

    private sealed class Accumulator(Loss loss) : MetricAccumulator
    {
        private long _correct;
        private long _count;

        public override void Add(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int count, int outputSize)
        {
            _correct += NetGen.Accuracy.CountCorrect(outputs, targets, outputSize, count, loss);
            _count += count;
        }

        public override double Result => _count == 0 ? double.NaN : (double)_correct / _count;
    }
}
