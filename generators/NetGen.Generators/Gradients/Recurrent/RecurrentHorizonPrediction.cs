using System.Collections.Immutable;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>The predicted reach of a recurrent layer's gradient back in time, at initialization.</summary>
/// <param name="Ratios">
/// For every lag k = 0..T−1: the root mean square per unit of ∂L/∂h_{T−k} over that of ∂L/∂h_T, for a loss on the last
/// step of a sequence of T steps run from a zero state (1 at k = 0).
/// </param>
/// <param name="MemoryHorizon">
/// The e-fold memory horizon in steps: over how many steps the gradient's root mean square falls by a factor e once
/// the state is stationary (an infinitely long past), counted from lag 1 (the first step back of a gated cell includes
/// a one-time change of path, out of h into the cell and back through the gates). <see cref="double.PositiveInfinity"/>
/// when it never falls by e (a critical or exploding recurrence). For an identity ReLU recurrence, which has no
/// stationary state, the e-fold lag of <paramref name="Ratios"/> (about 0.95·T), or infinity if they stay above 1/e.
/// </param>
/// <param name="StepFactorSquared">
/// The stationary per-step factor of the gradient's mean square along the cell's main path: χ = s_rec²·E[φ'(z)²] for a
/// SimpleRNN, the average over units of E[f²] for an LSTM's cell path, χ for a GRU (update gate and candidate
/// together): the mean-field factors, which the tied weights' coherence makes decay faster than the gated cells'
/// <paramref name="Ratios"/> and <paramref name="MemoryHorizon"/> do (<see cref="CoherentRenewal"/>);
/// <see cref="double.NaN"/> for an identity ReLU recurrence.
/// </param>
internal sealed record RecurrentHorizonPrediction(ImmutableArray<double> Ratios, double MemoryHorizon, double StepFactorSquared)
{
    /// <summary>The sequence length the ratios cover.</summary>
    public int SequenceLength => Ratios.Length;
}
