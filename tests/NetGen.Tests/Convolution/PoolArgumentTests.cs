using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>The pooling kernels refuse spans whose lengths do not match the geometry and batch, naming the span and both lengths.</summary>
public class PoolArgumentTests
{
    private static readonly Pool2DGeometry Geometry = PoolCases.Strided; // [2, 7, 9] to [2, 3, 3]
    private const int Batch = 3, Inputs = Batch * 2 * 7 * 9, Outputs = Batch * 2 * 3 * 3;

    [Fact]
    public void Max_forward_names_a_wrong_length()
    {
        AssertRefused("input", Inputs - 1, Inputs, () => Pool2DKernels.MaxForward<double>(new double[Inputs - 1], new double[Outputs], new int[Outputs], Geometry, Batch));
        AssertRefused("output", Outputs + 1, Outputs, () => Pool2DKernels.MaxForward<double>(new double[Inputs], new double[Outputs + 1], new int[Outputs], Geometry, Batch));
        AssertRefused("argmax", Outputs - 2, Outputs, () => Pool2DKernels.MaxForward<double>(new double[Inputs], new double[Outputs], new int[Outputs - 2], Geometry, Batch));
    }

    [Fact]
    public void Max_backward_names_a_wrong_length_and_an_index_outside_its_plane()
    {
        AssertRefused("outputGradients", 0, Outputs, () => Pool2DKernels.MaxBackward<double>([], new int[Outputs], new double[Inputs], Geometry, Batch));
        AssertRefused("argmax", 1, Outputs, () => Pool2DKernels.MaxBackward<double>(new double[Outputs], new int[1], new double[Inputs], Geometry, Batch));
        AssertRefused("inputGradients", Inputs / 3, Inputs, () => Pool2DKernels.MaxBackward<double>(new double[Outputs], new int[Outputs], new double[Inputs / 3], Geometry, Batch));
        int[] argmax = new int[Outputs];
        argmax[5] = 63; // one past the 7 × 9 plane
        var refused = Assert.Throws<ArgumentException>(() => Pool2DKernels.MaxBackward<double>(new double[Outputs], argmax, new double[Inputs], Geometry, Batch));
        Assert.Equal("argmax", refused.ParamName);
        Assert.Contains("argmax[5] is 63", refused.Message);
    }

    [Fact]
    public void Average_pooling_names_a_wrong_length()
    {
        AssertRefused("input", Inputs + 63, Inputs, () => Pool2DKernels.AverageForward<float>(new float[Inputs + 63], new float[Outputs], Geometry, Batch));
        AssertRefused("output", Outputs - 1, Outputs, () => Pool2DKernels.AverageForward<float>(new float[Inputs], new float[Outputs - 1], Geometry, Batch));
        AssertRefused("outputGradients", Outputs * 2, Outputs, () => Pool2DKernels.AverageBackward<float>(new float[Outputs * 2], new float[Inputs], Geometry, Batch));
        AssertRefused("inputGradients", 7, Inputs, () => Pool2DKernels.AverageBackward<float>(new float[Outputs], new float[7], Geometry, Batch));
    }

    [Fact]
    public void Global_average_pooling_names_a_wrong_length_and_refuses_a_size_below_one()
    {
        AssertRefused("input", 10, 12, () => Pool2DKernels.GlobalAverageForward<double>(new double[10], new double[6], channels: 2, pixels: 2, batch: 3));
        AssertRefused("output", 5, 6, () => Pool2DKernels.GlobalAverageForward<double>(new double[12], new double[5], channels: 2, pixels: 2, batch: 3));
        AssertRefused("outputGradients", 7, 6, () => Pool2DKernels.GlobalAverageBackward<double>(new double[7], new double[12], channels: 2, pixels: 2, batch: 3));
        AssertRefused("inputGradients", 13, 12, () => Pool2DKernels.GlobalAverageBackward<double>(new double[6], new double[13], channels: 2, pixels: 2, batch: 3));
        Assert.Throws<ArgumentOutOfRangeException>("pixels", () => Pool2DKernels.GlobalAverageForward<double>([], [], channels: 2, pixels: 0, batch: 3));
    }

    [Fact]
    public void A_batch_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>("batch", () => Pool2DKernels.AverageForward<double>([], [], Geometry, 0));

    private static void AssertRefused(string name, int actual, int expected, Action call)
    {
        var refused = Assert.Throws<ArgumentException>(call);
        Assert.Equal(name, refused.ParamName);
        Assert.Contains($"holds {actual} values", refused.Message);
        Assert.Contains($"= {expected}", refused.Message);
    }
}
