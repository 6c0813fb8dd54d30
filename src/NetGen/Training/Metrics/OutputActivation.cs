using System;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>The output layer's activation, applied to its pre-activations to get what <see cref="INetwork{T}.Forward(ReadOnlySpan{T}, Span{T}, int)"/> returns (for the training metrics, read after each step).</summary>
internal static class OutputActivation
{
    /// <summary>Whether <see cref="Apply"/> knows <paramref name="activation"/>.</summary>
    public static bool IsSupported(Activation activation) =>
        activation is Activation.Identity or Activation.Sigmoid or Activation.Tanh or Activation.ReLU or Activation.Softmax;

    /// <summary>Replaces each sample's pre-activations in <paramref name="values"/> by the outputs.</summary>
    public static void Apply(Activation activation, Span<double> values, int outputSize)
    {
        switch (activation)
        {
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(values, values);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(values, values);
                break;
            case Activation.ReLU:
                TensorPrimitives.Max(values, 0, values);
                break;
            case Activation.Softmax:
                for (int start = 0; start < values.Length; start += outputSize)
                {
                    Span<double> sample = values.Slice(start, outputSize);
                    TensorPrimitives.SoftMax(sample, sample);
                }
                break;
        }
    }
}
