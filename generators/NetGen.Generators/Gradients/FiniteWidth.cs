using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The finite-width statistics of a plain stack of ReLU-family dense layers at initialization (<see cref="FiniteWidthPrediction"/>).
/// </summary>
/// <remarks>
/// <para>
/// With zero-mean i.i.d. weights and zero-mean biases, each row of a layer is as likely to be drawn as its negative, so
/// for a given input each ReLU unit is active with probability 1/2, independently of the others. Taking the active units
/// as independent of the size of the gradient flowing back through them (an assumption, checked on generated networks
/// in tests/NetGen.Tests/FiniteWidth), back-propagation through a ReLU layer of width n multiplies the squared gradient
/// by its mean-field factor times a random factor R = (2/n)·χ²_K with K ~ Binomial(n, 1/2) active units: E[R] = 1 (the
/// mean-field value), Var[R] = 5/n, independent from layer to layer. Hence:
/// </para>
/// <list type="bullet">
/// <item>a layer is dead for an input (K = 0) with probability 2^−n, and the network with probability 1 − Π(1 − 2^−n):
/// the mechanism by which deep narrow ReLU networks are born dead with a probability that tends to 1 with depth
/// (Lu, Shin, Su &amp; Karniadakis 2019, "Dying ReLU and initialization");</item>
/// <item>given K ≥ 1, ln R has mean ln(4/n) + E[ψ(K/2)] and variance E[ψ'(K/2)] + Var[ψ(K/2)] (ψ the digamma function;
/// ln χ²_k has mean ln 2 + ψ(k/2) and variance ψ'(k/2)), about −5/(2n) and 5/n for wide layers: the log of the gradient's
/// square is a sum of independent terms, asymptotically normal with variance ~5β, β = Σ 1/n (Hanin 2018, who shows that
/// the fluctuations of the squared gradient are exponential in β; Hanin &amp; Nica 2019 for the log-normal limit). The
/// mean-field value is the mean, but the median of a log-normal lies exp(−σ²/2) below it: a typical network's gradient
/// is smaller than the prediction by a factor that grows exponentially with β.</item>
/// <item>a unit is dead for a whole batch when its pre-activation is at most 0 for every input: in the mean-field limit
/// the batch's pre-activations at a layer are equicorrelated normals whose correlation ρ follows ReLU's arc-cosine map
/// (Cho &amp; Saul 2009), ρ' = (√(1 − ρ²) + (π − arccos ρ)·ρ)/π, from ρ = 0 for uncorrelated inputs, and all B of them
/// are at most 0 with probability E_T[Φ(−T·√(ρ/(1 − ρ)))^B]; a unit after a layer that is dead for the inputs is dead.
/// Finite width makes the inputs' representations collapse faster than the arc-cosine map says, so this estimate is low
/// for narrow layers.</item>
/// </list>
/// <para>
/// Exact for Gaussian weights. Weights drawn from a uniform or truncated normal distribution have a smaller fourth moment
/// and, in narrow layers, a smaller spread: there the factors are sampled (<see cref="FiniteWidthSampling"/>). LeakyReLU layers never die; their spread uses the wide-layer form: Var[R] = c²/n·(3(1 + a⁴)/2 − (1 + a²)²/4)
/// with c = 2/(1 + a²), a the slope, and ln R ≈ normal with variance Var[R] and mean −Var[R]/2. Linear layers pass every
/// unit: R = χ²_n/n exactly, ln R with mean ln(2/n) + ψ(n/2) and variance ψ'(n/2) (the random matrix products of Dive
/// into Deep Learning's exploding-gradient example).
/// </para>
/// <para>
/// Layer l's gradient has passed the hidden layers from l to the last, so its log-ratio is the sum of their ln R; its
/// typical value, the geometric mean (the median of the log-normal) for inputs it is alive at, is exp(E[Σ ln R]/2) times
/// the mean-field value.
/// </para>
/// </remarks>
internal static class FiniteWidth
{
    /// <summary>The batch the dead-unit fraction is stated for: the monitor's dead units are counted over one batch.</summary>
    public const int BatchSize = 32;

    // Above this width the exact sums over K give way to their wide-layer limits (−5/(2n), 5/n), equal to 1e-4 there.
    private const int MaxExactWidth = 4096;
    private const double EulerGamma = 0.57721566490153286061;

