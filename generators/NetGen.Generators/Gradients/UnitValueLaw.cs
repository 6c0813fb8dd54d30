using System;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The law of one unit's value along a chain of identity-skip residual blocks <c>x' = f(x + F)</c>, f ReLU or the
/// identity: a mass at exactly 0 (the units a ReLU left inactive) and the rest on equally spaced cells, each at its centre.
/// </summary>
/// <remarks>
/// The mean field takes every pre-activation as normal. Along a skip it is not: z = x + F with F ~ N(mean, variance) of
/// the branch, independent of x, but x = ReLU(z_before) is a rectified sum of such terms. Taken normal, z has the right
/// mean and variance but too light a right tail and too little mass near 0: after 10 He-initialized blocks of two layers
/// P(z &gt; 0) is 0.635 instead of 0.652, and with a batch-normalized branch (F ~ N(0, 1)) the variance of x after 25 blocks
/// is 5.7 instead of 9.4, which the next branch's normalization divides by. This law is that of the chain itself: the
/// mixture over x of the normals x + F, rectified. Its moments are those of the mixture, in closed form per component.
/// </remarks>
internal sealed class UnitValueLaw
{
    private const int Cells = 64;
    private const double Reach = 8; // standard deviations either side of a mean

    private UnitValueLaw(double zero, double[] points, double[] weights, double mean, double meanSquare, double activeFraction)
    {
        Zero = zero;
        Points = points;
        Weights = weights;
        Mean = mean;
        MeanSquare = meanSquare;
        ActiveFraction = activeFraction;
    }

    /// <summary>P(x = 0): 0 unless a ReLU made the value.</summary>
    public double Zero { get; }

    /// <summary>The cells' centres, equally spaced and increasing.</summary>
    public double[] Points { get; }

    /// <summary>The cells' probabilities; with <see cref="Zero"/> they sum to 1.</summary>
    public double[] Weights { get; }

    /// <summary>E[x].</summary>
    public double Mean { get; }

    /// <summary>E[x²].</summary>
    public double MeanSquare { get; }

    /// <summary>E[f'(z)] = E[f'(z)²] of the activation that made x: P(z &gt; 0) for ReLU, 1 for the identity.</summary>
    public double ActiveFraction { get; }

    /// <summary>Whether the chain follows an activation: ReLU, or the identity (null: the network's inputs, as they are).</summary>
    public static bool Follows(ActivationFunction? activation) =>
        activation is null || activation.Kind is ActivationKind.ReLU or ActivationKind.Identity;

    /// <summary>The law of f(z) for a normal z (a layer that is not a skip's sum); null where z has no spread.</summary>
    public static UnitValueLaw? OfNormal(ActivationFunction? activation, Moments z)
    {
        double sd = Math.Sqrt(z.Variance);
        if (!(sd > 0) || double.IsInfinity(sd) || double.IsInfinity(z.Mean))
        {
            return null;
        }
        return Build(activation?.Kind == ActivationKind.ReLU, z.Mean, sd, [0.0], [1.0], z.Mean, sd);
    }

    /// <summary>The law of f(x + F), x of this law and F ~ N(branch mean, branch variance) independent of it; null where F has no spread.</summary>
    public UnitValueLaw? Through(ActivationFunction activation, Moments branch)
    {
        double sd = Math.Sqrt(branch.Variance);
        if (!(sd > 0) || double.IsInfinity(sd) || double.IsInfinity(branch.Mean))
        {
            return null;
        }
        var centres = new double[Points.Length + 1];
        var masses = new double[Points.Length + 1];
        centres[0] = 0;
        masses[0] = Zero;
        for (int k = 0; k < Points.Length; k++)
        {
            centres[k + 1] = Points[k];
            masses[k + 1] = Weights[k];
        }
        double mean = Mean + branch.Mean;
        double zSd = Math.Sqrt(Math.Max(0, MeanSquare - Mean * Mean) + branch.Variance);
        return Build(activation.Kind == ActivationKind.ReLU, branch.Mean, sd, centres, masses, mean, zSd);
    }

    /// <summary>E[g(x)].</summary>
    public double Expectation(Func<double, double> g)
    {
        double sum = Zero > 0 ? Zero * g(0) : 0;
        for (int k = 0; k < Points.Length; k++)
        {
            sum += Weights[k] * g(Points[k]);
        }
        return sum;
    }

    /// <summary>
    /// The law of f(c + F) for c drawn from the <paramref name="centres"/> with their <paramref name="masses"/> and
    /// F ~ N(<paramref name="shift"/>, <paramref name="sd"/>²); the cells span z's mean ± 8 of z's standard deviations.
    /// </summary>
    private static UnitValueLaw? Build(bool rectified, double shift, double sd, double[] centres, double[] masses, double zMean, double zSd)
    {
        double mean = 0, meanSquare = 0, active = 0;
        for (int c = 0; c < centres.Length; c++)
        {
            if (!(masses[c] > 0))
            {
                continue;
            }
            double centre = centres[c] + shift;
            if (rectified)
            {
                (double m0, double m1, double m2) = NormalDistribution.UpperMoments(0, centre, sd);
                active += masses[c] * m0;
                mean += masses[c] * m1;
                meanSquare += masses[c] * m2;
            }
            else
            {
                mean += masses[c] * centre;
                meanSquare += masses[c] * (centre * centre + sd * sd);
            }
        }
        double low = rectified ? 0 : zMean - Reach * zSd, high = zMean + Reach * zSd;
        if (!(high > low) || double.IsNaN(mean) || double.IsInfinity(meanSquare))
        {
            return null;
        }
        double width = (high - low) / Cells;
        var points = new double[Cells];
        var weights = new double[Cells];
        double placed = 0;
        for (int k = 0; k < Cells; k++)
        {
            points[k] = low + (k + 0.5) * width;
            double from = low + k * width, to = from + width;
            double weight = 0;
            for (int c = 0; c < centres.Length; c++)
            {
                if (masses[c] > 0)
                {
                    double centre = centres[c] + shift;
                    weight += masses[c] * (NormalDistribution.UpperTail((from - centre) / sd) - NormalDistribution.UpperTail((to - centre) / sd));
                }
            }
            weights[k] = weight;
            placed += weight;
        }
        double zero = rectified ? Math.Max(0, 1 - active) : 0;
        // The mass beyond the cells (beyond 8 standard deviations) goes to the nearest end.
        double rest = 1 - zero - placed;
        if (rest > 0)
        {
            weights[Cells - 1] += rest;
        }
        return new UnitValueLaw(zero, points, weights, mean, meanSquare, rectified ? active : 1);
    }
}
