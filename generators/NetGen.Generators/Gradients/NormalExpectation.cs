using System;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// E[f(z)], E[f(z)²] and E[f'(z)²] for z ~ N(mean, variance), right at every scale (variance from 1e-8 to 1e8 and
/// beyond). Every activation is linear outside a window [<c>Low</c>, <c>High</c>] (ReLU's and the identity's window is
/// empty; sigmoid's and tanh's are constant beyond ±40, to below a double's precision): there the integrals are the
/// normal's partial moments, in closed form. Inside the window, composite 8-point Gauss–Legendre over panels no wider
/// than 0.5 or half a standard deviation, so that both the function's and the density's shape are resolved whatever
/// the variance. (A single Gauss–Hermite rule is not: at variance 500 its 64 nodes step over tanh's whole transition.)
/// </summary>
internal static class NormalExpectation
{
    /// <summary>Beyond it the saturating activations equal their limits to below a double's precision.</summary>
    private const double SaturationBound = 40;

    /// <summary>Standard deviations beyond which the density is below e^(−72): nothing there counts.</summary>
    private const double Reach = 12;

    /// <summary>The three expectations the gradient model needs for <paramref name="activation"/>.</summary>
    public static (double Mean, double MeanSquare, double DerivativeMeanSquare) Of(ActivationFunction activation, double mean, double variance)
    {
        Func<double, double> f = ActivationFunctions.Function(activation.Kind, activation.Parameter);
        Func<double, double> fPrime = ActivationFunctions.Derivative(activation.Kind, activation.Parameter);
        if (!(variance > 0))
        {
            double value = f(mean), slope = fPrime(mean);
            return (value, value * value, slope * slope);
        }
        Shape shape = ShapeOf(activation);
        double sd = Math.Sqrt(variance);
        return (
            Expectation(f, shape.Left, shape.Right, shape, mean, sd),
            Expectation(z => f(z) * f(z), shape.Left.Squared, shape.Right.Squared, shape, mean, sd),
            Expectation(z => fPrime(z) * fPrime(z), Line.Constant(shape.Left.Slope * shape.Left.Slope),
                Line.Constant(shape.Right.Slope * shape.Right.Slope), shape, mean, sd));
    }

    private static double Expectation(Func<double, double> h, Quadratic left, Quadratic right, Shape shape, double mean, double sd)
    {
        (double l0, double l1, double l2) = NormalDistribution.LowerMoments(shape.Low, mean, sd);
        (double u0, double u1, double u2) = NormalDistribution.UpperMoments(shape.High, mean, sd);
        double tails = left.A * l0 + left.B * l1 + left.C * l2 + right.A * u0 + right.B * u1 + right.C * u2;
        double from = Math.Max(shape.Low, mean - Reach * sd), to = Math.Min(shape.High, mean + Reach * sd);
        return from < to ? tails + Window(h, from, to, mean, sd) : tails;
    }

    /// <summary>∫ h(z)·φ((z − mean)/sd)/sd dz over [from, to], by composite Gauss–Legendre.</summary>
    private static double Window(Func<double, double> h, double from, double to, double mean, double sd)
    {
        int panels = (int)Math.Ceiling((to - from) / Math.Min(0.5, sd / 2));
        double width = (to - from) / panels, sum = 0;
        for (int panel = 0; panel < panels; panel++)
        {
            double centre = from + (panel + 0.5) * width;
            for (int i = 0; i < GaussLegendre.Nodes.Length; i++)
            {
                double z = centre + 0.5 * width * GaussLegendre.Nodes[i];
                sum += GaussLegendre.Weights[i] * h(z) * NormalDistribution.Density((z - mean) / sd);
            }
        }
        return sum * 0.5 * width / sd;
    }

    private static Shape ShapeOf(ActivationFunction activation)
    {
        const double selu = 1.0507009873554804934193349852946, seluAlpha = 1.6732632423543772848170429916717;
        double p = activation.Parameter;
        return activation.Kind switch
        {
            ActivationKind.Sigmoid => new Shape(-SaturationBound, SaturationBound, Line.Constant(0), Line.Constant(1)),
            ActivationKind.Tanh => new Shape(-SaturationBound, SaturationBound, Line.Constant(-1), Line.Constant(1)),
            ActivationKind.ReLU => new Shape(0, 0, Line.Constant(0), new Line(0, 1)),
            ActivationKind.LeakyReLU => new Shape(0, 0, new Line(0, p), new Line(0, 1)),
            ActivationKind.ELU => new Shape(-SaturationBound, 0, Line.Constant(-p), new Line(0, 1)),
            ActivationKind.SELU => new Shape(-SaturationBound, 0, Line.Constant(-selu * seluAlpha), new Line(0, selu)),
            _ => new Shape(0, 0, new Line(0, 1), new Line(0, 1)), // Identity
        };
    }

    /// <summary>An activation: nonlinear on [Low, High], the line <see cref="Left"/> below it and <see cref="Right"/> above.</summary>
    private readonly record struct Shape(double Low, double High, Line Left, Line Right);

    /// <summary>a + b·z.</summary>
    private readonly record struct Line(double Intercept, double Slope)
    {
        public static Line Constant(double value) => new(value, 0);

        public Quadratic Squared => new(Intercept * Intercept, 2 * Intercept * Slope, Slope * Slope);

        public static implicit operator Quadratic(Line line) => new(line.Intercept, line.Slope, 0);
    }

    /// <summary>A + B·z + C·z².</summary>
    private readonly record struct Quadratic(double A, double B, double C);
}
