using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

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
/// <para>
/// With one forget bias for all units, that product of mean squares decays too fast over many steps (measured at
/// PyTorch's default, H = 64: 300x below the measurement at lag 49): the weights are the same at every step, so the
/// forget gate's mean E[f] and the candidate path's mean mixing √s_rec²·E[o]·E[tanh'(c)]·E[i]·E[tanh'(z_g)]·W̃ᵀ add
/// as amplitudes (the spectral radius of E[f] + c·W̃ᵀ is E[f] + c), the rest of the per-step mean square being fresh
/// at every step (<see cref="CoherentRenewal"/>). So ∂L/∂c runs that coherent chain, and ∂L/∂h_{t−k} is read off it
/// through the gates of step t − k + 1 as above. With chrono's spread of forget gates the mixture over units dominates
/// and the plain recursion holds (measured within 15 %).
/// </para>
/// </summary>
internal static class LstmModel
{
    private const int ChronoClasses = 64;
    private const int MaxHorizonSteps = 20000;
    private const int FixedPointIterations = 200;

    /// <summary>The prediction for an LSTM.</summary>
    public static RecurrentHorizonPrediction Predict(RecurrentHorizonInput input)
    {
        double[] forgetBiases = input.ForgetBias.UnitClasses(ChronoClasses);
        int length = input.SequenceLength;
        Step stationary = StationaryStep(input, forgetBiases);
        bool mixture = input.ForgetBias.IsChrono;
        Func<int, Step> stepAt = _ => stationary;
        int last = int.MaxValue, lags = RecurrentHorizonPrediction.MaxComputedLags;
        if (length <= RecurrentHorizonPrediction.MaxComputedLags)
        {
            Step[] steps = Forward(input, forgetBiases, length);
            (stepAt, last, lags) = (s => steps[s], length, length);
        }
        ImmutableArray<double> ratios = mixture
            ? Backward(input.RecurrentGain, stepAt, last, lags, untilEFold: false)
            : CoherentBackward(input.RecurrentGain, stepAt, last, lags, untilEFold: false);
        ImmutableArray<double> tail = mixture
            ? Backward(input.RecurrentGain, _ => stationary, int.MaxValue, MaxHorizonSteps, untilEFold: true)
            : CoherentBackward(input.RecurrentGain, _ => stationary, int.MaxValue, MaxHorizonSteps, untilEFold: true);
        double forgetMeanSquare = 0;
        foreach (double f in stationary.ForgetMeanSquare)
        {
            forgetMeanSquare += f / stationary.ForgetMeanSquare.Length;
        }
        double horizon = TimeCurves.EFoldFromLagOne(tail);
        return mixture && length > ratios.Length
            ? new RecurrentHorizonPrediction(length, ratios, MixtureTail(input.RecurrentGain, stationary, ratios.Length - 1, length), horizon, forgetMeanSquare)
            : RecurrentHorizonPrediction.Extended(length, ratios, horizon, forgetMeanSquare);
    }

    /// <summary>
    /// <see cref="Backward"/>'s stationary recursion as a matrix on (a, b_1..b_n): a' = g·Σ_j (IntoGates_j·b_j + ThroughOutputGate_j·a)/n,
    /// b_j' = IntoCell_j·a' + E[f_j²]·b_j, from (1, IntoCell); its tail by <see cref="StationaryMixtureTail"/>.
    /// </summary>
    private static KnotTail MixtureTail(double gain, Step step, int lastLag, int length)
    {
        int classes = step.IntoCell.Length;
        var map = new double[classes + 1][];
        var fromHidden = new double[classes + 1];
        for (int j = 0; j < classes; j++)
        {
            fromHidden[0] += gain * step.ThroughOutputGate[j] / classes;
            fromHidden[j + 1] = gain * step.IntoGates[j] / classes;
        }
        map[0] = fromHidden;
        for (int j = 0; j < classes; j++)
        {
            var row = new double[classes + 1];
            for (int l = 0; l <= classes; l++)
            {
                row[l] = step.IntoCell[j] * fromHidden[l];
            }
            row[j + 1] += step.ForgetMeanSquare[j];
            map[j + 1] = row;
        }
        var start = new double[classes + 1];
        start[0] = 1;
        Array.Copy(step.IntoCell, 0, start, 1, classes);
        return StationaryMixtureTail.Of(map, start, lastLag, length);
    }

