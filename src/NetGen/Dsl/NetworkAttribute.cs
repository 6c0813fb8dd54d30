using System;

namespace NetGen;

/// <summary>
/// Declares a partial class as a neural network. The layers are the <see cref="DenseAttribute"/>s on the same class,
/// in the order they are written. At build time NetGen generates the network's forward and backward passes into the class.
/// </summary>
/// <example>
/// <code>
/// [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
/// [Dense(128, Activation.ReLU, Init = Init.HeNormal)]
/// [Dense(10)]
/// public partial class Digits;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>
    /// The number of inputs of one sample (784 for a 28×28 image read as a vector), or of one step of a sequence. Required
    /// unless the input is an image (<see cref="Height"/> and <see cref="Width"/>); must be positive.
    /// </summary>
    public int Inputs { get; set; }

    /// <summary>
    /// The channels of an input image (3 for RGB). Default 0: not set, 1 when <see cref="Height"/> and <see cref="Width"/> are.
    /// Each sample is then <c>Channels × Height × Width</c> values, channel after channel, each row-major (NCHW, as PyTorch).
    /// Not with <see cref="Inputs"/> or <see cref="Steps"/>.
    /// </summary>
    public int Channels { get; set; }

    /// <summary>The height of an input image, for convolutional networks (<see cref="Conv2DAttribute"/>). Default 0: not an image; must be positive when set, with <see cref="Width"/>.</summary>
    public int Height { get; set; }

    /// <summary>The width of an input image. Default 0: not an image; must be positive when set, with <see cref="Height"/>.</summary>
    public int Width { get; set; }

    /// <summary>
    /// The number of time steps of one input sequence, for a recurrent network: each sample is then <see cref="Steps"/> ×
    /// <see cref="Inputs"/> values, step after step (Keras's <c>Input(shape=(steps, features))</c>; PyTorch's
    /// <c>batch_first = true</c>). Default 0: each sample is a vector of <see cref="Inputs"/> values. Fixed at compile time, so
    /// that every buffer of backpropagation through time is allocated when the network is constructed.
    /// </summary>
    public int Steps { get; set; }

    /// <summary>The training loss. Default <see cref="Loss.MeanSquaredError"/>.</summary>
    public Loss Loss { get; set; } = Loss.MeanSquaredError;

    /// <summary>
    /// The mean of the squared inputs, E[x²], which NetGen's gradient analysis assumes (it cannot see the data). Default 1,
    /// for standardized inputs; MNIST pixels scaled to [0, 1] have about 0.1. It changes only the analysis, not the network.
    /// </summary>
    public double InputMeanSquare { get; set; } = 1.0;

    /// <summary>The element type of parameters and activations. Default <see cref="Precision.Single"/> (<see cref="float"/>).</summary>
    public Precision Precision { get; set; } = Precision.Single;
}
