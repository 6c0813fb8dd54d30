namespace NetGen;

/// <summary>What a layer of a generated network computes.</summary>
public enum LayerKind
{
    /// <summary>A fully connected layer, <c>a = f(W·x + b)</c>: weights <c>W</c>, biases <c>b</c>.</summary>
    Dense = 0,

    /// <summary>Batch normalization of the previous layer's outputs, <c>a = f(γ·x̂ + β)</c>: "weights" γ, "biases" β.</summary>
    BatchNorm = 1,

    /// <summary>Layer normalization of the previous layer's outputs, <c>a = f(γ·x̂ + β)</c>: "weights" γ, "biases" β.</summary>
    LayerNorm = 2,

    /// <summary>The end of a residual block, <c>a = f(branch + skip)</c>: "weights" are the skip's projection when the widths differ, else none.</summary>
    Residual = 3,

    /// <summary>A parametric ReLU of the previous layer's outputs, <c>a = x &gt; 0 ? x : slope·x</c>: "weights" are the learned slopes (one, or one per feature), no biases.</summary>
    PReLU = 4,

    /// <summary>Inverted dropout of the previous layer's outputs, active in training mode only: no parameters.</summary>
    Dropout = 5,

    /// <summary>
    /// A simple recurrent layer over a sequence, <c>h_t = f(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)</c>: "weights" <c>W_ih</c>
    /// then <c>W_hh</c>, "biases" <c>b_ih</c> then <c>b_hh</c> (PyTorch's <c>nn.RNN</c>).
    /// </summary>
    SimpleRNN = 6,

    /// <summary>An LSTM layer over a sequence (PyTorch's <c>nn.LSTM</c>, gates i, f, g, o): "weights" <c>W_ih</c> then <c>W_hh</c>, "biases" <c>b_ih</c> then <c>b_hh</c>.</summary>
    LSTM = 7,

    /// <summary>A GRU layer over a sequence (PyTorch's <c>nn.GRU</c>, gates r, z, n): "weights" <c>W_ih</c> then <c>W_hh</c>, "biases" <c>b_ih</c> then <c>b_hh</c>.</summary>
    GRU = 8,

    /// <summary>
    /// A 2-D convolution over NCHW images (PyTorch's <c>nn.Conv2d</c>): "weights" <c>[outputChannels, inputChannels, kernel,
    /// kernel]</c>, "biases" one per output channel.
    /// </summary>
    Conv2D = 9,

    /// <summary>Max pooling over each channel of an image (PyTorch's <c>nn.MaxPool2d</c>): no parameters.</summary>
    MaxPool2D = 10,

    /// <summary>Average pooling over each channel of an image (PyTorch's <c>nn.AvgPool2d</c>): no parameters.</summary>
    AvgPool2D = 11,

    /// <summary>The mean of each channel of an image, an image to a vector of its channels: no parameters.</summary>
    GlobalAveragePool = 12,

    /// <summary>An image (or a sequence) read as one vector, in its memory order (NCHW: PyTorch's <c>nn.Flatten</c>): no parameters.</summary>
    Flatten = 13,
}
