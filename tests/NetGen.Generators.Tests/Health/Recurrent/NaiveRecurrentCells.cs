namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// A deliberately naive double-precision reference for the measurement: the three cells' forward pass and
/// backpropagation through time in straight loops, PyTorch's layout (rows of W_ih, W_hh and the biases stacked by gate:
/// LSTM i, f, g, o; GRU r, z, n), independent of the model under test and of the production kernels.
/// </summary>
internal static class NaiveRecurrentCells
{
    /// <summary>
    /// Runs <paramref name="inputs"/> (T steps) from a zero state and returns ‖∂L/∂h_s‖ for s = T, T−1, …, 1 (index k is
    /// lag k) for the loss L = Σ_j <paramref name="outputGradient"/>[j]·h_T[j].
    /// </summary>
    public static double[] GradientNormsByLag(NaiveWeights w, double[][] inputs, double[] outputGradient) =>
        GradientsByLag(w, inputs, outputGradient).Select(Norm).ToArray();

    /// <summary>∂L/∂h_s for s = T, T−1, …, 1 (index k is lag k), for L = Σ_j <paramref name="outputGradient"/>[j]·h_T[j].</summary>
    public static double[][] GradientsByLag(NaiveWeights w, double[][] inputs, double[] outputGradient) => w.Cell switch
    {
        NaiveCell.Lstm => Lstm(w, inputs, outputGradient, null),
        NaiveCell.Gru => Gru(w, inputs, outputGradient, null),
        _ => SimpleRnn(w, inputs, outputGradient, null),
    };

    /// <summary>L = Σ_j <paramref name="outputGradient"/>[j]·h_T[j] with h_s[unit] shifted by <paramref name="shift"/> right after step s computes it.</summary>
    public static double Loss(NaiveWeights w, double[][] inputs, double[] outputGradient, (int Step, int Unit, double Shift) perturbation)
    {
        double[] last = w.Cell switch
        {
            NaiveCell.Lstm => Lstm(w, inputs, outputGradient, perturbation)[0],
            NaiveCell.Gru => Gru(w, inputs, outputGradient, perturbation)[0],
            _ => SimpleRnn(w, inputs, outputGradient, perturbation)[0],
        };
        return last.Zip(outputGradient, (h, g) => h * g).Sum();
    }

    /// <summary>The gradients by lag, or with a perturbation only the forward pass: h_T as the single element.</summary>
    private static double[][] SimpleRnn(NaiveWeights w, double[][] inputs, double[] outputGradient, (int Step, int Unit, double Shift)? perturbation)
    {
        int t = inputs.Length, h = w.Hidden;
        var z = new double[t + 1][];
        var state = new double[t + 1][];
        state[0] = new double[h];
        for (int s = 1; s <= t; s++)
        {
            z[s] = Affine(w, inputs[s - 1], state[s - 1], 0, h);
            state[s] = new double[h];
            for (int j = 0; j < h; j++)
            {
                state[s][j] = w.Relu ? Math.Max(0, z[s][j]) : Math.Tanh(z[s][j]);
            }
            Perturb(state[s], s, perturbation);
        }
        if (perturbation is { } p)
        {
            return new[] { state[t] };
        }
        var norms = new double[t][];
        double[] dh = (double[])outputGradient.Clone();
        for (int s = t; s >= 1; s--)
        {
            norms[t - s] = (double[])dh.Clone();
            var dz = new double[h];
            for (int j = 0; j < h; j++)
            {
                double slope = w.Relu ? (z[s][j] > 0 ? 1 : 0) : 1 - state[s][j] * state[s][j];
                dz[j] = slope * dh[j];
            }
            dh = RecurrentTransposeTimes(w, dz);
        }
        return norms;
    }

    /// <summary>The gradients by lag, or with a perturbation only the forward pass: h_T as the single element.</summary>
    private static double[][] Lstm(NaiveWeights w, double[][] inputs, double[] outputGradient, (int Step, int Unit, double Shift)? perturbation)
    {
        int t = inputs.Length, h = w.Hidden;
        var i = new double[t + 1][];
        var f = new double[t + 1][];
        var g = new double[t + 1][];
        var o = new double[t + 1][];
        var c = new double[t + 1][];
        var state = new double[t + 1][];
        c[0] = new double[h];
        state[0] = new double[h];
        for (int s = 1; s <= t; s++)
        {
            double[] a = Affine(w, inputs[s - 1], state[s - 1], 0, 4 * h);
            i[s] = new double[h];
            f[s] = new double[h];
            g[s] = new double[h];
            o[s] = new double[h];
            c[s] = new double[h];
            state[s] = new double[h];
            for (int j = 0; j < h; j++)
            {
                i[s][j] = Sigmoid(a[j]);
                f[s][j] = Sigmoid(a[h + j]);
                g[s][j] = Math.Tanh(a[2 * h + j]);
                o[s][j] = Sigmoid(a[3 * h + j]);
                c[s][j] = f[s][j] * c[s - 1][j] + i[s][j] * g[s][j];
                state[s][j] = o[s][j] * Math.Tanh(c[s][j]);
            }
            Perturb(state[s], s, perturbation);
        }
        if (perturbation is { } p)
        {
            return new[] { state[t] };
        }
        var norms = new double[t][];
        double[] dh = (double[])outputGradient.Clone();
        var dcFromNext = new double[h];
        for (int s = t; s >= 1; s--)
        {
            norms[t - s] = (double[])dh.Clone();
            var da = new double[4 * h];
            for (int j = 0; j < h; j++)
            {
                double tc = Math.Tanh(c[s][j]);
                double dc = dh[j] * o[s][j] * (1 - tc * tc) + dcFromNext[j];
                da[j] = dc * g[s][j] * i[s][j] * (1 - i[s][j]);
                da[h + j] = dc * c[s - 1][j] * f[s][j] * (1 - f[s][j]);
                da[2 * h + j] = dc * i[s][j] * (1 - g[s][j] * g[s][j]);
                da[3 * h + j] = dh[j] * tc * o[s][j] * (1 - o[s][j]);
                dcFromNext[j] = dc * f[s][j];
            }
            dh = RecurrentTransposeTimes(w, da);
        }
        return norms;
    }

