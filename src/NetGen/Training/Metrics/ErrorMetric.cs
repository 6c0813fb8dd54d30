using System;

namespace NetGen;

/// <summary>See <see cref="Metric.MeanSquaredError"/> and <see cref="Metric.MeanAbsoluteError"/>: the mean over every output value.</summary>
internal sealed record ErrorMetric(string ErrorName, bool Squared) : Metric(ErrorName)
{
    public override MetricAccumulator Start(Loss loss) => new Accumulator(Squared);

    private sealed class Accumulator(bool squared) : MetricAccumulator
    {
        private double _sum;
        private long _values;

        public override void Add(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int count, int outputSize)
        {
            for (int i = 0; i < count * outputSize; i++)
            {
                double error = outputs[i] - targets[i];
                _sum += squared ? error * error : Math.Abs(error);
            }
            _values += (long)count * outputSize;
        }

        public override double Result => _values == 0 ? double.NaN : _sum / _values;
    }
}
