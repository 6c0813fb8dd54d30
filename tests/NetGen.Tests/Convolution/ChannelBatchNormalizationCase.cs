namespace NetGen.Tests.Convolution;

/// <summary>
/// The batch-normalization case the tests share with the libtorch program that printed
/// <see cref="ChannelBatchNormalizationTorchReference"/>: x <c>[3, 4, 5, 7]</c> = <c>sin(0.37·j + 0.1) + 0.5·sin(0.05·j)</c>
/// (j the flat index), γ = <c>1 + 0.2·sin(c + 1)</c>, β = <c>0.1·cos(c + 1)</c>, running mean <c>0.05·(c + 1)</c> and
/// variance <c>1 + 0.1·c</c> before the step, ε = 1e-5, momentum 0.1, and the loss <c>Σ output·cos(1.3·j)</c>.
/// </summary>
internal sealed class ChannelBatchNormalizationCase
{
    public const int BatchSize = 3, Channels = 4, Pixels = 5 * 7, Values = BatchSize * Channels * Pixels;
    public const double Epsilon = 1e-5, Momentum = 0.1;

    public double[] X { get; } = PoolCases.Fill(Values, j => Math.Sin(0.37 * j + 0.1) + 0.5 * Math.Sin(0.05 * j));
    public double[] Gamma { get; } = PoolCases.Fill(Channels, c => 1 + 0.2 * Math.Sin(c + 1));
    public double[] Beta { get; } = PoolCases.Fill(Channels, c => 0.1 * Math.Cos(c + 1));
    public double[] RunningMean { get; } = PoolCases.Fill(Channels, c => 0.05 * (c + 1));
    public double[] RunningVariance { get; } = PoolCases.Fill(Channels, c => 1 + 0.1 * c);
    public double[] Mean { get; } = new double[Channels];
    public double[] Variance { get; } = new double[Channels];
    public double[] InverseStd { get; } = new double[Channels];
    public double[] Normalized { get; } = new double[Values];
    public double[] Output { get; } = new double[Values];
    public double[] OutputGradient { get; } = PoolCases.LossWeights(Values);

    /// <summary>Runs the training-mode forward pass on <see cref="X"/>, or the inference-mode one on the running statistics.</summary>
    public double[] Forward(bool training)
    {
        if (training)
        {
            ChannelBatchNormalization.ForwardTraining<double>(X, BatchSize, Channels, Pixels, Gamma, Beta, Epsilon, Mean, Variance, InverseStd, Normalized, Output);
        }
        else
        {
            ChannelBatchNormalization.ForwardInference<double>(X, BatchSize, Channels, Pixels, Gamma, Beta, Epsilon, RunningMean, RunningVariance, InverseStd, Normalized, Output);
        }
        return Output;
    }

    /// <summary>The backward pass matching the last <see cref="Forward"/>, adding to the given gradients.</summary>
    public void Backward(bool training, double[] gammaGradient, double[] betaGradient, Span<double> inputGradient)
    {
        if (training)
        {
            ChannelBatchNormalization.BackwardTraining<double>(OutputGradient, Normalized, InverseStd, Gamma, BatchSize, Channels, Pixels, gammaGradient, betaGradient, inputGradient);
        }
        else
        {
            ChannelBatchNormalization.BackwardInference<double>(OutputGradient, Normalized, InverseStd, Gamma, BatchSize, Channels, Pixels, gammaGradient, betaGradient, inputGradient);
        }
    }
}
