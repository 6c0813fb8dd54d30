namespace NetGen.Generators.Gradients;

/// <summary>The mean and variance of a quantity over units and samples at initialization.</summary>
internal readonly record struct Moments(double Mean, double Variance)
{
    public double MeanSquare => Variance + Mean * Mean;
}

/// <summary>
/// The state of the mean-field computation over one network, indexed by layer number (0: the network's inputs): the
/// moments of each layer's output going forward, and E[(∂loss/∂a)²] per unit of each output going backward.
/// </summary>
internal sealed class MeanField
{
    public MeanField(int layers, double inputMeanSquare)
    {
        Outputs = new Moments[layers + 1];
        OutputGradients = new double[layers + 1];
        Outputs[0] = new Moments(0, inputMeanSquare); // the inputs' mean is unknown: only E[x²] is declared
    }

    /// <summary>The moments of each layer's output a (index 0: the network's inputs).</summary>
    public Moments[] Outputs { get; }

    /// <summary>E[(∂loss/∂a)²] per unit of each layer's output, relative to the output layer's dz (index 0: the inputs).</summary>
    public double[] OutputGradients { get; }
}
