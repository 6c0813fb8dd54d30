using System;
using NetGen.Generators.Gradients;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Recurrent;

/// <summary>
/// E[h_T²], the mean square of a recurrent layer's output at initialization, by the forward mean-field recursions of
/// GRADIENT-THEORY.md §5 from a zero state: every gate's pre-activation is N(bias mean, q) with
/// q = I·Var(W_ih)·E[x²] + Var(b) + s_rec²·E[h²]. SimpleRNN: E[h²] = E[φ(z)²]. LSTM: E[c²] ← E[f²]·E[c²] + E[i²]·E[g²],
/// E[h²] = E[o²]·E[tanh(c)²]. GRU: E[h²] ← E[(1 − z)²]·E[n²] + E[z²]·E[h²], n's variance taking E[r²] of the recurrent
/// part. For the layers after it in the gradient model. Each recursion stops once it settles (a relative change below
/// 1e-9) or after <see cref="MaxSteps"/> steps; the gates' expectations come from <see cref="GateExpectation"/>'s
/// Gauss–Hermite rules, so that an analyzer pays a few milliseconds.
/// </summary>
internal static class RecurrentOutputMoments
{
    private const int MaxSteps = 500;
    private const int ChronoClasses = 16;

    public static double FinalMeanSquare(RecurrentLayer layer, double inputMeanSquare)
    {
        int gateRows = layer.Gates * layer.Units;
        double drive = layer.Inputs * layer.InputWeightInit.SecondMoment(layer.Inputs, gateRows) * inputMeanSquare
                       + (layer.BiasInit is null ? 0 : 2 * layer.BiasInit.Variance(layer.Units, gateRows));
        double gain = layer.Units * layer.RecurrentWeightInit.SecondMoment(layer.Units, gateRows);
        if (layer.RecurrentWeightInit is MatrixInitializer { Kind: InitKind.Orthogonal } orthogonal)
        {
            gain = orthogonal.Gain * orthogonal.Gain / layer.Gates;
        }
        int steps = Math.Min(layer.Steps, MaxSteps);
        return layer.Cell switch
        {
            RecurrentCell.Lstm => Lstm(layer, drive, gain, steps),
            RecurrentCell.Gru => Gru(drive, gain, steps),
            _ => SimpleRnn(new ActivationFunction(layer.CellActivation, 0), drive, gain, steps),
        };
    }

    private static double SimpleRnn(ActivationFunction activation, double drive, double gain, int steps)
    {
        double hidden = 0;
        for (int t = 0; t < steps && !double.IsInfinity(hidden); t++)
        {
            double next = activation.Kind == ActivationKind.Tanh
                ? GateExpectation.Tanh(0, drive + gain * hidden).MeanSquare
                : NormalExpectation.Of(activation, 0, drive + gain * hidden).MeanSquare;
            if (Settled(hidden, next))
            {
                return next;
            }
            hidden = next;
        }
        return hidden;
    }

    private static double Lstm(RecurrentLayer layer, double drive, double gain, int steps)
    {
        double[] forgetBiases = layer.ChronoMaxDependency > 0
            ? ForgetGateBias.Chrono(layer.ChronoMaxDependency).UnitClasses(ChronoClasses)
            : new[] { layer.ForgetBias ?? 0 };
        var cells = new double[forgetBiases.Length];
        double hidden = 0;
        for (int t = 0; t < steps; t++)
        {
            double q = drive + gain * hidden, next = 0;
            double candidate = GateExpectation.Tanh(0, q).MeanSquare, output = GateExpectation.Sigmoid(0, q).MeanSquare;
            for (int j = 0; j < forgetBiases.Length; j++)
            {
                double inputBias = layer.ChronoMaxDependency > 0 ? -forgetBiases[j] : 0;
                cells[j] = GateExpectation.Sigmoid(forgetBiases[j], q).MeanSquare * cells[j] + GateExpectation.Sigmoid(inputBias, q).MeanSquare * candidate;
                next += output * GateExpectation.Tanh(0, cells[j]).MeanSquare / forgetBiases.Length;
            }
            if (Settled(hidden, next))
            {
                return next;
            }
            hidden = next;
        }
        return hidden;
    }

    private static double Gru(double drive, double gain, int steps)
    {
        double hidden = 0;
        for (int t = 0; t < steps; t++)
        {
            double q = drive + gain * hidden;
            double gate = GateExpectation.Sigmoid(0, q).MeanSquare; // E[z²] = E[(1 − z)²] = E[r²] for a zero-mean pre-activation
            double candidate = GateExpectation.Tanh(0, drive + gate * gain * hidden).MeanSquare;
            double next = gate * candidate + gate * hidden;
            if (Settled(hidden, next))
            {
                return next;
            }
            hidden = next;
        }
        return hidden;
    }

    private static bool Settled(double previous, double next) => Math.Abs(next - previous) <= 1e-9 * Math.Abs(next);
}
