using System;
using System.Collections.Immutable;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// An LSTM (Hochreiter &amp; Schmidhuber 1997; forget gate: Gers, Schmidhuber &amp; Cummins 2000) in PyTorch's layout,
/// gates i, f, g, o from W_ih·x_t + W_hh·h_{t−1} + b; c_t = f_t⊙c_{t−1} + i_t⊙g_t; h_t = o_t⊙tanh(c_t). A mean-field
/// model in the spirit of Gilboa et al. 2019 (arXiv 1901.08987), gradients and activations independent, zero-mean
/// weights mixing the units.
/// <para>
/// Forward: every gate's pre-activation is N(bias mean, q) with q = I·Var(W_ih)·E[x²] + s_rec²·E[h²] + Var(b);
/// E[c_t²] = E[f²]·E[c_{t−1}²] + E[i²]·E[g²]; E[h_t²] = E[o²]·E[tanh(c_t)²], c_t ~ N(0, E[c_t²]); from a zero state.
/// </para>
/// <para>
/// Backward, with a_t = E[(∂L/∂h_t)²] and b_t = E[(∂L/∂c_t)²] (the total, through h_t and through c_{t+1}):
/// b_t = E[o²]·E[tanh'(c_t)²]·a_t + E[f_{t+1}²]·b_{t+1} (the cell path: the forget gate per step), and since h_{t−1}
/// reaches the loss only through the gates of step t,
/// a_{t−1} = s_rec²·(b_t·(E[σ'(z_f)²]·E[c_{t−1}²] + E[σ'(z_i)²]·E[g²] + E[i²]·E[tanh'(z_g)²]) + a_t·E[tanh(c_t)²]·E[σ'(z_o)²]).
/// So the gradient reaching h_{t−k} leaves h_t once through the output gate and tanh'(c_t), runs k − 1 steps along the
/// cell with √E[f²] per step, and comes back out through the gates: a one-time factor, then the forget gate's decay
/// (the mean square E[f²] ≥ E[f]², the root mean square being what is measured). With chrono initialization (Tallec
/// &amp; Ollivier 2018) the forget and input biases differ by unit: the cell quantities are kept per class of units
/// (equal slices of U[1, T_max − 1]) and the gates' mixing W_hhᵀ averages them, so the horizon is a mixture over units.
/// </para>
/// </summary>
internal static class LstmModel
{
    private const int ChronoClasses = 64;
    private const int MaxHorizonSteps = 1_000_000;
    private const int FixedPointIterations = 200;

    private static readonly ActivationFunction Sigmoid = new(ActivationKind.Sigmoid, 0);
    private static readonly ActivationFunction Tanh = new(ActivationKind.Tanh, 0);

    /// <summary>The prediction for an LSTM.</summary>
    public static RecurrentHorizonPrediction Predict(RecurrentHorizonInput input)
    {
        double[] forgetBiases = input.ForgetBias.UnitClasses(ChronoClasses);
        int length = input.SequenceLength;
        var steps = new Step[length + 1];
        var cell = new double[forgetBiases.Length];
        double hidden = 0;
        for (int s = 1; s <= length; s++)
        {
            steps[s] = Advance(input, forgetBiases, cell, ref hidden);
        }
        ImmutableArray<double> ratios = Backward(input.RecurrentGain, s => steps[s], length, length);

        Step stationary = StationaryStep(input, forgetBiases);
        ImmutableArray<double> tail = Backward(input.RecurrentGain, _ => stationary, int.MaxValue, MaxHorizonSteps);
        double forgetMeanSquare = 0;
        foreach (double f in stationary.ForgetMeanSquare)
        {
            forgetMeanSquare += f / stationary.ForgetMeanSquare.Length;
        }
        return new RecurrentHorizonPrediction(ratios, TimeCurves.EFoldFromLagOne(tail), forgetMeanSquare);
    }

    /// <summary>One step's statistics, per class of units.</summary>
    private sealed record Step(double[] ForgetMeanSquare, double[] IntoGates, double[] ThroughOutputGate, double[] IntoCell);

