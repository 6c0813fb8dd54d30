using System;
using System.Collections.Immutable;
using System.Linq;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// A GRU (Cho et al. 2014) in PyTorch's layout (Keras's <c>reset_after = true</c>): r = σ(W_ir·x + W_hr·h + b_r),
/// z = σ(W_iz·x + W_hz·h + b_z), n = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn)), h_t = (1 − z)⊙n + z⊙h_{t−1}. Mean field
/// as for the LSTM (Gilboa et al. 2019): gates N(0, q), q = I·Var(W_ih)·E[x²] + s_rec²·E[h²] + Var(b); n's variance
/// I·Var(W_in)·E[x²] + Var(b) + E[r²]·s_rec²·E[h²]; E[h_t²] = E[z²]·E[h_{t−1}²] + E[(1 − z)²]·E[n²]. Backward, the
/// mean square of ∂L/∂h is multiplied per step by
/// χ_t = E[z²] (the update gate's path, the analogue of the forget gate)
///     + s_rec²·E[(1 − z)²]·E[tanh'²]·E[r²] (through the candidate's W_hn)
///     + s_rec²·(E[h_{t−1}²] + E[n²])·E[σ'(z)²] (through the update gate's W_hz, its input being h_{t−1} − n)
///     + s_rec²·E[(1 − z)²]·E[tanh'²]·s_rec²·E[h_{t−1}²]·E[σ'(r)²] (through the reset gate's W_hr),
/// the paths' cross terms vanishing with the zero-mean weights that mix the units. That is the mean-field factor; over
/// many steps the tied weights make the update gate's mean E[z] and the candidate path's mean coherent mixing
/// √s_rec²·E[r]·E[1 − z]·E[tanh'] add as amplitudes, not as mean squares (<see cref="CoherentRenewal"/>), the rest of χ
/// being fresh noise at every step. (Measured: the plain product of χ decays too fast, 300x off by lag 49 at PyTorch's
/// default, H = 64.)
/// </summary>
internal static class GruModel
{
    private const int MaxFixedPointIterations = 10000;
    private const int MaxHorizonSteps = 20000;

    /// <summary>The prediction for a GRU.</summary>
    public static RecurrentHorizonPrediction Predict(RecurrentHorizonInput input)
    {
        int length = input.SequenceLength, computed = Math.Min(length, RecurrentHorizonPrediction.MaxComputedLags);
        (CoherentStep fixedPoint, double chi) = FixedPoint(input);
        var lagOrder = new CoherentStep[computed - 1];
        if (length > computed)
        {
            // The last steps of a long sequence: the stationary state.
            for (int i = 0; i < lagOrder.Length; i++)
            {
                lagOrder[i] = fixedPoint;
            }
        }
        else
        {
            CoherentStep[] steps = Forward(input, length);
            for (int i = 1; i < length; i++)
            {
                lagOrder[i - 1] = steps[length - i + 1];
            }
        }
        double[] meanSquares = CoherentRenewal.MeanSquares(lagOrder);
        var ratios = ImmutableArray.CreateBuilder<double>(computed);
        foreach (double meanSquare in meanSquares)
        {
            ratios.Add(Math.Sqrt(meanSquare));
        }
        var tail = CoherentRenewal.Stationary(fixedPoint, MaxHorizonSteps).Select(Math.Sqrt).ToImmutableArray();
        return RecurrentHorizonPrediction.Extended(length, ratios.MoveToImmutable(), TimeCurves.EFoldFromLagOne(tail), chi);
    }

    /// <summary>Steps 1..<paramref name="length"/> (index 0 unused) from a zero state; once E[h²] stops changing, the rest repeat the last.</summary>
    private static CoherentStep[] Forward(RecurrentHorizonInput input, int length)
    {
        var steps = new CoherentStep[length + 1];
        double hidden = 0;
        for (int s = 1; s <= length; s++)
        {
            double previous = hidden;
            (steps[s], hidden) = Step(input, hidden);
            if (Math.Abs(hidden - previous) <= 1e-13 * hidden)
            {
                for (int later = s + 1; later <= length; later++)
                {
                    steps[later] = steps[s];
                }
                break;
            }
        }
        return steps;
    }

    /// <summary>The step at the forward fixed point of E[h²], and its mean-field factor χ.</summary>
    private static (CoherentStep Step, double Chi) FixedPoint(RecurrentHorizonInput input)
    {
        double stationary = 0;
        for (int i = 0; i < MaxFixedPointIterations; i++)
        {
            double next = Step(input, stationary).Hidden;
            bool converged = Math.Abs(next - stationary) <= 1e-13 * Math.Max(next, 1e-300);
            stationary = next;
            if (converged)
            {
                break;
            }
        }
        CoherentStep fixedPoint = Step(input, stationary).Step;
        return (fixedPoint, fixedPoint.Mean * fixedPoint.Mean + fixedPoint.Coherent * fixedPoint.Coherent + fixedPoint.Noise);
    }

    /// <summary>Step t from E[h_{t−1}²] = <paramref name="hidden"/>, and E[h_t²].</summary>
    private static (CoherentStep Step, double Hidden) Step(RecurrentHorizonInput input, double hidden)
    {
        double gain = input.RecurrentGain, recurrent = gain * hidden;
        double q = input.InputDrive + recurrent + input.BiasVariance;
        // Both gates have zero-mean biases and the same pre-activation variance.
        GateMoments gate = GateExpectation.Sigmoid(0, q);
        (double rMean, double rMeanSquare, double rDerivative, _) = gate;
        (double zMean, double zMeanSquare, double zDerivative, _) = gate;
        double candidateVariance = input.InputDrive + input.BiasVariance + rMeanSquare * recurrent;
        GateMoments candidate = GateExpectation.Tanh(0, candidateVariance);
        (double nMeanSquare, double nDerivative) = (candidate.MeanSquare, candidate.DerivativeMeanSquare);
        double coherent = Math.Sqrt(gain) * rMean * (1 - zMean) * candidate.MeanDerivative;
        double keep = 1 - 2 * zMean + zMeanSquare; // E[(1 − z)²]
        double factor = zMeanSquare
            + gain * keep * nDerivative * rMeanSquare
            + gain * (hidden + nMeanSquare) * zDerivative
            + gain * keep * nDerivative * recurrent * rDerivative;
        double noise = Math.Max(0, factor - zMean * zMean - coherent * coherent);
        return (new CoherentStep(zMean, coherent, noise), zMeanSquare * hidden + keep * nMeanSquare);
    }
}
