using System;

namespace NetGen;

/// <summary>Max pooling (PyTorch's <c>nn.MaxPool2d</c>, Keras's <c>MaxPooling2D</c>): each output is its window's largest input.</summary>
/// <example>
/// <code>
/// [Conv2D(16, 5, Activation.ReLU)]
/// [MaxPool2D(2)]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MaxPool2DAttribute : Pool2DAttribute
{
    /// <inheritdoc cref="Pool2DAttribute(int)"/>
    public MaxPool2DAttribute(int size)
        : base(size)
    {
    }
}
