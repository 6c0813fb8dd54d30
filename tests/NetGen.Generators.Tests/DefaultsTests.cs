using NetGen.Generators.Analysis;
using NetGen.Generators.Layers.Normalization;
using NetGen.Generators.Layers.PReLU;

namespace NetGen.Generators.Tests;

/// <summary>
/// The generator reads a default when an argument is not written, so it holds the DSL attributes' defaults again (it
/// cannot reference the runtime). Each is compared here with the attribute's own, read from a fresh instance.
/// </summary>
public class DefaultsTests
{
    [Fact]
    public void Dense_defaults_match_the_attribute()
    {
        var dense = new DenseAttribute(1);
        Assert.Equal(ActivationArguments.DefaultNegativeSlope, dense.NegativeSlope);
        Assert.Equal(ActivationArguments.DefaultAlpha, dense.Alpha);
        Assert.Equal(InitializerArguments.DefaultStandardDeviation, dense.InitStandardDeviation);
        Assert.Equal(InitializerArguments.DefaultMinimum, dense.InitMinimum);
        Assert.Equal(InitializerArguments.DefaultMaximum, dense.InitMaximum);
        Assert.Equal(InitializerArguments.DefaultScale, dense.InitScale);
        Assert.Equal(InitializerArguments.DefaultGain, dense.InitGain);
        Assert.Equal(InitializerArguments.DefaultStandardDeviation, dense.BiasInitStandardDeviation);
        Assert.Equal(InitializerArguments.DefaultMinimum, dense.BiasInitMinimum);
        Assert.Equal(InitializerArguments.DefaultMaximum, dense.BiasInitMaximum);
        Assert.Equal(0.0, dense.InitMean);
        Assert.Equal(0.0, dense.BiasInitMean);
        Assert.Equal(FanMode.FanIn, dense.InitFanMode);
        Assert.Equal(InitDistribution.TruncatedNormal, dense.InitDistribution);
        Assert.Equal(Init.GlorotUniform, dense.Init);
        Assert.Equal(Init.Zeros, dense.BiasInit);
        Assert.True(dense.UseBias);
        Assert.Equal(1, dense.Repeat);
    }

    [Fact]
    public void Convolution_and_pooling_defaults_match_the_attributes()
    {
        var conv = new Conv2DAttribute(1, 1);
        Assert.Equal(Layers.Convolution.Conv2DDeclaration.DefaultStride, conv.Stride);
        Assert.Equal(Layers.Convolution.Conv2DDeclaration.DefaultPaddingSize, conv.PaddingSize);
        Assert.Equal(Layers.Convolution.Conv2DDeclaration.DefaultDilation, conv.Dilation);
        Assert.Equal(Padding.Valid, conv.Padding);
        Assert.Equal(Activation.Identity, conv.Activation);
        Assert.Equal(ActivationArguments.DefaultNegativeSlope, conv.NegativeSlope);
        Assert.Equal(ActivationArguments.DefaultAlpha, conv.Alpha);
        Assert.Equal(Init.GlorotUniform, conv.Init);
        Assert.Equal(Init.Zeros, conv.BiasInit);
        Assert.True(conv.UseBias);
        Assert.Equal(Layers.Pooling.Pool2DDeclaration.DefaultStride, new MaxPool2DAttribute(2).Stride);
        Assert.Equal(Layers.Pooling.Pool2DDeclaration.DefaultStride, new AvgPool2DAttribute(2).Stride);
        var network = new NetworkAttribute();
        Assert.Equal((0, 0, 0), (network.Channels, network.Height, network.Width));
    }

    [Fact]
    public void Normalization_PReLU_and_block_defaults_match_the_attributes()
    {
        var batchNorm = new BatchNormAttribute();
        Assert.Equal(NormalizationDeclaration.DefaultMomentum, batchNorm.Momentum);
        Assert.Equal(NormalizationDeclaration.DefaultEpsilon, batchNorm.Epsilon);
        Assert.Equal(ActivationArguments.DefaultNegativeSlope, batchNorm.NegativeSlope);
        Assert.Equal(ActivationArguments.DefaultAlpha, batchNorm.Alpha);
        Assert.Equal(NormalizationDeclaration.DefaultEpsilon, new LayerNormAttribute().Epsilon);
        var end = new EndResidualAttribute();
        Assert.Equal(ActivationArguments.DefaultNegativeSlope, end.NegativeSlope);
        Assert.Equal(ActivationArguments.DefaultAlpha, end.Alpha);
        Assert.Equal(PReLUDeclaration.DefaultInitialSlope, new PReLUAttribute().InitialSlope);
        Assert.False(new PReLUAttribute().SharedSlope);
        Assert.Equal(1, new ResidualAttribute().Repeat);
        Assert.True(new ResidualAttribute().Projection);
        var network = new NetworkAttribute();
        Assert.Equal(1.0, network.InputMeanSquare);
        Assert.Equal(Loss.MeanSquaredError, network.Loss);
        Assert.Equal(Precision.Single, network.Precision);
    }
}