    /// <summary>The gradients by lag, or with a perturbation only the forward pass: h_T as the single element.</summary>
    private static double[][] Gru(NaiveWeights w, double[][] inputs, double[] outputGradient, (int Step, int Unit, double Shift)? perturbation)
    {
        int t = inputs.Length, h = w.Hidden;
        var r = new double[t + 1][];
        var z = new double[t + 1][];
        var n = new double[t + 1][];
        var hn = new double[t + 1][];
        var state = new double[t + 1][];
        state[0] = new double[h];
        for (int s = 1; s <= t; s++)
        {
            double[] fromInput = InputAffine(w, inputs[s - 1]);
            double[] fromHidden = HiddenAffine(w, state[s - 1]);
            r[s] = new double[h];
            z[s] = new double[h];
            n[s] = new double[h];
            hn[s] = new double[h];
            state[s] = new double[h];
            for (int j = 0; j < h; j++)
            {
                r[s][j] = Sigmoid(fromInput[j] + fromHidden[j]);
                z[s][j] = Sigmoid(fromInput[h + j] + fromHidden[h + j]);
                hn[s][j] = fromHidden[2 * h + j];
                n[s][j] = Math.Tanh(fromInput[2 * h + j] + r[s][j] * hn[s][j]);
                state[s][j] = (1 - z[s][j]) * n[s][j] + z[s][j] * state[s - 1][j];
            }
            Perturb(state[s], s, perturbation);
        }
        if (perturbation is { } p)
        {
            return new[] { state[t] };
        }
        var norms = new double[t][];
        double[] dh = (double[])outputGradient.Clone();
        for (int s = t; s >= 1; s--)
        {
            norms[t - s] = (double[])dh.Clone();
            var da = new double[3 * h];
            for (int j = 0; j < h; j++)
            {
                double dn = dh[j] * (1 - z[s][j]) * (1 - n[s][j] * n[s][j]);
                da[j] = dn * hn[s][j] * r[s][j] * (1 - r[s][j]);
                da[h + j] = dh[j] * (state[s - 1][j] - n[s][j]) * z[s][j] * (1 - z[s][j]);
                da[2 * h + j] = dn * r[s][j];
            }
            double[] back = RecurrentTransposeTimes(w, da);
            for (int j = 0; j < h; j++)
            {
                back[j] += dh[j] * z[s][j];
            }
            dh = back;
        }
        return norms;
    }

    private static double[] Affine(NaiveWeights w, double[] x, double[] hPrev, int from, int to)
    {
        double[] a = InputAffine(w, x);
        double[] b = HiddenAffine(w, hPrev);
        var sum = new double[to - from];
        for (int row = from; row < to; row++)
        {
            sum[row - from] = a[row] + b[row];
        }
        return sum;
    }

    private static double[] InputAffine(NaiveWeights w, double[] x)
    {
        int rows = w.InputWeights.GetLength(0);
        var a = new double[rows];
        for (int row = 0; row < rows; row++)
        {
            double sum = w.InputBias[row];
            for (int col = 0; col < x.Length; col++)
            {
                sum += w.InputWeights[row, col] * x[col];
            }
            a[row] = sum;
        }
        return a;
    }

    private static double[] HiddenAffine(NaiveWeights w, double[] hPrev)
    {
        int rows = w.RecurrentWeights.GetLength(0);
        var a = new double[rows];
        for (int row = 0; row < rows; row++)
        {
            double sum = w.RecurrentBias[row];
            for (int col = 0; col < hPrev.Length; col++)
            {
                sum += w.RecurrentWeights[row, col] * hPrev[col];
            }
            a[row] = sum;
        }
        return a;
    }

    private static double[] RecurrentTransposeTimes(NaiveWeights w, double[] gateGradient)
    {
        var dh = new double[w.Hidden];
        for (int row = 0; row < gateGradient.Length; row++)
        {
            for (int col = 0; col < w.Hidden; col++)
            {
                dh[col] += w.RecurrentWeights[row, col] * gateGradient[row];
            }
        }
        return dh;
    }

    private static void Perturb(double[] state, int step, (int Step, int Unit, double Shift)? perturbation)
    {
        if (perturbation is { } p && p.Step == step)
        {
            state[p.Unit] += p.Shift;
        }
    }

    private static double Sigmoid(double a) => 1 / (1 + Math.Exp(-a));

    private static double Norm(double[] v)
    {
        double sum = 0;
        foreach (double value in v)
        {
            sum += value * value;
        }
        return Math.Sqrt(sum);
    }
}

internal enum NaiveCell { SimpleRnn, Lstm, Gru }

/// <summary>One layer's weights, PyTorch's layout: W_ih (G·H × I), W_hh (G·H × H), b_ih, b_hh (G·H).</summary>
internal sealed record NaiveWeights(NaiveCell Cell, bool Relu, int Hidden, double[,] InputWeights, double[,] RecurrentWeights, double[] InputBias, double[] RecurrentBias);
