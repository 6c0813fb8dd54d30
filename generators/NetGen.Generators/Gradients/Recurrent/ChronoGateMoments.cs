using System;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// The forget and input gates' moments of chrono's unit classes (biases b and −b) at the gates' pre-activation variance
/// q. Along a sequence q changes little (by 3·10⁻⁴ of itself over a thousand steps at PyTorch's scales), so instead of
/// 64 quadratures per step: the moments at q and at q·(1 + 10⁻⁵), and a line through them while q stays within 10⁻⁴
/// of the first (the moments are smooth in q: the line is off by about (Δq)²/2·∂²/∂q², 10⁻⁸ relative).
/// </summary>
internal sealed class ChronoGateMoments
{
    private const double Reach = 1e-4;
    private const double Step = 1e-5;

    private readonly double[] biases;
    private readonly GateMoments[] forgetAt, inputAt, forgetSlope, inputSlope;
    private double anchor = double.NaN;

    /// <summary>For the forget-gate biases of the unit classes (the input gates' are their negatives).</summary>
    public ChronoGateMoments(double[] forgetBiases)
    {
        biases = forgetBiases;
        forgetAt = new GateMoments[biases.Length];
        inputAt = new GateMoments[biases.Length];
        forgetSlope = new GateMoments[biases.Length];
        inputSlope = new GateMoments[biases.Length];
    }

    /// <summary>Class <paramref name="unitClass"/>'s forget and input gate moments at variance <paramref name="q"/>.</summary>
    public (GateMoments Forget, GateMoments Input) At(int unitClass, double q)
    {
        if (!(Math.Abs(q - anchor) <= Reach * anchor))
        {
            Anchor(q);
        }
        double offset = q - anchor;
        return (Along(forgetAt[unitClass], forgetSlope[unitClass], offset), Along(inputAt[unitClass], inputSlope[unitClass], offset));
    }

    private void Anchor(double q)
    {
        anchor = q;
        double h = Step * q;
        for (int j = 0; j < biases.Length; j++)
        {
            (forgetAt[j], inputAt[j]) = GateExpectation.SigmoidPair(biases[j], q);
            (GateMoments forgetNext, GateMoments inputNext) = GateExpectation.SigmoidPair(biases[j], q + h);
            forgetSlope[j] = Slope(forgetAt[j], forgetNext, h);
            inputSlope[j] = Slope(inputAt[j], inputNext, h);
        }
    }

    private static GateMoments Slope(GateMoments from, GateMoments to, double h) => h > 0
        ? new GateMoments((to.Mean - from.Mean) / h, (to.MeanSquare - from.MeanSquare) / h,
            (to.DerivativeMeanSquare - from.DerivativeMeanSquare) / h, (to.MeanDerivative - from.MeanDerivative) / h)
        : default;

    private static GateMoments Along(GateMoments at, GateMoments slope, double offset) => offset == 0
        ? at
        : new GateMoments(at.Mean + offset * slope.Mean, at.MeanSquare + offset * slope.MeanSquare,
            at.DerivativeMeanSquare + offset * slope.DerivativeMeanSquare, at.MeanDerivative + offset * slope.MeanDerivative);
}
