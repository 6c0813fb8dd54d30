using System;

namespace NetGen;

/// <summary>
/// Reads an image (or a sequence) as one vector, in its memory order: channel after channel, each row after row (NCHW,
/// PyTorch's <c>nn.Flatten</c>; Keras's <c>Flatten</c> keeps channels last, so a Keras model's dense weights after it are in
/// another order). Put it between the last convolution or pooling and a <see cref="DenseAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : Attribute
{
}
