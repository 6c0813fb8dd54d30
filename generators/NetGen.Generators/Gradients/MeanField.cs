using System;
using NetGen.Generators.Layers.Convolution;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>The mean and variance of a quantity over units and samples at initialization.</summary>
/// <param name="Mean">The mean over units and samples.</param>
/// <param name="Variance">The variance over units and samples together.</param>
/// <param name="OffsetVariance">
/// The part of <paramref name="Variance"/> that is between units: the variance, over units, of each unit's own mean over
/// samples. A dense layer's weights (and biases) give each unit a fixed offset when its inputs have a non-zero mean;
/// batch normalization divides by the rest, <see cref="WithinUnitVariance"/>.
/// </param>
/// <param name="SharedVariance">
/// The part of <paramref name="Variance"/> that all units of a sample share: the variance, over samples, of a shift
/// common to the units. Weights of mean E[w] add E[w]·Σx to every unit, and that sum grows with fan_in² where the
/// inputs share such a shift themselves (fan_in for independent inputs).
/// </param>
internal readonly record struct Moments(double Mean, double Variance, double OffsetVariance = 0, double SharedVariance = 0)
{
    public double MeanSquare => Variance + Mean * Mean;

    /// <summary>The variance of one unit over samples, averaged over units.</summary>
    public double WithinUnitVariance => Math.Max(0, Variance - OffsetVariance);

    /// <summary>The variance that is neither a unit's offset nor a sample's shared shift.</summary>
    public double IndependentVariance => Math.Max(0, Variance - OffsetVariance - SharedVariance);
}

/// <summary>The second moment of a gradient per unit and sample, and the part of it that all units of a sample share.</summary>
/// <param name="MeanSquare">E[d²] per unit and sample.</param>
/// <param name="CommonModeSquare">
/// E[c²] with c the mean of d over the units of one sample: at least about <paramref name="MeanSquare"/>/units for
/// independent units, 0 for softmax cross-entropy's output gradient (it sums to zero per sample), and up to
/// <paramref name="MeanSquare"/> when all units move together. Weights of non-zero mean carry it to every input.
/// </param>
internal readonly record struct GradientMoments(double MeanSquare, double CommonModeSquare)
{
    public static GradientMoments operator +(GradientMoments a, GradientMoments b) =>
        new(a.MeanSquare + b.MeanSquare, a.CommonModeSquare + b.CommonModeSquare);

    public GradientMoments Times(double factor) => new(MeanSquare * factor, CommonModeSquare * factor);

    /// <summary>
    /// The gradient times an elementwise factor s per unit (an activation's f'(z), a dropout mask): d = c + r with c the common
    /// mode and r the rest, so mean(d·s) = c·E[s] + O(1/√units): E[(d·s)²] = E[d²]·E[s²] and the common mode keeps
    /// c²·E[s]², the rest averaging over the units like independent terms.
    /// </summary>
    public GradientMoments ThroughFactor(double factorMean, double factorMeanSquare, int units)
    {
        double meanSquare = MeanSquare * factorMeanSquare;
        double shared = CommonModeSquare * factorMean * factorMean;
        return new GradientMoments(meanSquare, Math.Min(meanSquare, shared * (1 - 1.0 / units) + meanSquare / units));
    }
}

/// <summary>
/// The state of the mean-field computation over one network, indexed by layer number (0: the network's inputs): the
/// moments of each layer's output going forward, and the moments of ∂loss/∂a per unit of each output going backward.
/// </summary>
internal sealed class MeanField
{
    public MeanField(int layers, double inputMeanSquare)
    {
        Outputs = new Moments[layers + 1];
        PreActivations = new Moments[layers + 1];
        Activations = new ActivationFunction?[layers + 1];
        Horizons = new Recurrent.RecurrentHorizonPrediction?[layers + 1];
        _outputGradients = new GradientMoments[layers + 1];
        _profileSums = new double[]?[layers + 1];
        SkipPaths = new SkipPathGradient?[layers + 1];
        OutputLaws = new UnitValueLaw?[layers + 1];
        Outputs[0] = new Moments(0, inputMeanSquare); // the inputs' mean is unknown: only E[x²] is declared
    }

    // E[(∂loss/∂a)²] per unit of each layer's output and its common mode, relative to the output layer's dz (index 0: the inputs).
    private readonly GradientMoments[] _outputGradients;

