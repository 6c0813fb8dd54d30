using System;

namespace NetGen;

/// <summary>
/// The mean of each channel of an image: [channels, height, width] to a vector of channels (Keras's
/// <c>GlobalAveragePooling2D</c>, PyTorch's <c>nn.AdaptiveAvgPool2d(1)</c> then <c>flatten</c>). Put it between the last
/// convolution and a <see cref="DenseAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GlobalAveragePoolAttribute : Attribute
{
}
