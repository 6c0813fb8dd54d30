using System;

namespace NetGen;

/// <summary>See <see cref="Metric.TopKAccuracy"/>: the target class (its largest value) counts when fewer than k outputs are larger than its output.</summary>
internal sealed record TopKAccuracyMetric(int K) : Metric($"top_{K}_accuracy")
{
    public override MetricAccumulator Start(Loss loss) => new Accumulator(K);

    private sealed class Accumulator(int k) : MetricAccumulator
    {
        private long _correct;
        private long _count;

        public override void Add(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, int count, int outputSize)
        {
            for (int sample = 0; sample < count; sample++)
            {
                ReadOnlySpan<double> output = outputs.Slice(sample * outputSize, outputSize);
                ReadOnlySpan<double> target = targets.Slice(sample * outputSize, outputSize);
                int targetClass = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(target);
                int larger = 0;
                foreach (double value in output)
                {
                    larger += value > output[targetClass] ? 1 : 0;
                }
                _correct += larger < k ? 1 : 0;
            }
            _count += count;
        }

        public override double Result => _count == 0 ? double.NaN : (double)_correct / _count;
    }
}
