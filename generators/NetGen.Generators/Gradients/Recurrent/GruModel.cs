using System;
using NetGen.Generators.Model;

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
/// the paths' cross terms vanishing with the zero-mean weights that mix the units.
/// </summary>
internal static class GruModel
{
    private const int MaxFixedPointIterations = 10000;

    private static readonly ActivationFunction Sigmoid = new(ActivationKind.Sigmoid, 0);
    private static readonly ActivationFunction Tanh = new(ActivationKind.Tanh, 0);

    /// <summary>The prediction for a GRU.</summary>
    public static RecurrentHorizonPrediction Predict(RecurrentHorizonInput input)
    {
        int length = input.SequenceLength;
        var factors = new double[length + 1];
        double hidden = 0;
        for (int s = 1; s <= length; s++)
        {
            (factors[s], hidden) = Step(input, hidden);
        }
        double stationary = 0;
        for (int i = 0; i < MaxFixedPointIterations; i++)
        {
            (double factor, double next) = Step(input, stationary);
            bool converged = Math.Abs(next - stationary) <= 1e-13 * Math.Max(next, 1e-300);
            stationary = next;
            if (converged)
            {
                break;
            }
        }
        double chi = Step(input, stationary).Factor;
        return new RecurrentHorizonPrediction(TimeCurves.FromStepFactors(factors, length), TimeCurves.EFoldOfFactor(chi), chi);
    }

    /// <summary>χ_t from E[h_{t−1}²] = <paramref name="hidden"/>, and E[h_t²].</summary>
    private static (double Factor, double Hidden) Step(RecurrentHorizonInput input, double hidden)
    {
        double gain = input.RecurrentGain, recurrent = gain * hidden;
        double q = input.InputDrive + recurrent + input.BiasVariance;
        (_, double rMeanSquare, double rDerivative) = NormalExpectation.Of(Sigmoid, 0, q);
        (double zMean, double zMeanSquare, double zDerivative) = NormalExpectation.Of(Sigmoid, 0, q);
        (_, double nMeanSquare, double nDerivative) = NormalExpectation.Of(Tanh, 0, input.InputDrive + input.BiasVariance + rMeanSquare * recurrent);
        double keep = 1 - 2 * zMean + zMeanSquare; // E[(1 − z)²]
        double factor = zMeanSquare
            + gain * keep * nDerivative * rMeanSquare
            + gain * (hidden + nMeanSquare) * zDerivative
            + gain * keep * nDerivative * recurrent * rDerivative;
        return (factor, zMeanSquare * hidden + keep * nMeanSquare);
    }
}
