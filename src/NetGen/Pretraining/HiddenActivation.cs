using System;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>The element-wise activations pretraining and the training metrics compute in <see cref="double"/>: the value and its derivative.</summary>
internal static class HiddenActivation
{
    /// <summary>Whether <see cref="Apply"/> and <see cref="DerivativeTimes"/> know <paramref name="activation"/>.</summary>
    public static bool IsSupported(Activation activation) =>
        activation is Activation.Sigmoid or Activation.Tanh or Activation.ReLU or Activation.Identity;

    /// <summary>Writes <c>f(z)</c> for every <c>z</c> in <paramref name="preActivations"/> (the spans may be the same).</summary>
    public static void Apply(Activation activation, ReadOnlySpan<double> preActivations, Span<double> activations)
    {
        switch (activation)
        {
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(preActivations, activations);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(preActivations, activations);
                break;
            case Activation.ReLU:
                TensorPrimitives.Max(preActivations, 0.0, activations);
                break;
            case Activation.Identity:
                preActivations.CopyTo(activations);
                break;
            default:
                throw new NotSupportedException($"Only sigmoid, tanh, ReLU and identity are computed here, not {activation}.");
        }
    }

    /// <summary>Multiplies each gradient by <c>f′(z)</c>, from the pre-activation <c>z</c> or the activation <c>f(z)</c>.</summary>
    public static void DerivativeTimes(Activation activation, ReadOnlySpan<double> preActivations, ReadOnlySpan<double> activations, Span<double> gradients)
    {
        for (int i = 0; i < gradients.Length; i++)
        {
            double h = activations[i];
            gradients[i] *= activation switch
            {
                Activation.Sigmoid => h * (1 - h),
                Activation.Tanh => 1 - h * h,
                Activation.ReLU => preActivations[i] > 0 ? 1 : 0,
                _ => 1,
            };
        }
    }
}
