namespace NetGen.Tests.Convolution;

/// <summary>
/// <see cref="ChannelBatchNormalization"/> against libtorch's <c>batch_norm</c> (<c>nn.BatchNorm2d</c>'s function) in
/// training and inference mode, on the same values and loss, to 1e-10 relative in double: output, the gradients of x, γ
/// and β, and the running statistics after one training step, moved by <see cref="BatchNormalization.UpdateRunningStatistics"/>
/// given <c>batchSize·pixels</c> as the count; libtorch unbiases the variance by n/(n − 1) with n = batch·height·width = 105
/// here, and so must the update (with n = 3, the batch alone, the running variance would be off by 3%).
/// </summary>
/// <remarks>
/// The numbers in <see cref="ChannelBatchNormalizationTorchReference"/> were printed (with the "R" format) by a throwaway
/// console program outside the repository, run once with TorchSharp-cpu 0.107.0 (libtorch 2.10.0, CPU) on Linux x64, in
/// float64. With the values of <see cref="ChannelBatchNormalizationCase"/> (x, γ and β requiring gradients), it ran
/// <c>output = F.batch_norm(x, runningMean, runningVariance, γ, β, training, momentum: 0.1, eps: 1e-5)</c> once with
/// training true and once, on fresh running statistics, with training false; called <c>backward()</c> on
/// <c>Σ output.reshape(-1)·cos(1.3·j)</c>; and printed the output, the gradients of x, γ and β, and (training) the running
/// mean and variance <c>batch_norm</c> updated in place. The tests do not depend on TorchSharp.
/// </remarks>
public class ChannelBatchNormalizationTorchReferenceTests
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void Training_mode_matches_libtorch()
    {
        var bn = new ChannelBatchNormalizationCase();
        AssertMatches(bn, training: true, ChannelBatchNormalizationTorchReference.Training.Output, ChannelBatchNormalizationTorchReference.Training.GradientInput,
            ChannelBatchNormalizationTorchReference.Training.GradientGamma, ChannelBatchNormalizationTorchReference.Training.GradientBeta);
        BatchNormalization.UpdateRunningStatistics<double>(bn.Mean, bn.Variance, ChannelBatchNormalizationCase.BatchSize * ChannelBatchNormalizationCase.Pixels,
            ChannelBatchNormalizationCase.Momentum, bn.RunningMean, bn.RunningVariance);
        PoolCases.AssertClose(ChannelBatchNormalizationTorchReference.Training.RunningMean, bn.RunningMean, Tolerance, "running mean");
        PoolCases.AssertClose(ChannelBatchNormalizationTorchReference.Training.RunningVariance, bn.RunningVariance, Tolerance, "running variance");
    }

    [Fact]
    public void Inference_mode_matches_libtorch() =>
        AssertMatches(new ChannelBatchNormalizationCase(), training: false, ChannelBatchNormalizationTorchReference.Inference.Output,
            ChannelBatchNormalizationTorchReference.Inference.GradientInput, ChannelBatchNormalizationTorchReference.Inference.GradientGamma,
            ChannelBatchNormalizationTorchReference.Inference.GradientBeta);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Single_precision_matches_libtorch_to_single_precision(bool training)
    {
        var bn = new ChannelBatchNormalizationCase();
        float[] x = Single(bn.X), gamma = Single(bn.Gamma), beta = Single(bn.Beta), dz = Single(bn.OutputGradient);
        float[] mean = new float[ChannelBatchNormalizationCase.Channels], variance = new float[mean.Length], inverseStd = new float[mean.Length];
        float[] normalized = new float[x.Length], output = new float[x.Length], dx = new float[x.Length], dGamma = new float[mean.Length], dBeta = new float[mean.Length];
        const int b = ChannelBatchNormalizationCase.BatchSize, c = ChannelBatchNormalizationCase.Channels, p = ChannelBatchNormalizationCase.Pixels;
        if (training)
        {
            ChannelBatchNormalization.ForwardTraining<float>(x, b, c, p, gamma, beta, 1e-5f, mean, variance, inverseStd, normalized, output);
            ChannelBatchNormalization.BackwardTraining<float>(dz, normalized, inverseStd, gamma, b, c, p, dGamma, dBeta, dx);
        }
        else
        {
            ChannelBatchNormalization.ForwardInference<float>(x, b, c, p, gamma, beta, 1e-5f, Single(bn.RunningMean), Single(bn.RunningVariance), inverseStd, normalized, output);
            ChannelBatchNormalization.BackwardInference<float>(dz, normalized, inverseStd, gamma, b, c, p, dGamma, dBeta, dx);
        }
        (double[] Output, double[] GradientInput, double[] GradientGamma, double[] GradientBeta) expected = training
            ? (ChannelBatchNormalizationTorchReference.Training.Output, ChannelBatchNormalizationTorchReference.Training.GradientInput,
                ChannelBatchNormalizationTorchReference.Training.GradientGamma, ChannelBatchNormalizationTorchReference.Training.GradientBeta)
            : (ChannelBatchNormalizationTorchReference.Inference.Output, ChannelBatchNormalizationTorchReference.Inference.GradientInput,
                ChannelBatchNormalizationTorchReference.Inference.GradientGamma, ChannelBatchNormalizationTorchReference.Inference.GradientBeta);
        AssertCloseSingle(expected.Output, output, "output");
        AssertCloseSingle(expected.GradientInput, dx, "input gradient");
        AssertCloseSingle(expected.GradientGamma, dGamma, "γ gradient");
        AssertCloseSingle(expected.GradientBeta, dBeta, "β gradient");
    }

    private static void AssertMatches(ChannelBatchNormalizationCase bn, bool training, double[] output, double[] inputGradient, double[] gammaGradient, double[] betaGradient)
    {
        PoolCases.AssertClose(output, bn.Forward(training), Tolerance, "output");
        double[] dGamma = new double[ChannelBatchNormalizationCase.Channels], dBeta = new double[ChannelBatchNormalizationCase.Channels];
        double[] dx = new double[ChannelBatchNormalizationCase.Values];
        bn.Backward(training, dGamma, dBeta, dx);
        PoolCases.AssertClose(inputGradient, dx, Tolerance, "input gradient");
        PoolCases.AssertClose(gammaGradient, dGamma, Tolerance, "γ gradient");
        PoolCases.AssertClose(betaGradient, dBeta, Tolerance, "β gradient");
    }

    private static float[] Single(double[] values) => Array.ConvertAll(values, v => (float)v);

    private static void AssertCloseSingle(double[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-4 * Math.Max(1, Math.Abs(expected[k])),
                $"{what}[{k}]: libtorch {expected[k]:R}, the kernel {actual[k]:R} in single precision.");
        }
    }
}
