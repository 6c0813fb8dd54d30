using System;

namespace NetGen;

/// <summary>Average pooling (PyTorch's <c>nn.AvgPool2d</c>, Keras's <c>AveragePooling2D</c>): each output is its window's mean.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AvgPool2DAttribute : Pool2DAttribute
{
    /// <inheritdoc cref="Pool2DAttribute(int)"/>
    public AvgPool2DAttribute(int size)
        : base(size)
    {
    }
}
