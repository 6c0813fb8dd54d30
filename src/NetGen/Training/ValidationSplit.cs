using System;
using System.Numerics;

namespace NetGen;

/// <summary><see cref="TrainingOptions.ValidationSplit"/>: the last samples of the training data held out for validation, as Keras's <c>validation_split</c>.</summary>
internal static class ValidationSplit
{
    public static (Dataset<T> Training, Dataset<T>? Validation) Apply<T>(Dataset<T> training, Dataset<T>? validation, double fraction)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (fraction == 0)
        {
            return (training, validation);
        }
        if (validation is not null)
        {
            throw new ArgumentException("Fit was given validation data and TrainingOptions.ValidationSplit; give one of them.", nameof(validation));
        }
        int held = (int)(training.Count * fraction);
        if (held < 1 || held >= training.Count)
        {
            throw new ArgumentException(
                $"TrainingOptions.ValidationSplit {fraction} of {training.Count} samples holds out {held}; it must leave at least one sample on each side.", nameof(training));
        }
        int kept = training.Count - held;
        return (Slice(training, 0, kept), Slice(training, kept, held));
    }

    private static Dataset<T> Slice<T>(Dataset<T> data, int first, int count) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(data.Inputs.Slice(first * data.InputSize, count * data.InputSize).ToArray(),
            data.Targets.Slice(first * data.TargetSize, count * data.TargetSize).ToArray(), data.InputSize, data.TargetSize);
}
