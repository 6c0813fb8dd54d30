using System;
using System.Collections.Immutable;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// A SimpleRNN, h_t = φ(W_ih·x_t + W_hh·h_{t−1} + b), as a deep network with one layer per step (Chen, Pennington &amp;
/// Schoenholz 2018; GRADIENT-THEORY.md §5). Forward, the pre-activation variance is
/// q_t = s_rec²·E[φ(z_{t−1})²] + I·Var(W_ih)·E[x²] + Var(b) from q_1 = I·Var(W_ih)·E[x²] + Var(b) (zero initial state),
/// z ~ N(0, q_t) (zero-mean weights or an orthogonal matrix spread the state over all units). Backward, ∂L/∂h_{t−1} =
/// W_hhᵀ·(φ'(z_t)⊙∂L/∂h_t) multiplies the mean square by χ_t = s_rec²·E[φ'(z_t)²], s_rec² = H·Var(W_hh), or gain² exactly
/// for an orthogonal matrix (it keeps every vector's norm). The ratio at lag k is √(χ_T·…·χ_{T−k+1}); the horizon is
/// −1/ln √χ* at the fixed point q*. An identity ReLU recurrence is the exception (<see cref="IdentityReluWalk"/>).
/// </summary>
internal static class SimpleRnnModel
{
    private const int MaxFixedPointIterations = 10000;

    /// <summary>The prediction for a SimpleRNN.</summary>
    /// <exception cref="NotSupportedException">An identity ReLU recurrence with a gain other than 1 or random biases.</exception>
    public static RecurrentHorizonPrediction Predict(RecurrentHorizonInput input)
    {
        if (input.Recurrent.Kind == RecurrentMatrixKind.Identity && input.Activation == ActivationKind.ReLU)
        {
            return IdentityReluWalk.Predict(input);
        }
        var activation = new ActivationFunction(input.Activation, 0);
        double gain = input.RecurrentGain, drive = input.InputDrive + input.BiasVariance;
        double chi = StationaryFactor(activation, gain, drive);
        int length = input.SequenceLength, computed = Math.Min(length, RecurrentHorizonPrediction.MaxComputedLags);
        var factors = new double[computed + 1];
        if (length > computed)
        {
            // The last steps of a long sequence: the stationary state.
            for (int s = 1; s <= computed; s++)
            {
                factors[s] = chi;
            }
        }
        else
        {
            double q = drive;
            for (int s = 1; s <= length; s++)
            {
                (double meanSquare, double derivativeMeanSquare) = Moments(activation, q);
                factors[s] = gain * derivativeMeanSquare;
                double next = gain * meanSquare + drive;
                if (Math.Abs(next - q) <= 1e-13 * q || !(next <= 1e150))
                {
                    // Settled, or exploding (a ReLU's factor does not depend on the scale; a double's variance would
                    // overflow): every later step is this one.
                    for (int later = s + 1; later <= length; later++)
                    {
                        factors[later] = factors[s];
                    }
                    break;
                }
                q = next;
            }
        }
        return RecurrentHorizonPrediction.Extended(length, TimeCurves.FromStepFactors(factors, computed), TimeCurves.EFoldOfFactor(chi), chi);
    }

    /// <summary>E[φ(z)²] and E[φ'(z)²] for z ~ N(0, <paramref name="variance"/>).</summary>
    private static (double MeanSquare, double DerivativeMeanSquare) Moments(ActivationFunction activation, double variance)
    {
        if (activation.Kind == ActivationKind.Tanh)
        {
            GateMoments tanh = GateExpectation.Tanh(0, variance);
            return (tanh.MeanSquare, tanh.DerivativeMeanSquare);
        }
        (_, double meanSquare, double derivativeMeanSquare) = NormalExpectation.Of(activation, 0, variance);
        return (meanSquare, derivativeMeanSquare);
    }

    /// <summary>χ* at the forward fixed point q* = s_rec²·E[φ(z)²] + drive (or where q stops being finite, for an exploding ReLU).</summary>
    private static double StationaryFactor(ActivationFunction activation, double gain, double drive)
    {
        double q = drive;
        for (int i = 0; i < MaxFixedPointIterations; i++)
        {
            double next = gain * Moments(activation, q).MeanSquare + drive;
            if (double.IsInfinity(next) || double.IsNaN(next) || next > 1e150)
            {
                break;
            }
            bool converged = Math.Abs(next - q) <= 1e-13 * Math.Max(next, 1e-300);
            q = next;
            if (converged)
            {
                break;
            }
        }
        return gain * Moments(activation, q).DerivativeMeanSquare;
    }
}
