using System;

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
        Horizons = new Recurrent.RecurrentHorizonPrediction?[layers + 1];
        _outputGradients = new GradientMoments[layers + 1];
        Outputs[0] = new Moments(0, inputMeanSquare); // the inputs' mean is unknown: only E[x²] is declared
    }

    // E[(∂loss/∂a)²] per unit of each layer's output and its common mode, relative to the output layer's dz (index 0: the inputs).
    private readonly GradientMoments[] _outputGradients;

    /// <summary>The moments of each layer's output a (index 0: the network's inputs).</summary>
    public Moments[] Outputs { get; }

    /// <summary>Each recurrent layer's prediction over time (null for the other layers), set by its forward rule.</summary>
    public Recurrent.RecurrentHorizonPrediction?[] Horizons { get; }

    /// <summary>Adds <paramref name="gradient"/> to layer <paramref name="number"/>'s output gradient (paths add).</summary>
    public void AddOutputGradient(int number, GradientMoments gradient) => _outputGradients[number] += gradient;

    /// <summary>Layer <paramref name="number"/>'s output gradient: E[(∂loss/∂a)²] per unit and its common mode, relative to the output layer's dz.</summary>
    public GradientMoments OutputGradient(int number) => _outputGradients[number];
}