    /// <summary>
    /// Step s from E[h_{s−1}²] = <paramref name="hidden"/> and E[c_{s−1}²] = <paramref name="cell"/>, both advanced to s.
    /// </summary>
    private static Step Advance(RecurrentHorizonInput input, double[] forgetBiases, double[] cell, ref double hidden)
    {
        int classes = forgetBiases.Length;
        double q = input.InputDrive + input.RecurrentGain * hidden + input.BiasVariance;
        (_, double gMeanSquare, double gDerivative) = NormalExpectation.Of(Tanh, 0, q);
        (_, double oMeanSquare, double oDerivative) = NormalExpectation.Of(Sigmoid, 0, q);
        var step = new Step(new double[classes], new double[classes], new double[classes], new double[classes]);
        double nextHidden = 0;
        for (int j = 0; j < classes; j++)
        {
            double inputBias = input.ForgetBias.IsChrono ? -forgetBiases[j] : 0;
            (_, double fMeanSquare, double fDerivative) = NormalExpectation.Of(Sigmoid, forgetBiases[j], q);
            (_, double iMeanSquare, double iDerivative) = NormalExpectation.Of(Sigmoid, inputBias, q);
            step.ForgetMeanSquare[j] = fMeanSquare;
            step.IntoGates[j] = fDerivative * cell[j] + iDerivative * gMeanSquare + iMeanSquare * gDerivative;
            cell[j] = fMeanSquare * cell[j] + iMeanSquare * gMeanSquare;
            (_, double tanhMeanSquare, double tanhDerivative) = NormalExpectation.Of(Tanh, 0, cell[j]);
            step.ThroughOutputGate[j] = tanhMeanSquare * oDerivative;
            step.IntoCell[j] = oMeanSquare * tanhDerivative;
            nextHidden += oMeanSquare * tanhMeanSquare / classes;
        }
        hidden = nextHidden;
        return step;
    }

    /// <summary>The step at the forward fixed point: E[c²]* = E[i²]·E[g²]/(1 − E[f²]) per class, E[h²] iterated to convergence.</summary>
    private static Step StationaryStep(RecurrentHorizonInput input, double[] forgetBiases)
    {
        double hidden = 0;
        var cell = new double[forgetBiases.Length];
        for (int iteration = 0; iteration < FixedPointIterations; iteration++)
        {
            double q = input.InputDrive + input.RecurrentGain * hidden + input.BiasVariance;
            double gMeanSquare = NormalExpectation.Of(Tanh, 0, q).MeanSquare;
            double oMeanSquare = NormalExpectation.Of(Sigmoid, 0, q).MeanSquare;
            double next = 0;
            for (int j = 0; j < cell.Length; j++)
            {
                double inputBias = input.ForgetBias.IsChrono ? -forgetBiases[j] : 0;
                double fMeanSquare = NormalExpectation.Of(Sigmoid, forgetBiases[j], q).MeanSquare;
                double iMeanSquare = NormalExpectation.Of(Sigmoid, inputBias, q).MeanSquare;
                cell[j] = iMeanSquare * gMeanSquare / Math.Max(1e-300, 1 - fMeanSquare);
                next += oMeanSquare * NormalExpectation.Of(Tanh, 0, cell[j]).MeanSquare / cell.Length;
            }
            bool converged = Math.Abs(next - hidden) <= 1e-12 * Math.Max(next, 1e-300);
            hidden = next;
            if (converged)
            {
                break;
            }
        }
        return Advance(input, forgetBiases, cell, ref hidden);
    }

    /// <summary>
    /// The ratios for lags 0..<paramref name="maxLags"/>−1 going back from step <paramref name="last"/>; when
    /// <paramref name="last"/> is unbounded (the stationary state), it stops once the ratio has fallen e-fold from lag 1
    /// or grown a hundredfold.
    /// </summary>
    private static ImmutableArray<double> Backward(double gain, Func<int, Step> stepAt, int last, int maxLags)
    {
        bool stationary = last == int.MaxValue;
        Step first = stepAt(last);
        int classes = first.IntoCell.Length;
        var cellGradient = new double[classes];
        for (int j = 0; j < classes; j++)
        {
            cellGradient[j] = first.IntoCell[j];
        }
        var ratios = ImmutableArray.CreateBuilder<double>();
        double hiddenGradient = 1;
        ratios.Add(1);
        for (int k = 1; k < maxLags; k++)
        {
            Step step = stepAt(stationary ? last : last - k + 1), previous = stepAt(stationary ? last : last - k);
            double sum = 0;
            for (int j = 0; j < classes; j++)
            {
                sum += step.IntoGates[j] * cellGradient[j] + step.ThroughOutputGate[j] * hiddenGradient;
            }
            hiddenGradient = gain * sum / classes;
            for (int j = 0; j < classes; j++)
            {
                cellGradient[j] = previous.IntoCell[j] * hiddenGradient + step.ForgetMeanSquare[j] * cellGradient[j];
            }
            ratios.Add(Math.Sqrt(hiddenGradient));
            if (stationary && k >= 2 && (ratios[k] <= Math.Exp(-1) * ratios[1] || ratios[k] >= 100 * ratios[1] || !(ratios[k] > 0)))
            {
                break;
            }
        }
        return ratios.ToImmutable();
    }
}
