using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>
/// Fills a layer's weights or biases, one method per <see cref="Init"/> scheme; <see cref="Fill"/> picks the method from the
/// scheme for those that need no more than the fans and a constant. Every random scheme draws from <see cref="SeededRandom"/>
/// in element order, so the same seed gives the same values on every machine.
/// </summary>
public static class Initializers
{
    /// <summary>
    /// Keras's correction of <see cref="InitDistribution.TruncatedNormal"/>: the standard deviation of a standard normal truncated
    /// at ±2, √0.7737413 (<c>scipy.stats.truncnorm.std(a=-2, b=2)</c>).
    /// </summary>
    private const double TruncatedStandardDeviation = 0.87962566103423978;

    /// <summary>The variance of a standard normal truncated at ±2: 1 − 4φ(2)/(2Φ(2) − 1).</summary>
    private const double TruncatedVariance = TruncatedStandardDeviation * TruncatedStandardDeviation;

    /// <summary>
    /// Fills <paramref name="values"/> as <paramref name="init"/> prescribes for a layer of the given fans: the schemes that need
    /// only the fans (and <paramref name="constant"/> for <see cref="Init.Constant"/>) call the method of the same name.
    /// </summary>
    /// <param name="values">The weights or the biases of one layer.</param>
    /// <param name="init">The scheme.</param>
    /// <param name="fanIn">The layer's input count.</param>
    /// <param name="fanOut">The layer's output count.</param>
    /// <param name="constant">The value for <see cref="Init.Constant"/>; ignored otherwise.</param>
    /// <param name="random">The source of randomness; schemes without randomness draw nothing from it.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="init"/> needs more parameters than the fans (<see cref="Init.Normal"/>, <see cref="Init.Uniform"/>,
    /// <see cref="Init.TruncatedNormal"/>, <see cref="Init.VarianceScaling"/>, <see cref="Init.Orthogonal"/>, <see cref="Init.Identity"/>):
    /// the message names the method to call instead.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="init"/> is not an <see cref="Init"/>, or a fan is not positive.</exception>
    public static void Fill<T>(Span<T> values, Init init, int fanIn, int fanOut, double constant, SeededRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (init)
        {
            case Init.GlorotUniform:
                GlorotUniform(values, fanIn, fanOut, random);
                break;
            case Init.GlorotNormal:
                GlorotNormal(values, fanIn, fanOut, random);
                break;
            case Init.HeUniform:
                HeUniform(values, fanIn, random);
                break;
            case Init.HeNormal:
                HeNormal(values, fanIn, random);
                break;
            case Init.LeCunNormal:
                LeCunNormal(values, fanIn, random);
                break;
            case Init.LegacyUniform:
                LegacyUniform(values, fanIn, random);
                break;
            case Init.StandardNormal:
                StandardNormal(values, random);
                break;
            case Init.Zeros:
                values.Clear();
                break;
            case Init.Constant:
                Constant(values, constant);
                break;
            case Init.Normal:
                throw NeedsParameters(init, "a mean and a standard deviation", "Normal(values, mean, standardDeviation, random)");
            case Init.Uniform:
                throw NeedsParameters(init, "a minimum and a maximum", "Uniform(values, minimum, maximum, random)");
            case Init.TruncatedNormal:
                throw NeedsParameters(init, "a mean and a standard deviation", "TruncatedNormal(values, mean, standardDeviation, random)");
            case Init.VarianceScaling:
                throw NeedsParameters(init, "a scale, a fan mode and a distribution", "VarianceScaling(values, scale, mode, distribution, fanIn, fanOut, random)");
            case Init.Orthogonal:
                throw NeedsParameters(init, "a matrix shape and a gain", "Orthogonal(values, rows, columns, gain, random)");
            case Init.Identity:
                throw NeedsParameters(init, "a matrix shape and a gain", "Identity(values, rows, columns, gain)");
            case Init.HiddenSizeUniform:
                throw NeedsParameters(init, "the recurrent layer's hidden size", "HiddenSizeUniform(values, units, random)");
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, $"Unknown initializer {init}; expected one of {string.Join(", ", Enum.GetNames<Init>())}.");
        }
    }

    /// <summary>Glorot/Xavier uniform: U(±√(6 / (fan_in + fan_out))), one <see cref="SeededRandom.NextDouble"/> per value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fan is not positive.</exception>
    public static void GlorotUniform<T>(Span<T> values, int fanIn, int fanOut, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckFans(fanIn, fanOut);
        FillUniform(values, Math.Sqrt(6.0 / (fanIn + fanOut)), random);
    }

    /// <summary>Glorot/Xavier normal: N(0, 2 / (fan_in + fan_out)), one <see cref="SeededRandom.NextGaussian"/> per value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fan is not positive.</exception>
    public static void GlorotNormal<T>(Span<T> values, int fanIn, int fanOut, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckFans(fanIn, fanOut);
        FillNormal(values, Math.Sqrt(2.0 / (fanIn + fanOut)), random);
    }

    /// <summary>He/Kaiming uniform: U(±√(6 / fan_in)), one <see cref="SeededRandom.NextDouble"/> per value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
    public static void HeUniform<T>(Span<T> values, int fanIn, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPositive(fanIn, nameof(fanIn));
        FillUniform(values, Math.Sqrt(6.0 / fanIn), random);
    }

    /// <summary>He/Kaiming normal: N(0, 2 / fan_in), one <see cref="SeededRandom.NextGaussian"/> per value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
    public static void HeNormal<T>(Span<T> values, int fanIn, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPositive(fanIn, nameof(fanIn));
        FillNormal(values, Math.Sqrt(2.0 / fanIn), random);
    }

    /// <summary>LeCun normal: N(0, 1 / fan_in), one <see cref="SeededRandom.NextGaussian"/> per value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
    public static void LeCunNormal<T>(Span<T> values, int fanIn, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPositive(fanIn, nameof(fanIn));
        FillNormal(values, Math.Sqrt(1.0 / fanIn), random);
    }

    /// <summary>PyTorch's <c>nn.Linear</c> default: U(±1/√fan_in), one <see cref="SeededRandom.NextDouble"/> per value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is not positive.</exception>
    public static void LegacyUniform<T>(Span<T> values, int fanIn, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPositive(fanIn, nameof(fanIn));
        FillUniform(values, 1.0 / Math.Sqrt(fanIn), random);
    }

    /// <summary>N(0, 1), one <see cref="SeededRandom.NextGaussian"/> per value.</summary>
    public static void StandardNormal<T>(Span<T> values, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T> =>
        FillNormal(values, 1.0, random);

    /// <summary>Every value <paramref name="value"/> (rounded to <typeparamref name="T"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static void Constant<T>(Span<T> values, double value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckFinite(value, nameof(value));
        values.Fill(T.CreateTruncating(value));
    }

    /// <summary>N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²): <c>mean + standardDeviation·g</c>, one <see cref="SeededRandom.NextGaussian"/> g per value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite, or <paramref name="standardDeviation"/> is negative or not finite.</exception>
    public static void Normal<T>(Span<T> values, double mean, double standardDeviation, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckFinite(mean, nameof(mean));
        CheckStandardDeviation(standardDeviation);
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(mean + standardDeviation * random.NextGaussian());
        }
    }

    /// <summary>
    /// U(<paramref name="minimum"/>, <paramref name="maximum"/>): <c>minimum + (maximum − minimum)·u</c>, one <see cref="SeededRandom.NextDouble"/>
    /// u ∈ [0, 1) per value (the maximum itself only by rounding).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="maximum"/> does not exceed <paramref name="minimum"/>.</exception>
    public static void Uniform<T>(Span<T> values, double minimum, double maximum, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckFinite(minimum, nameof(minimum));
        CheckFinite(maximum, nameof(maximum));
        if (!(maximum > minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"The maximum must exceed the minimum, {minimum}; it is {maximum}.");
        }
        ArgumentNullException.ThrowIfNull(random);
        double width = maximum - minimum;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(minimum + width * random.NextDouble());
        }
    }

    /// <summary>
    /// PyTorch's initialization of every parameter of <c>nn.RNN</c>, <c>nn.LSTM</c> and <c>nn.GRU</c>: U(±1/√<paramref name="units"/>),
    /// <paramref name="units"/> being the hidden size.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    public static void HiddenSizeUniform<T>(Span<T> values, int units, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        double bound = 1 / Math.Sqrt(units);
        Uniform(values, -bound, bound, random);
    }

    /// <summary>
    /// Chrono initialization of an LSTM's gate biases (Tallec &amp; Ollivier 2018, arXiv 1804.11188): each unit's forget-gate
    /// bias is <c>log u</c> with u ~ U[1, <paramref name="maxDependency"/> − 1] (one <see cref="SeededRandom.NextDouble"/> per
    /// unit), and its input-gate bias the opposite, so that the cell's memory spans time scales up to the longest dependency.
    /// </summary>
    /// <exception cref="ArgumentException">The two spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDependency"/> is below 3 (U[1, T_max − 1] needs T_max − 1 &gt; 1).</exception>
    public static void Chrono<T>(Span<T> inputGateBiases, Span<T> forgetGateBiases, int maxDependency, SeededRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inputGateBiases.Length != forgetGateBiases.Length)
        {
            throw new ArgumentException(
                $"The input gate has {inputGateBiases.Length} biases and the forget gate {forgetGateBiases.Length}; they must have one per unit each.",
                nameof(forgetGateBiases));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDependency, 3);
        ArgumentNullException.ThrowIfNull(random);
        for (int j = 0; j < forgetGateBiases.Length; j++)
        {
            double bias = Math.Log(1 + (maxDependency - 2) * random.NextDouble());
            forgetGateBiases[j] = T.CreateTruncating(bias);
            inputGateBiases[j] = T.CreateTruncating(-bias);
        }
    }

    /// <summary>
    /// Keras's <c>TruncatedNormal</c>: N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²) with the values more than two
    /// standard deviations from the mean drawn again. Each value draws <see cref="SeededRandom.NextGaussian"/> g until |g| ≤ 2 (4.6 % of
    /// draws are rejected) and is <c>mean + standardDeviation·g</c>. Its variance is 0.7737413·standardDeviation².
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite, or <paramref name="standardDeviation"/> is negative or not finite.</exception>
    public static void TruncatedNormal<T>(Span<T> values, double mean, double standardDeviation, SeededRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckFinite(mean, nameof(mean));
        CheckStandardDeviation(standardDeviation);
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < values.Length; i++)
        {
            double g;
            do
            {
                g = random.NextGaussian();
            }
            while (Math.Abs(g) > 2.0);
            values[i] = T.CreateTruncating(mean + standardDeviation * g);
        }
    }

    /// <summary>
    /// Keras's <c>VarianceScaling</c>: values of mean 0 and variance <c>scale / n</c>, n = fan_in, fan_out or (fan_in + fan_out) / 2 by
    /// <paramref name="mode"/>. <see cref="InitDistribution.TruncatedNormal"/> draws as <see cref="TruncatedNormal"/> with the standard
    /// deviation √(scale / n) / 0.87962566103423978 (so that the truncated variance is scale / n); <see cref="InitDistribution.Normal"/>
    /// as <see cref="Normal"/> with √(scale / n); <see cref="InitDistribution.Uniform"/> U(±√(3·scale / n)) as <see cref="GlorotUniform"/> does.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scale"/> is not positive and finite, a fan is not positive, or <paramref name="mode"/> or <paramref name="distribution"/> is not defined.
    /// </exception>
    public static void VarianceScaling<T>(
        Span<T> values, double scale, FanMode mode, InitDistribution distribution, int fanIn, int fanOut, SeededRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double variance = VarianceScalingVariance(scale, mode, fanIn, fanOut);
        switch (distribution)
        {
            case InitDistribution.TruncatedNormal:
                TruncatedNormal(values, 0.0, Math.Sqrt(variance) / TruncatedStandardDeviation, random);
                break;
            case InitDistribution.Normal:
                Normal(values, 0.0, Math.Sqrt(variance), random);
                break;
            case InitDistribution.Uniform:
                ArgumentNullException.ThrowIfNull(random);
                FillUniform(values, Math.Sqrt(3.0 * variance), random);
                break;
            default:
                throw new ArgumentOutOfRangeException(
                    nameof(distribution), distribution, $"Unknown distribution {distribution}; expected one of {string.Join(", ", Enum.GetNames<InitDistribution>())}.");
        }
    }

    /// <summary>
    /// A random orthogonal matrix times <paramref name="gain"/>, row-major [<paramref name="rows"/>, <paramref name="columns"/>], as
    /// Keras's <c>Orthogonal</c> and PyTorch's <c>orthogonal_</c>: a matrix A of shape [max, min] of the two is drawn, row after row,
    /// one <see cref="SeededRandom.NextGaussian"/> per entry; its QR decomposition A = QR (Householder, in <see cref="double"/>) gives Q
    /// [max, min] with orthonormal columns, each column multiplied by the sign of R's diagonal entry (so that the result is
    /// distributed uniformly, Haar); the values are Q when <paramref name="rows"/> ≥ <paramref name="columns"/> (orthonormal columns),
    /// Qᵀ otherwise (orthonormal rows), times <paramref name="gain"/>. The arithmetic is done in a fixed order, so the same seed gives
    /// the same bits on every machine. Allocates two [max, min] matrices of doubles and takes O(max·min²) time:
    /// about a second for 1,000 × 1,000 and five for 2,000 × 2,000 on one core.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or <paramref name="gain"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold rows·columns values.</exception>
    public static void Orthogonal<T>(Span<T> values, int rows, int columns, double gain, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMatrix(values.Length, rows, columns, gain);
        ArgumentNullException.ThrowIfNull(random);
        int m = Math.Max(rows, columns);
        int k = Math.Min(rows, columns);
        // a holds A column after column (each column contiguous: Householder works on columns), drawn in A's row-major order.
        var a = new double[(long)m * k];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < k; j++)
            {
                a[(long)j * m + i] = random.NextGaussian();
            }
        }
        double[] q = OrthonormalFactor(a, m, k);
        for (int j = 0; j < k; j++)
        {
            Span<double> column = q.AsSpan(j * m, m);
            for (int i = 0; i < m; i++)
            {
                // rows ≥ columns: W[i, j] = Q[i, j]; rows < columns: W[j, i] = Q[i, j], row j of W is column j of Q.
                values[rows >= columns ? i * columns + j : j * columns + i] = T.CreateTruncating(gain * column[i]);
            }
        }
    }

    /// <summary>
    /// Delta-orthogonal initialization of a convolution's weights <c>[outputChannels, inputChannels, kernelHeight,
    /// kernelWidth]</c> (Xiao et al. 2018, "Dynamical isometry and a mean field theory of CNNs"): zero everywhere but the
    /// kernel's centre, where the <c>[outputChannels, inputChannels]</c> matrix is a random orthogonal one times
    /// <paramref name="gain"/> (its rows orthonormal when there are no more of them than columns, else its columns), drawn
    /// by <see cref="Orthogonal"/>. The centre of an even size is the second of its two middle taps (<c>k / 2</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="gain"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold outputChannels·inputChannels·kernelHeight·kernelWidth values.</exception>
    public static void DeltaOrthogonal<T>(
        Span<T> values, int outputChannels, int inputChannels, int kernelHeight, int kernelWidth, double gain, SeededRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPositive(kernelHeight, nameof(kernelHeight));
        CheckPositive(kernelWidth, nameof(kernelWidth));
        CheckPositive(outputChannels, nameof(outputChannels));
        CheckPositive(inputChannels, nameof(inputChannels));
        int taps = kernelHeight * kernelWidth;
        if ((long)outputChannels * inputChannels * taps != values.Length)
        {
            throw new ArgumentException(
                $"A [{outputChannels}, {inputChannels}, {kernelHeight}, {kernelWidth}] kernel holds {(long)outputChannels * inputChannels * taps} values; the span holds {values.Length}.",
                nameof(values));
        }
        var centre = new T[outputChannels * inputChannels];
        Orthogonal<T>(centre, outputChannels, inputChannels, gain, random);
        values.Clear();
        // The centre tap, (kernelHeight / 2, kernelWidth / 2): for an even size the second of the two middle ones (k // 2).
        int tap = kernelHeight / 2 * kernelWidth + kernelWidth / 2;
        for (int i = 0; i < centre.Length; i++)
        {
            values[i * taps + tap] = centre[i];
        }
    }

    /// <summary>
    /// The identity matrix times <paramref name="gain"/>, row-major [<paramref name="rows"/>, <paramref name="columns"/>]: <paramref name="gain"/>
    /// where the row index equals the column index, 0 elsewhere (ones on the main diagonal of a non-square matrix, as Keras and PyTorch).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or <paramref name="gain"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold rows·columns values.</exception>
    public static void Identity<T>(Span<T> values, int rows, int columns, double gain) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMatrix(values.Length, rows, columns, gain);
        values.Clear();
        T diagonal = T.CreateTruncating(gain);
        for (int i = 0; i < Math.Min(rows, columns); i++)
        {
            values[i * columns + i] = diagonal;
        }
    }

    /// <summary>
    /// The variance of one value drawn by <paramref name="init"/>, for the schemes <see cref="Fill"/> takes: 0 for <see cref="Init.Zeros"/>
    /// and <see cref="Init.Constant"/>, which draw nothing.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="init"/> has parameters of its own (<see cref="Init.Normal"/> ... <see cref="Init.Identity"/>): call the overload that takes them.
    /// </exception>
    public static double Variance(Init init, int fanIn, int fanOut) => init switch
    {
        Init.GlorotUniform or Init.GlorotNormal => 2.0 / (fanIn + fanOut),
        Init.HeUniform or Init.HeNormal => 2.0 / fanIn,
        Init.LeCunNormal => 1.0 / fanIn,
        Init.LegacyUniform => 1.0 / (3.0 * fanIn),
        Init.StandardNormal => 1.0,
        Init.Zeros or Init.Constant => 0.0,
        Init.Normal or Init.Uniform or Init.TruncatedNormal or Init.VarianceScaling or Init.Orthogonal or Init.Identity => throw new ArgumentException(
            $"The variance of Init.{init} depends on its parameters: call Variance(init, fanIn, fanOut, standardDeviation, minimum, maximum, scale, mode, gain).",
            nameof(init)),
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, $"Unknown initializer {init}; expected one of {string.Join(", ", Enum.GetNames<Init>())}."),
    };

    /// <summary>
    /// The variance of one value drawn by <paramref name="init"/> with the given parameters (those a scheme does not use are ignored):
    /// <see cref="Init.Normal"/> σ², <see cref="Init.TruncatedNormal"/> 0.7737413·σ², <see cref="Init.Uniform"/> (maximum − minimum)² / 12,
    /// <see cref="Init.VarianceScaling"/> scale / n whatever the distribution, <see cref="Init.Orthogonal"/> gain² / max(fan_in, fan_out)
    /// (the entries of a uniformly random matrix with orthonormal rows or columns, [fan_out, fan_in]); 0 for the deterministic
    /// <see cref="Init.Zeros"/>, <see cref="Init.Constant"/> and <see cref="Init.Identity"/>; the others as <see cref="Variance(Init, int, int)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="init"/> or <paramref name="mode"/> is not defined, or a fan is not positive (for <see cref="Init.VarianceScaling"/>).</exception>
    public static double Variance(
        Init init, int fanIn, int fanOut, double standardDeviation, double minimum, double maximum, double scale, FanMode mode, double gain) => init switch
    {
        Init.Normal => standardDeviation * standardDeviation,
        Init.TruncatedNormal => TruncatedVariance * standardDeviation * standardDeviation,
        Init.Uniform => (maximum - minimum) * (maximum - minimum) / 12.0,
        Init.VarianceScaling => VarianceScalingVariance(scale, mode, fanIn, fanOut),
        Init.Orthogonal => gain * gain / Math.Max(fanIn, fanOut),
        Init.Identity => 0.0,
        _ => Variance(init, fanIn, fanOut),
    };

    /// <summary>
    /// The mean of one value drawn by <paramref name="init"/> with the given parameters: <paramref name="constant"/> for <see cref="Init.Constant"/>,
    /// <paramref name="mean"/> for <see cref="Init.Normal"/> and <see cref="Init.TruncatedNormal"/> (symmetric truncation keeps it),
    /// (minimum + maximum) / 2 for <see cref="Init.Uniform"/>, 0 for the others (<see cref="Init.Identity"/>: the matrix, not a draw).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="init"/> is not defined.</exception>
    public static double Mean(Init init, double constant, double mean, double minimum, double maximum) => init switch
    {
        Init.Constant => constant,
        Init.Normal or Init.TruncatedNormal => mean,
        Init.Uniform => (minimum + maximum) / 2.0,
        _ when Enum.IsDefined(init) => 0.0,
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, $"Unknown initializer {init}; expected one of {string.Join(", ", Enum.GetNames<Init>())}."),
    };

    private static void FillUniform<T>(Span<T> values, double limit, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating((2 * random.NextDouble() - 1) * limit);
        }
    }

    private static void FillNormal<T>(Span<T> values, double standardDeviation, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(random.NextGaussian() * standardDeviation);
        }
    }

    /// <summary>scale / n for <see cref="VarianceScaling"/>, its arguments checked.</summary>
    private static double VarianceScalingVariance(double scale, FanMode mode, int fanIn, int fanOut)
    {
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale must be positive and finite; it is {scale}.");
        }
        CheckFans(fanIn, fanOut);
        double n = mode switch
        {
            FanMode.FanIn => fanIn,
            FanMode.FanOut => fanOut,
            FanMode.FanAverage => (fanIn + (double)fanOut) / 2.0,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Unknown fan mode {mode}; expected one of {string.Join(", ", Enum.GetNames<FanMode>())}."),
        };
        return scale / n;
    }

    /// <summary>
    /// The Q of A = QR for A [m, k], m ≥ k, column-major in <paramref name="a"/> (overwritten by the Householder vectors), with each
    /// column multiplied by the sign of R's diagonal entry (+1 for a 0 entry): column-major [m, k]. The reflectors are applied a
    /// panel of <see cref="Panel"/> at a time to each column, which reads the matrix once per panel rather than once per reflector;
    /// every column still gets the reflectors one by one in the same order, so the bits are those of the unblocked algorithm.
    /// </summary>
    private static double[] OrthonormalFactor(double[] a, int m, int k)
    {
        var beta = new double[k];
        var sign = new double[k];
        for (int j0 = 0; j0 < k; j0 += Panel)
        {
            int end = Math.Min(j0 + Panel, k);
            for (int j = j0; j < end; j++)
            {
                Span<double> x = a.AsSpan(j * m + j, m - j);
                double norm = Math.Sqrt(Dot(x, x));
                // H = I − β·v·vᵀ maps x to (α, 0, ...), α = −sign(x₀)·‖x‖ (no cancellation in v₀ = x₀ − α); R's diagonal entry is α.
                double alpha = x[0] >= 0 ? -norm : norm;
                sign[j] = alpha < 0 ? -1.0 : 1.0;
                x[0] -= alpha;
                double vv = Dot(x, x);
                beta[j] = vv > 0 ? 2.0 / vv : 0.0;
                for (int c = j + 1; c < end; c++)
                {
                    Reflect(a, m, j, beta[j], a, c);
                }
            }
            for (int c = end; c < k; c++)
            {
                for (int j = j0; j < end; j++)
                {
                    Reflect(a, m, j, beta[j], a, c);
                }
            }
        }
        // Q = H₀·H₁·…·H_{k−1}·[I; 0]: column c is H₀·…·H_c·e_c (the later reflectors leave e_c alone), applied from H_c down.
        var q = new double[(long)m * k];
        for (int j = 0; j < k; j++)
        {
            q[(long)j * m + j] = 1.0;
        }
        for (int end = k; end > 0; end -= Panel)
        {
            int j0 = Math.Max(0, end - Panel);
            for (int c = j0; c < k; c++)
            {
                for (int j = Math.Min(end - 1, c); j >= j0; j--)
                {
                    Reflect(a, m, j, beta[j], q, c);
                }
            }
        }
        for (int j = 0; j < k; j++)
        {
            if (sign[j] < 0)
            {
                foreach (ref double value in q.AsSpan(j * m, m))
                {
                    value = -value;
                }
            }
        }
        return q;
    }

    /// <summary>The reflectors a panel of <see cref="OrthonormalFactor"/> applies together: 32 vectors of a 1,000-row matrix fit in a 256 KB cache.</summary>
    private const int Panel = 32;

    /// <summary>Applies reflector <paramref name="j"/> (its vector in rows j.. of column j of <paramref name="v"/>) to rows j.. of column <paramref name="c"/> of <paramref name="y"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reflect(double[] v, int m, int j, double beta, double[] y, int c)
    {
        ReadOnlySpan<double> reflector = v.AsSpan(j * m + j, m - j);
        Span<double> column = y.AsSpan(c * m + j, m - j);
        SubtractScaled(column, beta * Dot(reflector, column), reflector);
    }

    /// <summary>x·y summed in a fixed order (eight partial sums in four 128-bit vectors, then the tail), the same bits on every machine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ref double x0 = ref MemoryMarshal.GetReference(x);
        ref double y0 = ref MemoryMarshal.GetReference(y);
        Vector128<double> s0 = default, s1 = default, s2 = default, s3 = default;
        int i = 0;
        for (; i <= x.Length - 8; i += 8)
        {
            s0 += Vector128.LoadUnsafe(ref x0, (nuint)i) * Vector128.LoadUnsafe(ref y0, (nuint)i);
            s1 += Vector128.LoadUnsafe(ref x0, (nuint)i + 2) * Vector128.LoadUnsafe(ref y0, (nuint)i + 2);
            s2 += Vector128.LoadUnsafe(ref x0, (nuint)i + 4) * Vector128.LoadUnsafe(ref y0, (nuint)i + 4);
            s3 += Vector128.LoadUnsafe(ref x0, (nuint)i + 6) * Vector128.LoadUnsafe(ref y0, (nuint)i + 6);
        }
        Vector128<double> s = (s0 + s1) + (s2 + s3);
        double sum = s.GetElement(0) + s.GetElement(1);
        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /// <summary>y −= factor·v, element by element (a product then a difference, never fused, so the same bits on every machine).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SubtractScaled(Span<double> y, double factor, ReadOnlySpan<double> v)
    {
        ref double y0 = ref MemoryMarshal.GetReference(y);
        ref double v0 = ref MemoryMarshal.GetReference(v);
        Vector128<double> f = Vector128.Create(factor);
        int i = 0;
        for (; i <= y.Length - 2; i += 2)
        {
            (Vector128.LoadUnsafe(ref y0, (nuint)i) - f * Vector128.LoadUnsafe(ref v0, (nuint)i)).StoreUnsafe(ref y0, (nuint)i);
        }
        for (; i < y.Length; i++)
        {
            y[i] -= factor * v[i];
        }
    }

    private static ArgumentException NeedsParameters(Init init, string what, string call) => new(
        $"Init.{init} needs {what}, which Fill does not take: call Initializers.{call} instead.", nameof(init));

    private static void CheckPositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The {name} must be positive; it is {value}.");
        }
    }

    private static void CheckFans(int fanIn, int fanOut)
    {
        CheckPositive(fanIn, nameof(fanIn));
        CheckPositive(fanOut, nameof(fanOut));
    }

    private static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The {name} must be a finite number; it is {value}.");
        }
    }

    private static void CheckStandardDeviation(double standardDeviation)
    {
        if (!(standardDeviation >= 0) || !double.IsFinite(standardDeviation))
        {
            throw new ArgumentOutOfRangeException(
                nameof(standardDeviation), standardDeviation, $"The standard deviation must be finite and at least 0; it is {standardDeviation}.");
        }
    }

    private static void CheckMatrix(int length, int rows, int columns, double gain)
    {
        CheckPositive(rows, nameof(rows));
        CheckPositive(columns, nameof(columns));
        CheckFinite(gain, nameof(gain));
        if ((long)rows * columns != length)
        {
            throw new ArgumentException($"A [{rows}, {columns}] matrix holds {(long)rows * columns} values; the span holds {length}.", "values");
        }
    }
}
