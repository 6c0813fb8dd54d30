using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>Counts correctly classified samples, by the rules documented on <see cref="Evaluation.Accuracy"/>.</summary>
internal static class Accuracy
{
    /// <summary>Whether accuracy means anything: not for a single output trained on mean squared error (a regression).</summary>
    public static bool IsDefined(Loss loss, int outputSize) => outputSize > 1 || loss != Loss.MeanSquaredError;

    /// <summary>The number of samples among <paramref name="count"/> whose predicted class equals their target class.</summary>
    public static int CountCorrect<T>(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, int outputSize, int count, Loss loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int correct = 0;
        if (outputSize == 1)
        {
            T half = T.CreateTruncating(0.5);
            T threshold = loss == Loss.SigmoidCrossEntropy ? T.Zero : half;
            for (int i = 0; i < count; i++)
            {
                if ((outputs[i] >= threshold) == (targets[i] >= half))
                {
                    correct++;
                }
            }
            return correct;
        }
        for (int i = 0; i < count; i++)
        {
            int start = i * outputSize;
            if (TensorPrimitives.IndexOfMax(outputs.Slice(start, outputSize)) == TensorPrimitives.IndexOfMax(targets.Slice(start, outputSize)))
            {
                correct++;
            }
        }
        return correct;
    }
}
