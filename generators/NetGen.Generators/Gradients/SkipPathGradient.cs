using System;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The part of an identity skip's gradient that a chain of residual blocks <c>x' = f(x + F(x))</c> carries along one unit,
/// as a function of that unit's value x: s(x) = E[(∂loss/∂x)² from the skip | x], on a grid of x.
/// </summary>
/// <remarks>
/// <para>
/// Backward through a block, g = (I + J_Fᵀ)·(f'(z) ⊙ g'), z = x + F. The branch's Jacobian mixes the units, so its part
/// reaches every unit alike; the skip's part stays on the unit, and through consecutive blocks it is multiplied by that
/// unit's f'(z) at each of them. With f = ReLU these masks are correlated: a unit active after one block's sum carries its
/// positive value into the next sum, where it is likely active again (at He init about 0.73 against 0.65 for any unit).
/// The mean field's product of each block's E[f'(z)²] takes them as independent, and falls short by a factor that grows
/// with the blocks (~1.2 in the root mean square over 10 He-initialized blocks of two layers, ~1.9 over 30).
/// </para>
/// <para>
/// Per unit, the chain is the Markov chain x' = f(x + F) with F ~ N(mean, variance) of the branch output, independent of
/// x (the mean-field limit: the branch's weights mix many units; in it the masks' run probabilities of generated networks
/// are those of this chain, e.g. 0.47 for two consecutive blocks, 0.35 for three, against 0.65 for one). The gradient's
/// mean square conditioned on the unit's value then follows backward: u(x') = c + s'(x') (c the parts that reach every unit alike: the branch's,
/// the head's), s(x) = E_F[f'(x + F)²·u(f(x + F))]. The source of the skip multiplies the gradient by its own f'(z)² at
/// the same unit, so it receives E[f'(z)²·s(f(z))] / E[f'(z)²] over the law of its value (<see cref="UnitValueLaw"/>): what,
/// times its E[f'(z)²], gives the correlated E[f'(z)²·s(f(z))].
/// </para>
/// <para>
/// This is the infinite-width picture, as in Yang &amp; Schoenholz 2017 ("Mean field residual networks: on the edge of
/// chaos"), whose blocks have no activation after the sum, so that second moments suffice there; after a ReLU the chain
/// needs the law of a unit's value. At finite width the skip's and the branch's parts of the gradient are also correlated (E[δᵀ·J_F·δ] ≠ 0; measured
/// 0.02, 0.05 and 0.17 of E[δ²] per block at widths 400, 100 and 25), which this does not model; a finite-size theory of
/// residual networks (Fischer, Dahmen &amp; Helias 2023, "Optimal signal propagation in ResNets through residual scaling")
/// is where such a term would come from.
/// </para>
/// </remarks>
internal sealed class SkipPathGradient
{
    private const int Panels = 16;
    private const double Reach = 8; // standard deviations either side of the branch's mean

    private readonly double[] _points;
    private readonly double[] _values;

    private SkipPathGradient(double[] points, double[] values, double effective)
    {
        _points = points;
        _values = values;
        Effective = effective;
    }

    /// <summary>What the skip added to its source's output gradient: E[f'(z)²·s(f(z))] / E[f'(z)²] over the source's z.</summary>
    public double Effective { get; }

    /// <summary>
    /// The skip's part for a block of activation <paramref name="block"/> and branch output <paramref name="branch"/>,
    /// given u, the block's output gradient as a function of its output value, and the law of the skip's source
    /// (<paramref name="source"/>: its value, made by ReLU or the identity). Null where the branch has no spread.
    /// </summary>
    public static SkipPathGradient? Through(ActivationFunction block, Moments branch, Func<double, double> u, UnitValueLaw source)
    {
        double branchSd = Math.Sqrt(branch.Variance);
        if (!(branchSd > 0) || double.IsInfinity(branchSd) || !(source.ActiveFraction > 0))
        {
            return null;
        }
        bool blockReLU = block.Kind == ActivationKind.ReLU;
        double S(double x)
        {
            // E_F[f'(x + F)²·u(f(x + F))]: with ReLU only x + F > 0 counts, and there f is the identity.
            double from = blockReLU ? Math.Max(-x, branch.Mean - Reach * branchSd) : branch.Mean - Reach * branchSd;
            return Integrate(from, branch.Mean + Reach * branchSd, f => Normal(f, branch.Mean, branchSd) * u(x + f));
        }
        int offset = source.Zero > 0 ? 1 : 0;
        var points = new double[source.Points.Length + offset];
        var values = new double[points.Length];
        if (offset == 1)
        {
            values[0] = S(0); // points[0] = 0
        }
        double active = 0;
        for (int k = 0; k < source.Points.Length; k++)
        {
            points[k + offset] = source.Points[k];
            values[k + offset] = S(source.Points[k]);
            active += source.Weights[k] * values[k + offset];
        }
        // The source's f'(z) is 1 at its points and, for ReLU, 0 at its mass at 0 (the inactive units).
        double effective = active / source.ActiveFraction;
        return double.IsNaN(effective) || double.IsInfinity(effective) ? null : new SkipPathGradient(points, values, effective);
    }

    /// <summary>s(x), linear between the source's values and constant beyond them.</summary>
    public double At(double x)
    {
        if (!(x > _points[0]))
        {
            return _values[0];
        }
        int last = _points.Length - 1;
        if (x >= _points[last])
        {
            return _values[last];
        }
        int low = 0, high = last;
        while (high - low > 1)
        {
            int middle = (low + high) / 2;
            if (_points[middle] <= x)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        double t = (x - _points[low]) / (_points[high] - _points[low]);
        return _values[low] + t * (_values[high] - _values[low]);
    }

    private static double Normal(double value, double mean, double sd) => NormalDistribution.Density((value - mean) / sd) / sd;

    /// <summary>∫ g over [from, to] by the 8-point Gauss–Legendre rule on equal panels; 0 for an empty interval.</summary>
    private static double Integrate(double from, double to, Func<double, double> g)
    {
        if (!(to > from))
        {
            return 0;
        }
        double width = (to - from) / Panels, sum = 0;
        for (int panel = 0; panel < Panels; panel++)
        {
            double middle = from + (panel + 0.5) * width;
            for (int i = 0; i < GaussLegendre.Nodes.Length; i++)
            {
                sum += GaussLegendre.Weights[i] * g(middle + 0.5 * width * GaussLegendre.Nodes[i]);
            }
        }
        return sum * 0.5 * width;
    }
}
