using System;
using System.Collections.Immutable;
using System.Globalization;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>The predicted reach of a recurrent layer's gradient back in time, at initialization.</summary>
/// <param name="SequenceLength">T, the steps the layer runs: lags 0..T−1.</param>
/// <param name="Ratios">
/// For lags k = 0..n−1, n = min(T, <see cref="MaxComputedLags"/>): the root mean square per unit of ∂L/∂h_{T−k} over that
/// of ∂L/∂h_T, for a loss on the last step of a sequence of T steps run from a zero state (1 at k = 0).
/// <see cref="Ratio"/> extends them to every lag.
/// </param>
/// <param name="Tail">
/// When T &gt; <see cref="MaxComputedLags"/>: how the ratios continue beyond the computed ones (see <see cref="Ratio"/>);
/// null when <paramref name="Ratios"/> cover every lag.
/// </param>
/// <param name="MemoryHorizon">
/// The e-fold memory horizon in steps: over how many steps the gradient's root mean square falls by a factor e once
/// the state is stationary (an infinitely long past), counted from lag 1 (the first step back of a gated cell includes
/// a one-time change of path, out of h into the cell and back through the gates). <see cref="double.PositiveInfinity"/>
/// when it never falls by e (a critical or exploding recurrence). For an identity ReLU recurrence, which has no
/// stationary state, the e-fold lag of the ratios (about 0.95·T), or infinity if they stay above 1/e.
/// </param>
/// <param name="StepFactorSquared">
/// The stationary per-step factor of the gradient's mean square along the cell's main path: χ = s_rec²·E[φ'(z)²] for a
/// SimpleRNN, the average over units of E[f²] for an LSTM's cell path, χ for a GRU (update gate and candidate
/// together): the mean-field factors, which the tied weights' coherence makes decay faster than the gated cells'
/// ratios and <paramref name="MemoryHorizon"/> do (<see cref="CoherentRenewal"/>); <see cref="double.NaN"/> for an
/// identity ReLU recurrence.
/// </param>
internal sealed record RecurrentHorizonPrediction(int SequenceLength, ImmutableArray<double> Ratios, RatioTail? Tail, double MemoryHorizon, double StepFactorSquared)
{
    /// <summary>
    /// The lags computed one by one, so that a prediction costs a bounded time whatever T (tens of milliseconds at most).
    /// Up to this T the ratios are the model's at every lag.
    /// </summary>
    public const int MaxComputedLags = 1024;

    /// <summary>
    /// The ratio at lag <paramref name="lag"/>: <see cref="Ratios"/>[lag] where computed, <see cref="Tail"/> beyond. For
    /// T &gt; <see cref="MaxComputedLags"/> the computed lags are those of the stationary state (the last steps of a long
    /// sequence), continued at the stationary state's rates (<see cref="KnotTail"/>), which leaves out the sequence's first
    /// steps from the zero state (a bounded factor, from the steps before the state settles); an identity ReLU recurrence,
    /// which has no stationary state, continues by its arcsine law (<see cref="ArcsineTail"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lag"/> is negative or not below <see cref="SequenceLength"/>.</exception>
    public double Ratio(int lag)
    {
        if (lag < 0 || lag >= SequenceLength)
        {
            throw new ArgumentOutOfRangeException(nameof(lag), lag, string.Format(CultureInfo.InvariantCulture,
                "Expected a lag from 0 to T − 1 = {0}, got {1}.", SequenceLength - 1, lag));
        }
        return lag < Ratios.Length || Tail is null ? Ratios[lag] : Tail.Ratio(lag, SequenceLength, Ratios.Length - 1, Ratios[Ratios.Length - 1]);
    }

    /// <summary>The ratio at the first step of the sequence, lag T − 1: how much of the last step's gradient reaches the start.</summary>
    public double FirstStepRatio => Ratio(SequenceLength - 1);

    /// <summary>
    /// A prediction whose <paramref name="ratios"/> are either every lag or the stationary state's first ones, continued
    /// geometrically at their last rate.
    /// </summary>
    public static RecurrentHorizonPrediction Extended(int sequenceLength, ImmutableArray<double> ratios, double memoryHorizon, double stepFactorSquared) =>
        new(sequenceLength, ratios, ratios.Length < sequenceLength ? KnotTail.Geometric(sequenceLength, ratios.Length - 1, ratios[ratios.Length - 1], LastFactor(ratios)) : null,
            memoryHorizon, stepFactorSquared);

    private static double LastFactor(ImmutableArray<double> ratios)
    {
        if (ratios.Length < 2)
        {
            return 1;
        }
        double before = ratios[ratios.Length - 2], last = ratios[ratios.Length - 1];
        return before > 0 && !double.IsInfinity(before) ? last / before : 0;
    }
}
