using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// The convolution kernels allocate nothing once warm: the caller passes the workspace, so that a generated layer's training
/// step allocates nothing per step.
/// </summary>
public class Conv2DKernelAllocationTests
{
    [Theory]
    [InlineData(3)] // 3×3, padding 1: the columns are gathered
    [InlineData(1)] // 1×1: the input is the columns
    public void Forward_and_backward_allocate_nothing(int kernel)
    {
        var geometry = new Conv2DGeometry(4, 10, 12, 6, kernel, kernel, paddingTop: kernel / 2, paddingLeft: kernel / 2, paddingBottom: kernel / 2, paddingRight: kernel / 2);
        const int batch = 3;
        float[] input = new float[batch * geometry.InputSize], weights = new float[geometry.WeightCount], biases = new float[geometry.OutputChannels];
        float[] output = new float[batch * geometry.OutputSize], outputGradients = new float[batch * geometry.OutputSize];
        float[] weightGradients = new float[geometry.WeightCount], biasGradients = new float[geometry.OutputChannels], inputGradients = new float[batch * geometry.InputSize];
        float[] workspace = new float[Conv2DKernels.WorkspaceLength(geometry, batch)];
        input.AsSpan().Fill(0.5f);
        weights.AsSpan().Fill(0.25f);
        outputGradients.AsSpan().Fill(1f);
        void Step()
        {
            Conv2DKernels.Forward<float>(input, weights, biases, output, workspace, geometry, batch);
            Conv2DKernels.Backward<float>(input, weights, outputGradients, weightGradients, biasGradients, inputGradients, workspace, geometry, batch);
        }
        long allocated = SteadyStateAllocations.Of(Step);
        Assert.True(allocated == 0, $"A forward and backward pass allocated {allocated} bytes; it must allocate none.");
        Assert.Contains(output, v => v != 0);
    }
}
