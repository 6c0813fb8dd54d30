using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The mean and variance of ln R for each hidden layer of a narrow stack whose weights are not Gaussian, by sampling
/// the backward chain of <see cref="FiniteWidth"/>'s model: the same assumptions (independent zero-mean weights, each
/// unit active with probability 1/2 independently of the gradient, a layer alive), without the Gaussian law.
/// </summary>
/// <remarks>
/// With Gaussian weights, W<sup>T</sup>v has independent normal entries whatever v is, which gives R's χ² law. With
/// uniform or truncated weights it does not when v has few non-zero entries, as in a narrow layer: (w·v)² is then less
/// spread than a χ²₁ (a uniform weight's fourth moment is 1.8σ⁴, a normal's 3σ⁴), and a typical network's gradient is
/// nearer the mean-field value (by a factor of 2.5 in 15 layers of 5 units with He-uniform weights). No closed form is
/// known for that law, so it is sampled, from a generator of its own with a fixed seed (analyzers must be deterministic:
/// System.Random is banned in them), so that the prediction is the same on every build.
/// </remarks>
internal static class FiniteWidthSampling
{
    /// <summary>Above this width (w·v)² is close enough to a χ²₁ for the exact Gaussian sums: the effect falls as 1/width.</summary>
    public const int MaxSampledWidth = 64;

    // The trials are as many as this many weight draws allow (about 50 ms), within the bounds below: at 256 trials a
    // layer's E[ln R] has a standard error of about 0.06 for 5 units.
    private const long DrawBudget = 5_000_000;
    private const int MinTrials = 256;
    private const int MaxTrials = 4096;
    private const int Seed = 20261206;

    /// <summary>
    /// E[ln R] and Var[ln R] of each hidden layer (in order) given it is alive: R the layer's random factor on the squared
    /// gradient, from the weights of the layer above it (the output layer's for the last hidden layer).
    /// </summary>
    public static (double Mean, double Variance)[] LogFactors(IReadOnlyList<DenseLayer> hidden, DenseLayer output)
    {
        int count = hidden.Count;
        long drawsPerTrial = Enumerable.Range(0, count).Sum(l => (long)hidden[l].Units * Above(hidden, output, l).Units);
        int trials = (int)Math.Max(MinTrials, Math.Min(MaxTrials, DrawBudget / Math.Max(1, drawsPerTrial)));
        var random = new SplitMix64(Seed);
        var sums = new double[count];
        var squares = new double[count];
        for (int trial = 0; trial < trials; trial++)
        {
            // The output layer's gradient: independent of the weights, as the mean-field model takes it.
            double[] v = Enumerable.Range(0, output.Units).Select(_ => Gaussian(random)).ToArray();
            for (int l = count - 1; l >= 0; l--)
            {
                DenseLayer layer = hidden[l];
                InitDistributionKind weights = Above(hidden, output, l).WeightInit.DrawnFrom ?? InitDistributionKind.Normal;
                double[] u = Backpropagate(v, layer.Units, weights, random);
                double[] slopes = Slopes(layer.Activation, layer.Units, random);
                double before = v.Sum(x => x * x), after = 0;
                for (int i = 0; i < u.Length; i++)
                {
                    u[i] *= slopes[i];
                    after += u[i] * u[i];
                }
                double meanSlopeSquare = layer.Activation.Kind switch
                {
                    ActivationKind.ReLU => 0.5,
                    ActivationKind.LeakyReLU => (1 + layer.Activation.Parameter * layer.Activation.Parameter) / 2,
                    _ => 1,
                };
                double logR = Math.Log(after / (before * layer.Units * meanSlopeSquare));
                sums[l] += logR;
                squares[l] += logR * logR;
                // R is a ratio: the next step does not depend on the scale, which would otherwise overflow in a deep stack.
                double norm = Math.Sqrt(after);
                for (int i = 0; i < u.Length; i++)
                {
                    u[i] /= norm;
                }
                v = u;
            }
        }
        return Enumerable.Range(0, count)
            .Select(l => (sums[l] / trials, Math.Max(0, squares[l] / trials - sums[l] / trials * (sums[l] / trials))))
            .ToArray();
    }

    private static DenseLayer Above(IReadOnlyList<DenseLayer> hidden, DenseLayer output, int l) => l + 1 < hidden.Count ? hidden[l + 1] : output;

    /// <summary>Wᵀv for a [v.Length, units] matrix of independent standardized draws.</summary>
    private static double[] Backpropagate(double[] v, int units, InitDistributionKind weights, SplitMix64 random)
    {
        var u = new double[units];
        for (int i = 0; i < units; i++)
        {
            double sum = 0;
            for (int j = 0; j < v.Length; j++)
            {
                if (v[j] != 0)
                {
                    sum += Standardized(weights, random) * v[j];
                }
            }
            u[i] = sum;
        }
        return u;
    }

    /// <summary>Each unit's f'(z): 1 or the slope with probability 1/2 each, drawn again until a ReLU layer has an active unit.</summary>
    private static double[] Slopes(ActivationFunction activation, int units, SplitMix64 random)
    {
        var slopes = new double[units];
        if (activation.Kind == ActivationKind.Identity)
        {
            slopes.AsSpan().Fill(1);
            return slopes;
        }
        double inactive = activation.Kind == ActivationKind.LeakyReLU ? activation.Parameter : 0;
        bool alive;
        do
        {
            alive = inactive != 0;
            for (int i = 0; i < units; i++)
            {
                bool active = random.NextDouble() < 0.5;
                slopes[i] = active ? 1 : inactive;
                alive |= active;
            }
        }
        while (!alive);
        return slopes;
    }

    /// <summary>A draw of mean 0 and variance 1 from the distribution's shape.</summary>
    private static double Standardized(InitDistributionKind distribution, SplitMix64 random)
    {
        switch (distribution)
        {
            case InitDistributionKind.Uniform:
                return (2 * random.NextDouble() - 1) * Math.Sqrt(3);
            case InitDistributionKind.TruncatedNormal:
                double draw;
                do
                {
                    draw = Gaussian(random);
                }
                while (Math.Abs(draw) > 2);
                return draw / Math.Sqrt(NormalInitializer.TruncatedVarianceFactor);
            default:
                return Gaussian(random);
        }
    }

    private static double Gaussian(SplitMix64 random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Steele, Lea &amp; Flood's SplitMix64: 64 bits per step, doubles in [0, 1) from the top 53.</summary>
    private sealed class SplitMix64(ulong state)
    {
        public double NextDouble()
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }
    }
}
