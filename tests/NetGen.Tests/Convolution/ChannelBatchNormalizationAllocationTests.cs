namespace NetGen.Tests.Convolution;

/// <summary><see cref="ChannelBatchNormalization"/> allocates nothing once warm.</summary>
public class ChannelBatchNormalizationAllocationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Forward_and_backward_allocate_nothing(bool training)
    {
        var bn = new ChannelBatchNormalizationCase();
        double[] gammaGradient = new double[ChannelBatchNormalizationCase.Channels], betaGradient = new double[ChannelBatchNormalizationCase.Channels];
        double[] inputGradient = new double[ChannelBatchNormalizationCase.Values];
        PoolKernelAllocationTests.AssertAllocatesNothing(() =>
        {
            bn.Forward(training);
            bn.Backward(training, gammaGradient, betaGradient, inputGradient);
        });
    }
}
