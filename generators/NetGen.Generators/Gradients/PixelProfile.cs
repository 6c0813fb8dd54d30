using System;
using NetGen.Generators.Layers.Convolution;

namespace NetGen.Generators.Gradients;

/// <summary>
/// How a gradient's mean square is spread over the pixels of an image, relative to its mean over them (mean 1, row-major
/// [height, width]; <see langword="null"/> for uniform). A convolution with zero padding reaches a border pixel from fewer
/// outputs than an inner one, so going backward the gradient gathers toward the middle of the image, and the middle is
/// where each output reads all k² taps: the mean square a stack of padded convolutions passes back falls more slowly
/// than the mean real taps per pixel say. The exact mean-field recursion for the diagonal of a convolution's covariance
/// is this one per pixel (Xiao et al. 2018, eq. 2.5, with zero padding instead of circular): the mean square at an input
/// pixel is the sum of the mean squares of the outputs that read it, times the per-product gain.
/// </summary>
internal static class PixelProfile
{
    // Larger images (beyond 256x256) are taken as uniform: the border's share of them is small (a 3x3 'same' stack loses
    // ~2/(3n) per layer and axis that way), and this bounds the work and memory per layer.
    private const long MaxPixels = 1 << 16;

    /// <summary>
    /// Going backward through windows (a convolution's kernel, a pooling's window) from an output whose gradient has the
    /// spread <paramref name="outputProfile"/>: per input pixel, the sum over the (output, tap) pairs that read it of the
    /// output's relative mean square. Returns its mean over the input pixels (the mean number of reads, each weighted by its
    /// output's share; (real taps)/(inputs) per axis for a uniform gradient) and the spread it gives the input's gradient.
    /// Null when the image is too large to follow pixel by pixel.
    /// </summary>
    public static (double MeanReads, double[]? InputProfile)? Backward(double[]? outputProfile, ImageAxis height, ImageAxis width)
    {
        long outputs = height.LongOutput * width.LongOutput, inputs = (long)height.Size * width.Size;
        if (outputs == 0 || outputs > MaxPixels || inputs > MaxPixels || (outputProfile is not null && outputProfile.Length != outputs))
        {
            return null;
        }
        int outHeight = (int)height.LongOutput, outWidth = (int)width.LongOutput;
        // Along the width first: per output row, the reads of each input column; then along the height.
        var rows = new double[outHeight * width.Size];
        for (int oy = 0; oy < outHeight; oy++)
        {
            for (int ox = 0; ox < outWidth; ox++)
            {
                double share = outputProfile?[oy * outWidth + ox] ?? 1;
                for (int j = 0; j < width.Kernel; j++)
                {
                    long ix = (long)ox * width.Stride - width.Before + (long)j * width.Dilation;
                    if (ix >= 0 && ix < width.Size)
                    {
                        rows[oy * width.Size + ix] += share;
                    }
                }
            }
        }
        var reads = new double[inputs];
        for (int oy = 0; oy < outHeight; oy++)
        {
            for (int j = 0; j < height.Kernel; j++)
            {
                long iy = (long)oy * height.Stride - height.Before + (long)j * height.Dilation;
                if (iy >= 0 && iy < height.Size)
                {
                    for (int ix = 0; ix < width.Size; ix++)
                    {
                        reads[iy * width.Size + ix] += rows[oy * width.Size + ix];
                    }
                }
            }
        }
        double sum = 0;
        foreach (double value in reads)
        {
            sum += value;
        }
        double mean = sum / inputs;
        if (!(mean > 0))
        {
            return (0, null);
        }
        for (int i = 0; i < reads.Length; i++)
        {
            reads[i] /= mean;
        }
        return (mean, reads);
    }
}
