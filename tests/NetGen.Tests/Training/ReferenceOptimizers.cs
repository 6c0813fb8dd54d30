namespace NetGen.Tests.Training;

/// <summary>
/// Straightforward scalar double implementations of the update rules as published in PyTorch's documentation
/// (torch.optim.SGD, torch.optim.Adam, torch.optim.AdamW pseudo-code), independent of the library's code.
/// </summary>
internal static class ReferenceOptimizers
{
    /// <summary>Runs SGD for every gradient vector in <paramref name="gradientsPerStep"/> and returns the parameters after each step.</summary>
    public static double[][] Sgd(double[] start, double[][] gradientsPerStep, double lr, double momentum, bool nesterov, double weightDecay)
    {
        double[] theta = (double[])start.Clone();
        double[] b = new double[theta.Length];
        var history = new List<double[]>();
        for (int t = 1; t <= gradientsPerStep.Length; t++)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double g = gradientsPerStep[t - 1][i];
                if (weightDecay != 0)
                {
                    g = g + weightDecay * theta[i];
                }
                if (momentum != 0)
                {
                    b[i] = t > 1 ? momentum * b[i] + g : g;
                    g = nesterov ? g + momentum * b[i] : b[i];
                }
                theta[i] = theta[i] - lr * g;
            }
            history.Add((double[])theta.Clone());
        }
        return history.ToArray();
    }

    /// <summary>Adam (coupled L2 weight decay) or AdamW (decoupled), per PyTorch's documentation.</summary>
    public static double[][] Adam(
        double[] start, double[][] gradientsPerStep, double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupled)
    {
        double[] theta = (double[])start.Clone();
        double[] m = new double[theta.Length];
        double[] v = new double[theta.Length];
        var history = new List<double[]>();
        for (int t = 1; t <= gradientsPerStep.Length; t++)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double g = gradientsPerStep[t - 1][i];
                if (decoupled)
                {
                    theta[i] = theta[i] - lr * weightDecay * theta[i];
                }
                else if (weightDecay != 0)
                {
                    g = g + weightDecay * theta[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.Pow(beta1, t));
                double vHat = v[i] / (1 - Math.Pow(beta2, t));
                theta[i] = theta[i] - lr * mHat / (Math.Sqrt(vHat) + eps);
            }
            history.Add((double[])theta.Clone());
        }
        return history.ToArray();
    }
}
