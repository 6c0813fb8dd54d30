using System;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// What the gradient model needs of an activation beyond <see cref="NormalExpectation"/>: the mean derivative E[f'(z)],
/// which carries a gradient's common mode over the units, and how the units' offsets come through it.
/// </summary>
internal static class ActivationStatistics
{
    /// <summary>
    /// E[f'(z)] for z ~ N(mean, variance): the derivative of E[f(z)] with respect to the mean (a central difference of
    /// <see cref="NormalExpectation"/>'s E[f(z)], a thousandth of a standard deviation apart).
    /// </summary>
    public static double MeanDerivative(ActivationFunction activation, double mean, double variance)
    {
        double sd = Math.Sqrt(variance);
        if (activation.Kind == ActivationKind.Identity)
        {
            return 1;
        }
        if (activation.Kind is ActivationKind.ReLU or ActivationKind.LeakyReLU && sd > 0)
        {
            double slope = activation.Kind == ActivationKind.ReLU ? 0 : activation.Parameter;
            return slope + (1 - slope) * NormalDistribution.UpperTail(-mean / sd); // slope + (1 − slope)·P(z > 0)
        }
        if (!(sd > 1e-6 * (1 + Math.Abs(mean))))
        {
            return ActivationFunctions.Derivative(activation.Kind, activation.Parameter)(mean);
        }
        double step = 1e-3 * sd;
        double derivative = (NormalExpectation.Of(activation, mean + step, variance).Mean
            - NormalExpectation.Of(activation, mean - step, variance).Mean) / (2 * step);
        return double.IsNaN(derivative) || double.IsInfinity(derivative) ? 0 : derivative;
    }

    /// <summary>
    /// How much of f(z)'s variance a part of z's carries through, z ~ N(mean, variance) being m + r with m ~ N(0, part)
    /// (a unit's offset, a sample's shared shift) and r the independent rest: Var_m(E_r[f(mean + m + r)]), integrated
    /// over m on ±6 standard deviations (two 8-point Gauss–Legendre panels: the conditional mean is smooth in m).
    /// </summary>
    public static double VarianceOfConditionalMean(ActivationFunction activation, double mean, double variance, double part)
    {
        if (!(part > 0))
        {
            return 0;
        }
        if (activation.Kind == ActivationKind.Identity)
        {
            return part;
        }
        const int panels = 2;
        const double reach = 6;
        double sd = Math.Sqrt(part), rest = Math.Max(0, variance - part), width = 2 * reach / panels;
        double sum = 0, meanSquare = 0, mass = 0;
        for (int panel = 0; panel < panels; panel++)
        {
            double centre = -reach + (panel + 0.5) * width;
            for (int i = 0; i < GaussLegendre.Nodes.Length; i++)
            {
                double u = centre + 0.5 * width * GaussLegendre.Nodes[i];
                double weight = GaussLegendre.Weights[i] * 0.5 * width * NormalDistribution.Density(u);
                double unitMean = NormalExpectation.Of(activation, mean + sd * u, rest).Mean;
                sum += weight * unitMean;
                meanSquare += weight * unitMean * unitMean;
                mass += weight;
            }
        }
        double average = sum / mass, spread = meanSquare / mass - average * average;
        return double.IsNaN(spread) ? 0 : Math.Max(0, spread);
    }
}
