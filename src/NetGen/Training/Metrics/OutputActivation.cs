using System;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>The output layer's activation, applied to its pre-activations to get what <see cref="INetwork{T}.Forward(ReadOnlySpan{T}, Span{T}, int)"/> returns (for the training metrics, read after each step).</summary>
internal static class OutputActivation
{
    /// <summary>Whether <see cref="Apply"/> knows <paramref name="activation"/>: softmax, and the element-wise ones of <see cref="HiddenActivation"/>.</summary>
    public static bool IsSupported(Activation activation) => activation == Activation.Softmax || HiddenActivation.IsSupported(activation);

    /// <summary>Replaces each sample's pre-activations in <paramref name="values"/> by the outputs.</summary>
    public static void Apply(Activation activation, Span<double> values, int outputSize)
    {
        if (activation != Activation.Softmax)
        {
            HiddenActivation.Apply(activation, values, values);
            return;
        }
        for (int start = 0; start < values.Length; start += outputSize)
        {
            Span<double> sample = values.Slice(start, outputSize);
            TensorPrimitives.SoftMax(sample, sample);
        }
    }
}