    /// <summary>Steps 1..<paramref name="length"/> (index 0 unused) from a zero state; once the state stops changing, the rest repeat the last.</summary>
    private static Step[] Forward(RecurrentHorizonInput input, double[] forgetBiases, int length)
    {
        var steps = new Step[length + 1];
        var cell = new double[forgetBiases.Length];
        var previousCell = new double[forgetBiases.Length];
        ChronoGateMoments? chronoGates = input.ForgetBias.IsChrono ? new ChronoGateMoments(forgetBiases) : null;
        double hidden = 0;
        for (int s = 1; s <= length; s++)
        {
            double previousHidden = hidden;
            Array.Copy(cell, previousCell, cell.Length);
            steps[s] = Advance(input, forgetBiases, cell, ref hidden, chronoGates);
            if (Settled(previousHidden, hidden) && previousCell.Zip(cell, Settled).All(settled => settled))
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

    private static bool Settled(double before, double after) => Math.Abs(after - before) <= 1e-13 * Math.Abs(after);

    /// <summary>One step's statistics, per class of units.</summary>
    /// <param name="ForgetMean">E[f].</param>
    /// <param name="ForgetMeanSquare">E[f²].</param>
    /// <param name="IntoGates">The mean square of the gate derivatives that carry ∂L/∂c_t into h_{t−1}.</param>
    /// <param name="ThroughOutputGate">E[tanh(c)²]·E[σ'(z_o)²]: ∂L/∂h_t into h_{t−1} through the output gate.</param>
    /// <param name="IntoCell">E[o²]·E[tanh'(c)²]: ∂L/∂h_t into c_t.</param>
    /// <param name="CoherentGates">E[i]·E[tanh'(z_g)]: the mean of the derivative carrying ∂L/∂c_t through the candidate's weights.</param>
    /// <param name="IntoCellMean">E[o]·E[tanh'(c)].</param>
    private sealed record Step(double[] ForgetMean, double[] ForgetMeanSquare, double[] IntoGates, double[] ThroughOutputGate, double[] IntoCell,
        double[] CoherentGates, double[] IntoCellMean);

    /// <summary>
    /// Step s from E[h_{s−1}²] = <paramref name="hidden"/> and E[c_{s−1}²] = <paramref name="cell"/>, both advanced to s.
    /// </summary>
    private static Step Advance(RecurrentHorizonInput input, double[] forgetBiases, double[] cell, ref double hidden, ChronoGateMoments? chronoGates = null)
    {
        int classes = forgetBiases.Length;
        bool chrono = input.ForgetBias.IsChrono;
        double q = input.InputDrive + input.RecurrentGain * hidden + input.BiasVariance;
        GateMoments candidate = GateExpectation.Tanh(0, q), output = GateExpectation.Sigmoid(0, q);
        var step = new Step(new double[classes], new double[classes], new double[classes], new double[classes], new double[classes],
            new double[classes], new double[classes]);
        double nextHidden = 0;
        for (int j = 0; j < classes; j++)
        {
            // Chrono's input bias is −b_f; otherwise it is 0, as the output gate's.
            (GateMoments forget, GateMoments inputGate) = !chrono ? (GateExpectation.Sigmoid(forgetBiases[j], q), output)
                : chronoGates?.At(j, q) ?? GateExpectation.SigmoidPair(forgetBiases[j], q);
            step.ForgetMean[j] = forget.Mean;
            step.ForgetMeanSquare[j] = forget.MeanSquare;
            step.CoherentGates[j] = inputGate.Mean * candidate.MeanDerivative;
            step.IntoGates[j] = forget.DerivativeMeanSquare * cell[j] + inputGate.DerivativeMeanSquare * candidate.MeanSquare
                + inputGate.MeanSquare * candidate.DerivativeMeanSquare;
            cell[j] = forget.MeanSquare * cell[j] + inputGate.MeanSquare * candidate.MeanSquare;
            GateMoments cellTanh = GateExpectation.Tanh(0, cell[j]);
            step.ThroughOutputGate[j] = cellTanh.MeanSquare * output.DerivativeMeanSquare;
            step.IntoCell[j] = output.MeanSquare * cellTanh.DerivativeMeanSquare;
            step.IntoCellMean[j] = output.Mean * cellTanh.MeanDerivative;
            nextHidden += output.MeanSquare * cellTanh.MeanSquare / classes;
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
            double gMeanSquare = GateExpectation.Tanh(0, q).MeanSquare;
            double oMeanSquare = GateExpectation.Sigmoid(0, q).MeanSquare;
            double next = 0;
            for (int j = 0; j < cell.Length; j++)
            {
                (GateMoments forget, GateMoments inputGate) = input.ForgetBias.IsChrono
                    ? GateExpectation.SigmoidPair(forgetBiases[j], q)
                    : (GateExpectation.Sigmoid(forgetBiases[j], q), default);
                double iMeanSquare = input.ForgetBias.IsChrono ? inputGate.MeanSquare : oMeanSquare;
                cell[j] = iMeanSquare * gMeanSquare / Math.Max(1e-300, 1 - forget.MeanSquare);
                next += oMeanSquare * GateExpectation.Tanh(0, cell[j]).MeanSquare / cell.Length;
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
    /// <see cref="Backward"/> for one class of units, with the tied weights' coherence (<see cref="CoherentRenewal"/>):
    /// ∂L/∂c goes back a step through (E[f] + √s_rec²·E[o]·E[tanh'(c)]·E[i]·E[tanh'(z_g)]·W̃ᵀ) coherently, the rest of its
    /// mean square (the gates' spread, the other gates' zero-mean derivatives) fresh at every step.
    /// </summary>
    private static ImmutableArray<double> CoherentBackward(double gain, Func<int, Step> stepAt, int last, int maxLags, bool untilEFold)
    {
        bool stationary = last == int.MaxValue;
        double rootGain = Math.Sqrt(gain);
        CoherentStep ChainStep(int s)
        {
            Step step = stepAt(s), previous = stepAt(stationary ? s : s - 1);
            double mean = step.ForgetMean[0], coherent = rootGain * previous.IntoCellMean[0] * step.CoherentGates[0];
            double total = step.ForgetMeanSquare[0] + previous.IntoCell[0] * gain * step.IntoGates[0];
            return new CoherentStep(mean, coherent, Math.Max(0, total - mean * mean - coherent * coherent));
        }
        List<double> cellMeanSquares;
        if (untilEFold)
        {
            cellMeanSquares = CoherentRenewal.Stationary(ChainStep(last), maxLags);
        }
        else
        {
            var lagOrder = new CoherentStep[Math.Max(0, maxLags - 2)];
            for (int i = 1; i <= lagOrder.Length; i++)
            {
                lagOrder[i - 1] = ChainStep(last - i + 1);
            }
            cellMeanSquares = CoherentRenewal.MeanSquares(lagOrder).ToList();
        }
        double intoCell = stepAt(last).IntoCell[0];
        var ratios = ImmutableArray.CreateBuilder<double>();
        double hiddenGradient = 1;
        ratios.Add(1);
        for (int k = 1; k <= cellMeanSquares.Count && (untilEFold || k < maxLags); k++)
        {
            Step step = stepAt(stationary ? last : last - k + 1);
            hiddenGradient = gain * (step.IntoGates[0] * intoCell * cellMeanSquares[k - 1] + step.ThroughOutputGate[0] * hiddenGradient);
            ratios.Add(Math.Sqrt(hiddenGradient));
        }
        return ratios.ToImmutable();
    }

    /// <summary>
    /// The ratios for lags 0..<paramref name="maxLags"/>−1 going back from step <paramref name="last"/>
    /// (<see cref="int.MaxValue"/>: the stationary state at every step); <paramref name="untilEFold"/>, it stops once the
    /// ratio has fallen e-fold from lag 1 or grown a hundredfold.
    /// </summary>
    private static ImmutableArray<double> Backward(double gain, Func<int, Step> stepAt, int last, int maxLags, bool untilEFold)
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
            if (untilEFold && k >= 2 && (ratios[k] <= Math.Exp(-1) * ratios[1] || ratios[k] >= 100 * ratios[1] || !(ratios[k] > 0)))
            {
                break;
            }
        }
        return ratios.ToImmutable();
    }
}