    /// <summary>
    /// The prediction for <paramref name="network"/>, or <see langword="null"/> when it does not apply: a network with
    /// layers other than dense ones (skips and normalization change the statistics), or a hidden layer that is not ReLU,
    /// LeakyReLU or linear with zero-mean i.i.d. weights and zero-mean biases.
    /// </summary>
    public static FiniteWidthPrediction? Predict(NetworkModel network)
    {
        if (network.Layers.Any(l => l is not DenseLayer))
        {
            return null;
        }
        List<DenseLayer> hidden = network.Layers.Take(network.Layers.Count - 1).Cast<DenseLayer>().ToList();
        var output = (DenseLayer)network.OutputLayer;
        if (hidden.Count == 0 || !hidden.All(IsCovered) || !IsSymmetric(output.WeightInit, output) || output.WeightInit.Variance(output.Inputs, output.Units) <= 0)
        {
            return null;
        }

        // ln R of each hidden layer, then summed from the output down: layer l's gradient has passed layers l to L − 1.
        // The weights that multiply the gradient are those of layers 2 to L (the first layer's never do).
        // Gaussian weights give the exact sums; others, in narrow layers, are sampled (the chain runs through every layer,
        // as the gradient's shape entering a layer depends on the layers above it).
        List<DenseLayer> multiplying = hidden.Skip(1).Append(output).ToList();
        List<(double Mean, double Variance)> factors = GaussianLogFactors(hidden);
        if (multiplying.Any(l => l.WeightInit.DrawnFrom != InitDistributionKind.Normal) && hidden.Max(l => l.Units) <= FiniteWidthSampling.MaxSampledWidth)
        {
            (double Mean, double Variance)[] sampled = FiniteWidthSampling.LogFactors(hidden, output);
            for (int l = 0; l < hidden.Count; l++)
            {
                if (multiplying[l].WeightInit.DrawnFrom != InitDistributionKind.Normal)
                {
                    factors[l] = sampled[l];
                }
            }
        }
        var typical = new double[network.Layers.Count];
        typical[hidden.Count] = 1;
        double logMean = 0, logVariance = 0;
        for (int l = hidden.Count - 1; l >= 0; l--)
        {
            logMean += factors[l].Mean;
            logVariance += factors[l].Variance;
            typical[l] = Math.Exp(logMean / 2);
        }

        double alive = 1, correlation = 0, deadUnits = 0;
        int reluUnits = 0;
        foreach (DenseLayer layer in hidden)
        {
            if (layer.Activation.Kind == ActivationKind.ReLU)
            {
                double unitDead = (1 - alive) + alive * AllAtMostZero(correlation, BatchSize);
                deadUnits += unitDead * layer.Units;
                reluUnits += layer.Units;
                alive *= 1 - Math.Pow(2, -layer.Units);
            }
            if (layer.Activation.Kind != ActivationKind.Identity)
            {
                correlation = ReLUCorrelation(correlation);
            }
        }

        List<DenseLayer> reluFamily = hidden.Where(l => l.Activation.Kind != ActivationKind.Identity).ToList();
        return new FiniteWidthPrediction(reluFamily.Count, hidden.Min(l => l.Units), hidden.Sum(l => 1.0 / l.Units), 1 - alive,
            logMean, logVariance, typical, reluUnits == 0 ? 0 : deadUnits / reluUnits);
    }

    /// <summary>The exact sums of the remarks for each hidden layer, with Gaussian weights (or wide layers, where the law is near it).</summary>
    private static List<(double Mean, double Variance)> GaussianLogFactors(IReadOnlyList<DenseLayer> hidden)
    {
        var factors = new List<(double Mean, double Variance)>();
        var cached = new Dictionary<(int, ActivationKind, double), (double Mean, double Variance)>(); // a repeated layer's sums once
        foreach (DenseLayer layer in hidden)
        {
            (int, ActivationKind, double) key = (layer.Units, layer.Activation.Kind, layer.Activation.Parameter);
            if (!cached.TryGetValue(key, out (double Mean, double Variance) factor))
            {
                factor = cached[key] = layer.Activation.Kind switch
                {
                    ActivationKind.ReLU => ReLULogFactor(layer.Units),
                    ActivationKind.LeakyReLU => LeakyLogFactor(layer.Units, layer.Activation.Parameter),
                    _ => LinearLogFactor(layer.Units),
                };
            }
            factors.Add(factor);
        }
        return factors;
    }

    private static bool IsCovered(DenseLayer layer) =>
        layer.Activation.Kind is ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.Identity
        && IsSymmetric(layer.WeightInit, layer) && layer.WeightInit.Variance(layer.Inputs, layer.Units) > 0
        && (layer.BiasInit is null || IsSymmetric(layer.BiasInit, layer));

    /// <summary>Independent zero-mean draws: not a constant (unless 0) and not an orthogonal or identity matrix.</summary>
    private static bool IsSymmetric(Initializer init, DenseLayer layer) =>
        init is not MatrixInitializer && init.Mean(layer.Inputs, layer.Units) == 0;

