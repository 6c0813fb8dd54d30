namespace NetGen;

/// <summary>How a <see cref="Conv2DAttribute"/> pads its input with zeros (Keras's <c>padding</c>, PyTorch's string <c>padding</c>).</summary>
public enum Padding
{
    /// <summary>No padding: the output is smaller than the input by <c>dilation·(kernel − 1)</c> (then divided by the stride).</summary>
    Valid = 0,

    /// <summary>
    /// Pads <c>dilation·(kernel − 1)</c> zeros in all on each axis, half before and half after, the odd one after (at the bottom
    /// and on the right, as TensorFlow and PyTorch): with stride 1 the output has the input's height and width. Stride 1 only,
    /// as PyTorch's <c>padding='same'</c>.
    /// </summary>
    Same = 1,
}