    /// <summary>The moments of each layer's output a (index 0: the network's inputs).</summary>
    public Moments[] Outputs { get; }

    /// <summary>The moments of each layer's pre-activation z (index 0 unused), set going forward.</summary>
    public Moments[] PreActivations { get; }

    /// <summary>The activation each layer applies to z in the mean field (null at index 0, the inputs), set going forward.</summary>
    public ActivationFunction?[] Activations { get; }

    /// <summary>
    /// What an identity skip from each layer's output carries of the gradient as a function of the unit's value (null: none,
    /// or not followed), set going backward by the block that reads it (<see cref="SkipPathGradient"/>).
    /// </summary>
    public SkipPathGradient?[] SkipPaths { get; }

    /// <summary>
    /// The law of each identity-skip residual sum's output (null for the other layers), set going forward by the block
    /// (<see cref="UnitValueLaw"/>): the model takes that output's moments and E[f'(z)²] from it rather than from a normal z.
    /// </summary>
    public UnitValueLaw?[] OutputLaws { get; }

    /// <summary>Each recurrent layer's prediction over time (null for the other layers), set by its forward rule.</summary>
    public Recurrent.RecurrentHorizonPrediction?[] Horizons { get; }

    // Per image output, Σ over the paths that reach it of each path's E[(∂loss/∂a)²]·its spread over the pixels
    // (PixelProfile); null while every path is uniform.
    private readonly double[]?[] _profileSums;

    /// <summary>
    /// The spread over the pixels (<see cref="PixelProfile"/>) of the gradient that the next <see cref="AddOutputGradient"/>
    /// adds: the model sets it to the spread of the layer's own output gradient before the layer's backward rule (an
    /// elementwise or per-channel layer keeps it; a flatten or a dense layer's is null); convolutions and poolings replace it.
    /// </summary>
    public double[]? PassedProfile { get; set; }

    /// <summary>
    /// Going backward through the windows of layer <paramref name="number"/> (a convolution's kernel, a pooling's window, a
    /// strided projection): the mean number of reads per input pixel, each weighted by its output's share of the gradient
    /// (<see cref="PixelProfile.Backward"/>), and, in <see cref="PassedProfile"/>, the spread that gives the input's
    /// gradient. For an image too large to follow pixel by pixel, the uniform count (real taps per input on each axis) and
    /// no spread.
    /// </summary>
    public double ReadsPerInputPixel(int number, ImageAxis height, ImageAxis width)
    {
        if (PixelProfile.Backward(OutputGradientProfile(number), height, width) is var (meanReads, inputProfile))
        {
            PassedProfile = inputProfile;
            return meanReads;
        }
        PassedProfile = null;
        return height.RealTaps / height.Size * (width.RealTaps / width.Size);
    }

    /// <summary>Adds <paramref name="gradient"/> to layer <paramref name="number"/>'s output gradient (paths add), spread over the pixels as <see cref="PassedProfile"/>.</summary>
    public void AddOutputGradient(int number, GradientMoments gradient)
    {
        double before = _outputGradients[number].MeanSquare, added = gradient.MeanSquare;
        _outputGradients[number] += gradient;
        double[]? sums = _profileSums[number], profile = PassedProfile;
        if (profile is not null && sums is null)
        {
            sums = _profileSums[number] = new double[profile.Length];
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] = before;
            }
        }
        if (sums is null || !(added > 0))
        {
            return;
        }
        for (int i = 0; i < sums.Length; i++)
        {
            sums[i] += added * (profile is not null && profile.Length == sums.Length ? profile[i] : 1);
        }
    }

    /// <summary>The spread over the pixels of layer <paramref name="number"/>'s output gradient, mean 1; null for uniform (or not an image).</summary>
    public double[]? OutputGradientProfile(int number)
    {
        double[]? sums = _profileSums[number];
        double total = _outputGradients[number].MeanSquare;
        if (sums is null || !(total > 0) || double.IsInfinity(total))
        {
            return null;
        }
        var profile = new double[sums.Length];
        for (int i = 0; i < sums.Length; i++)
        {
            profile[i] = sums[i] / total;
        }
        return profile;
    }

    /// <summary>Layer <paramref name="number"/>'s output gradient: E[(∂loss/∂a)²] per unit and its common mode, relative to the output layer's dz.</summary>
    public GradientMoments OutputGradient(int number) => _outputGradients[number];
}
