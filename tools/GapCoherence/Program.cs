using GapCoherence;

// Measures E[(∂S/∂z)²] per unit in every layer of a plain He-ReLU convolution stack at initialization, S = g·(the last
// layer's output read by the head) with g ~ N(0, 1): under global average pooling every pixel of a channel gets the same
// g_c, under a flatten head each pixel its own. The mean field predicts the same for both (1 per layer with circular
// padding); the measurement is pooled over weight draws and samples as the repository's prediction tests pool it.

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var random = new Random(options.Seed);
var sums = new LayerSums(options);
for (int draw = 0; draw < options.Draws; draw++)
{
    var stack = new ConvolutionStack(options, random);
    for (int sample = 0; sample < options.SamplesPerDraw; sample++)
    {
        double[] image = new double[options.InputChannels * stack.Pixels];
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = Gaussian.Next(random);
        }
        (double[][] z, double[][] a) = stack.Forward(image);
        sums.AddActivations(stack, a);
        double[] upstream = HeadGradient(options, stack.Pixels, random);
        for (int layer = options.Layers - 1; layer >= 0; layer--)
        {
            var dz = new double[upstream.Length];
            for (int i = 0; i < dz.Length; i++)
            {
                dz[i] = z[layer][i] > 0 ? upstream[i] : 0;
            }
            sums.AddGradients(stack, layer, upstream, dz);
            if (layer > 0)
            {
                upstream = sums.TransposedConvolution(stack, layer, dz);
            }
        }
    }
}
sums.Report(Console.Out);
return 0;

static double[] HeadGradient(Options options, int pixels, Random random)
{
    var gradient = new double[options.Channels * pixels];
    for (int channel = 0; channel < options.Channels; channel++)
    {
        double shared = Gaussian.Next(random);
        for (int p = 0; p < pixels; p++)
        {
            gradient[channel * pixels + p] = (options.Pooling ? shared : Gaussian.Next(random)) / pixels;
        }
    }
    return gradient;
}
