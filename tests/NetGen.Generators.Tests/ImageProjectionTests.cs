using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Gradients;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Model;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Residual blocks over images whose branch changes the shape: the skip becomes a 1×1 convolution of stride s (PyTorch's
/// <c>downsample</c>), s found from ⌊(H − 1)/s⌋ + 1 = H' and the same for the width; a shape no stride gives is refused on
/// the block's end, naming both layers, both shapes and the sizes that would fit.
/// </summary>
public class ImageProjectionTests
{
    private const string Downsampling = """
        using NetGen;

        [Network(Channels = 16, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy)]
        [Residual]
        [Conv2D(32, 3, Activation.ReLU, Stride = 2, PaddingSize = 1, Init = Init.HeNormal)]
        [Conv2D(32, 3, Padding = Padding.Same, Init = Init.HeNormal)]
        [EndResidual(Activation = Activation.ReLU)]
        [GlobalAveragePool]
        [Dense(10)]
        public partial class Model;
        """;

    /// <summary>⌊(size − 1)/s⌋ + 1 for s = 1, 2, ...: the smallest s that gives both lengths, computed here by trying them all.</summary>
    private static int? StrideByTrial(int height, int width, int outHeight, int outWidth)
    {
        for (int s = 1; s <= Math.Max(height, width); s++)
        {
            if ((height - 1) / s + 1 == outHeight && (width - 1) / s + 1 == outWidth)
            {
                return s;
            }
        }
        return null;
    }

    [Fact]
    public void The_stride_is_the_smallest_one_that_gives_the_branchs_height_and_width()
    {
        Assert.Equal(2, ImageProjection.Stride(Shape.Image(16, 8, 8), Shape.Image(32, 4, 4)));
        Assert.Equal(2, ImageProjection.Stride(Shape.Image(3, 7, 7), Shape.Image(5, 4, 4)));
        Assert.Equal(1, ImageProjection.Stride(Shape.Image(5, 4, 4), Shape.Image(4, 4, 4)));
        Assert.Equal(3, ImageProjection.Stride(Shape.Image(2, 9, 9), Shape.Image(2, 3, 3))); // s = 4 gives 3 too
        Assert.Equal(8, ImageProjection.Stride(Shape.Image(2, 8, 8), Shape.Image(2, 1, 1)));
        Assert.Null(ImageProjection.Stride(Shape.Image(16, 8, 8), Shape.Image(32, 6, 6)));
        Assert.Null(ImageProjection.Stride(Shape.Image(16, 8, 8), Shape.Image(32, 9, 9)));
        Assert.Null(ImageProjection.Stride(Shape.Image(16, 8, 6), Shape.Image(32, 4, 2))); // 2 for the height, 3 to 5 for the width
        Assert.Null(ImageProjection.Stride(Shape.Image(16, 8, 8), new Shape(32)));
        for (int height = 1; height <= 12; height++)
        {
            for (int width = 1; width <= 12; width++)
            {
                for (int outHeight = 1; outHeight <= 13; outHeight++)
                {
                    for (int outWidth = 1; outWidth <= 13; outWidth++)
                    {
                        Assert.Equal(StrideByTrial(height, width, outHeight, outWidth),
                            ImageProjection.Stride(Shape.Image(1, height, width), Shape.Image(1, outHeight, outWidth)));
                    }
                }
            }
        }
    }

    [Fact]
    public void The_sizes_that_fit_are_listed_by_stride()
    {
        Assert.Equal("8x8 (s = 1), 4x4 (s = 2), 3x3 (s = 3), 2x2 (s = 4 to 7) or 1x1 (s ≥ 8)", ImageProjection.Sizes(8, 8));
        Assert.Equal("8x6 (s = 1), 4x3 (s = 2), 3x2 (s = 3), 2x2 (s = 4 to 5), 2x1 (s = 6 to 7), ...", ImageProjection.Sizes(8, 6));
        Assert.Equal("1x1 (s ≥ 1)", ImageProjection.Sizes(1, 1));
    }

    [Fact]
    public void A_strided_projection_block_generates_code_that_compiles_cleanly()
    {
        var (result, output, driverDiagnostics) = Compilations.RunGenerator(Compilations.Create(Downsampling));
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(driverDiagnostics);
        Diagnostic[] problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "The generated code does not compile cleanly:" + Environment.NewLine + Compilations.Describe(problems));

        string generated = result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("kernelHeight: 1, kernelWidth: 1, strideHeight: 2, strideWidth: 2", generated, StringComparison.Ordinal);
        Assert.Contains("Conv2DKernels.Forward<float>(skip.Slice(0, batchSize * 1024), Layer3Projection, biases: default", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_shows_the_projection_its_stride_and_its_C_out_times_C_in_weights()
    {
        NetworkModel model = ConvolutionShapeTests.Analyze(Downsampling.Replace("using NetGen;\n", "", StringComparison.Ordinal));
        Layer block = model.Layers[2];
        Assert.Equal("Residual(+Conv1x1/2·inputs)", block.TypeDescription);
        Assert.Equal("16x8x8", block.Input.ToString());
        Assert.Equal("32x4x4", block.Output.ToString());
        Assert.Equal(32 * 16, block.ParameterCount); // nn.Conv2d(16, 32, kernel_size=1, stride=2, bias=False)
        Assert.Equal(32 * 16 * 9 + 32 + 32 * 32 * 9 + 32 + 32 * 16 + 32 * 10 + 10, model.ParameterCount);

        var (result, _, _) = Compilations.RunGenerator(Compilations.Create(Downsampling));
        string summary = result.GeneratedSources.Single().SourceText.ToString().Split('\n').Single(line => line.StartsWith("/// Layer3 ", StringComparison.Ordinal));
        Assert.Matches(@"^/// Layer3\s+Residual\(\+Conv1x1/2·inputs\)\s+16x8x8 -&gt; 32x4x4\s+ReLU\s+GlorotUniform\s+-\s+512\s", summary);

        NetworkModel channelsOnly = ConvolutionShapeTests.Analyze("""
            [Network(Channels = 4, Height = 5, Width = 5)]
            [Conv2D(6, 3, Padding = Padding.Same)]
            [Residual]
            [Conv2D(8, 3, Padding = Padding.Same)]
            [EndResidual]
            [Flatten]
            [Dense(1)]
            public partial class Model;
            """);
        Assert.Equal("Residual(+Conv1x1·Layer1)", channelsOnly.Layers[2].TypeDescription);
        Assert.Equal(8 * 6, channelsOnly.Layers[2].ParameterCount);
    }

    /// <summary>
    /// The mean-field rules of the projection against a simulation written here: a 6x9x9 skip, a 10x5x5 branch (stride 2,
    /// which reads 25 of the 81 pixels), P drawn Glorot-uniform with fans (6, 10) and the skip and dz standard normal. Forward,
    /// E[(P ⋆ x)²] = C_in·E[P²]; backward, the mean square of the skip's gradient over all its pixels is C_out·E[P²]·25/81
    /// (each read pixel gets C_out products, the others none).
    /// </summary>
    [Fact]
    public void The_gradient_model_s_moments_match_a_simulated_strided_1x1_convolution()
    {
        const int inChannels = 6, size = 9, outChannels = 10, outSize = 5, stride = 2, trials = 4000;
        var layer = new ResidualLayer(2, Shape.Image(inChannels, size, size), Shape.Image(outChannels, outSize, outSize), ActivationFunction.Identity, SkipFrom: 0);
        Assert.Equal(stride, layer.ProjectionStride);

        var forward = new MeanField(layers: 2, inputMeanSquare: 1);
        forward.Outputs[1] = new Moments(0, 0); // the branch: nothing, so that z is the projection alone
        double predictedForward = layer.PreActivation(forward).Variance;
        var backward = new MeanField(layers: 2, inputMeanSquare: 1);
        layer.Backpropagate(backward, new GradientMoments(1, 1.0 / (outChannels * outSize * outSize)));
        double predictedBackward = backward.OutputGradient(0).MeanSquare;

        var random = new Random(3);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double limit = Math.Sqrt(6.0 / (inChannels + outChannels));
        double forwardSum = 0, backwardSum = 0;
        var p = new double[outChannels, inChannels];
        var x = new double[inChannels, size, size];
        var dx = new double[inChannels, size, size];
        for (int trial = 0; trial < trials; trial++)
        {
            for (int o = 0; o < outChannels; o++)
            {
                for (int c = 0; c < inChannels; c++)
                {
                    p[o, c] = limit * (2 * random.NextDouble() - 1);
                }
            }
            for (int c = 0; c < inChannels; c++)
            {
                for (int i = 0; i < size; i++)
                {
                    for (int j = 0; j < size; j++)
                    {
                        x[c, i, j] = Normal();
                        dx[c, i, j] = 0;
                    }
                }
            }
            for (int o = 0; o < outChannels; o++)
            {
                for (int i = 0; i < outSize; i++)
                {
                    for (int j = 0; j < outSize; j++)
                    {
                        double z = 0, dz = Normal();
                        for (int c = 0; c < inChannels; c++)
                        {
                            z += p[o, c] * x[c, stride * i, stride * j];
                            dx[c, stride * i, stride * j] += p[o, c] * dz;
                        }
                        forwardSum += z * z;
                    }
                }
            }
            foreach (double value in dx)
            {
                backwardSum += value * value;
            }
        }
        double simulatedForward = forwardSum / (trials * outChannels * outSize * outSize);
        double simulatedBackward = backwardSum / (trials * inChannels * size * size);
        Assert.InRange(predictedForward / simulatedForward, 0.97, 1.03);
        Assert.InRange(predictedBackward / simulatedBackward, 0.97, 1.03);
        // The skip's gradient is spread over the pixels the stride reads, none over the others.
        double[] profile = backward.OutputGradientProfile(0)!;
        Assert.Equal(81.0 / 25, profile[0], 12);
        Assert.Equal(0, profile[1]);
        Assert.Equal(0, profile[size]);
        Assert.Equal(81.0 / 25, profile[2 * size + 2], 12);
    }

    [Fact]
    public Task NG0029_a_branch_whose_image_no_projection_gives() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Channels = 16, Height = 8, Width = 8)]
        [Residual]
        [Conv2D(32, 3)]
        [{|#0:EndResidual|}]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "EndResidual 1 takes a vector, or an image of the branch's shape or of one a 1x1 convolution (the skip's projection) takes to it, " +
            "but its input (the network's input) is an image of 16x8x8 (channels x height x width); the branch (layer 1) gives 32x6x6, " +
            "but a 1x1 convolution of stride s takes 8x8 only to 8x8 (s = 1), 4x4 (s = 2), 3x3 (s = 3), 2x2 (s = 4 to 7) or 1x1 (s ≥ 8); " +
            "make the branch give one of these sizes (a convolution with an odd kernel k, PaddingSize = (k - 1)/2 and Stride = s does), or flatten before the block"));

    [Fact]
    public Task NG0029_a_branch_that_ends_with_a_vector() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Channels = 4, Height = 6, Width = 6)]
        [Conv2D(8, 3, Padding = Padding.Same)]
        [Residual]
        [Conv2D(8, 3, Padding = Padding.Same)]
        [GlobalAveragePool]
        [{|#0:EndResidual|}]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "EndResidual 1 takes a vector, or an image of the branch's shape or of one a 1x1 convolution (the skip's projection) takes to it, " +
            "but its input (layer 1's output) is an image of 8x6x6 (channels x height x width); the branch (layer 3) gives a vector of 8 values, not an image: " +
            "end the branch with a convolution or pooling, or flatten before the block"));

    [Fact]
    public Task NG0025_Projection_false_on_a_block_that_would_be_projected() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Channels = 16, Height = 8, Width = 8)]
        [Residual({|#0:Projection = false|})]
        [Conv2D(32, 3, Stride = 2, PaddingSize = 1)]
        [EndResidual]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ResidualWidthMismatch,
            "Residual block 1 has Projection = false, but its input (the network's inputs, 16x8x8) and its branch's output (layer 1, 32x4x4) differ in shape, " +
            "so they cannot be added; make the branch end with 16x8x8, or allow the projection"));

    private static DiagnosticResult Expected(string id, string message) =>
        new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(0).WithMessage(message);
}
