namespace NetGen.Tests.Convolution;

/// <summary>
/// <see cref="ChannelBatchNormalization"/>'s backward passes against central finite differences of its forward passes, in
/// double, for the loss <c>Σ output·cos(1.3·j)</c> of <see cref="ChannelBatchNormalizationCase"/>: in training mode through
/// the batch's statistics (moving one x moves its channel's mean and variance), in inference mode with the running ones.
/// Each gradient starts from values already there, which the backward pass must add to.
/// </summary>
public class ChannelBatchNormalizationGradientCheckTests
{
    private const double Step = 1e-5, Tolerance = 1e-7;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Backward_matches_finite_differences(bool training)
    {
        var bn = new ChannelBatchNormalizationCase();
        double[] gammaBefore = PoolCases.Fill(ChannelBatchNormalizationCase.Channels, c => 0.3 * c), betaBefore = PoolCases.Fill(ChannelBatchNormalizationCase.Channels, c => -0.2 * c);
        double[] inputBefore = PoolCases.Fill(ChannelBatchNormalizationCase.Values, j => 0.25 * Math.Sin(j));
        double[] gammaGradient = (double[])gammaBefore.Clone(), betaGradient = (double[])betaBefore.Clone(), inputGradient = (double[])inputBefore.Clone();
        bn.Forward(training);
        bn.Backward(training, gammaGradient, betaGradient, inputGradient);

        AssertMatches(bn, training, bn.X, inputGradient, inputBefore, "x");
        AssertMatches(bn, training, bn.Gamma, gammaGradient, gammaBefore, "γ");
        AssertMatches(bn, training, bn.Beta, betaGradient, betaBefore, "β");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_empty_input_gradient_skips_it_and_leaves_the_parameter_gradients_the_same(bool training)
    {
        var bn = new ChannelBatchNormalizationCase();
        double[] gammaWith = new double[ChannelBatchNormalizationCase.Channels], betaWith = new double[ChannelBatchNormalizationCase.Channels];
        double[] gammaWithout = new double[ChannelBatchNormalizationCase.Channels], betaWithout = new double[ChannelBatchNormalizationCase.Channels];
        bn.Forward(training);
        bn.Backward(training, gammaWith, betaWith, new double[ChannelBatchNormalizationCase.Values]);
        bn.Backward(training, gammaWithout, betaWithout, Span<double>.Empty);
        Assert.Equal(gammaWith, gammaWithout);
        Assert.Equal(betaWith, betaWithout);
    }

    private static void AssertMatches(ChannelBatchNormalizationCase bn, bool training, double[] parameter, double[] gradient, double[] before, string name)
    {
        for (int j = 0; j < parameter.Length; j++)
        {
            double saved = parameter[j];
            parameter[j] = saved + Step;
            double plus = PoolCases.Loss(bn.Forward(training));
            parameter[j] = saved - Step;
            double minus = PoolCases.Loss(bn.Forward(training));
            parameter[j] = saved;
            double numeric = (plus - minus) / (2 * Step), analytic = gradient[j] - before[j];
            Assert.True(Math.Abs(analytic - numeric) <= Tolerance * (1 + Math.Abs(numeric)),
                $"∂loss/∂{name}[{j}] ({(training ? "training" : "inference")}): backward added {analytic:R}, finite differences give {numeric:R}.");
        }
    }
}