    /// <summary>The mean and variance of ln R, R = (2/n)·χ²_K, K ~ Binomial(n, 1/2) given K ≥ 1.</summary>
    internal static (double Mean, double Variance) ReLULogFactor(int n)
    {
        if (n > MaxExactWidth)
        {
            return (-2.5 / n, 5.0 / n);
        }
        // K = k has probability C(n, k)·2^−n / (1 − 2^−n).
        (double[] digamma, double[] trigamma) = HalfIntegerPolygamma(n);
        var weights = new double[n + 1];
        double logBinomial = 0, logNormalizer = n * Math.Log(2) + Math.Log(1 - Math.Pow(2, -n));
        for (int k = 1; k <= n; k++)
        {
            logBinomial += Math.Log(n - k + 1) - Math.Log(k);
            weights[k] = Math.Exp(logBinomial - logNormalizer);
        }
        double meanDigamma = 0;
        for (int k = 1; k <= n; k++)
        {
            meanDigamma += weights[k] * digamma[k];
        }
        double variance = 0;
        for (int k = 1; k <= n; k++)
        {
            double d = digamma[k] - meanDigamma;
            variance += weights[k] * (trigamma[k] + d * d);
        }
        return (Math.Log(4.0 / n) + meanDigamma, variance);
    }

    /// <summary>The mean and variance of ln R for a linear layer: R = χ²_n / n, every unit passing the gradient.</summary>
    internal static (double Mean, double Variance) LinearLogFactor(int n)
    {
        if (n > MaxExactWidth)
        {
            return (-1.0 / n, 2.0 / n);
        }
        (double[] digamma, double[] trigamma) = HalfIntegerPolygamma(n);
        return (Math.Log(2.0 / n) + digamma[n], trigamma[n]);
    }

    /// <summary>ψ(k/2) and ψ'(k/2) for k = 1..n (index 0 unused), by their recurrences from k = 1 and k = 2.</summary>
    private static (double[] Digamma, double[] Trigamma) HalfIntegerPolygamma(int n)
    {
        var digamma = new double[n + 1];
        var trigamma = new double[n + 1];
        for (int k = 1; k <= n; k++)
        {
            double half = k / 2.0;
            digamma[k] = k switch
            {
                1 => -EulerGamma - 2 * Math.Log(2),
                2 => -EulerGamma,
                _ => digamma[k - 2] + 1 / (half - 1),
            };
            trigamma[k] = k switch
            {
                1 => Math.PI * Math.PI / 2,
                2 => Math.PI * Math.PI / 6,
                _ => trigamma[k - 2] - 1 / ((half - 1) * (half - 1)),
            };
        }
        return (digamma, trigamma);
    }

    /// <summary>ln R for a LeakyReLU layer: normal with variance Var[R] and mean −Var[R]/2 (the wide-layer form).</summary>
    private static (double Mean, double Variance) LeakyLogFactor(int n, double slope)
    {
        double a2 = slope * slope, c = 2 / (1 + a2);
        double variance = c * c / n * (1.5 * (1 + a2 * a2) - (1 + a2) * (1 + a2) / 4);
        return (-variance / 2, variance);
    }

    /// <summary>The correlation of two inputs' pre-activations after a ReLU layer with zero-mean weights and zero biases (Cho &amp; Saul 2009).</summary>
    internal static double ReLUCorrelation(double rho)
    {
        rho = Math.Max(-1, Math.Min(1, rho));
        return Math.Min(1, (Math.Sqrt(1 - rho * rho) + (Math.PI - Math.Acos(rho)) * rho) / Math.PI);
    }

    /// <summary>
    /// P(Z₁ ≤ 0, ..., Z_B ≤ 0) for standard normals with pairwise correlation ρ ≥ 0: writing Z_b = √ρ·T + √(1 − ρ)·E_b,
    /// E_T[Φ(−T·√(ρ/(1 − ρ)))^B], by Simpson's rule where the integrand is not 0 or φ(T).
    /// </summary>
    internal static double AllAtMostZero(double rho, int count)
    {
        if (rho <= 0)
        {
            return Math.Pow(0.5, count);
        }
        if (rho >= 1)
        {
            return 0.5;
        }
        double a = Math.Sqrt(rho / (1 - rho));
        // Beyond ±T, Φ(−a·t) is 1 (t < −T) or 0 (t > T) to within Φ(−10).
        double limit = Math.Min(10, 10 / a);
        const int panels = 200;
        double h = 2 * limit / panels, sum = 0;
        for (int i = 0; i <= panels; i++)
        {
            double t = -limit + i * h;
            double value = NormalDistribution.Density(t) * Math.Pow(NormalDistribution.UpperTail(a * t), count);
            sum += value * (i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return NormalDistribution.UpperTail(limit) + sum * h / 3;
    }
}
