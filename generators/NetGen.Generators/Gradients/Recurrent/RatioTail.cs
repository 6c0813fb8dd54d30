using System;
using System.Collections.Immutable;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>How a long sequence's ratios continue beyond the lags computed one by one (<see cref="RecurrentHorizonPrediction.MaxComputedLags"/>).</summary>
internal abstract record RatioTail
{
    /// <summary>
    /// The ratio at <paramref name="lag"/> of a sequence of <paramref name="sequenceLength"/> steps, beyond the last
    /// computed lag <paramref name="lastLag"/> whose ratio is <paramref name="lastRatio"/>.
    /// </summary>
    public abstract double Ratio(int lag, int sequenceLength, int lastLag, double lastRatio);
}

/// <summary>
/// Ratios at a few lags (knots, increasing, the last T − 1), interpolated in log between them and from the last computed
/// lag: one knot is a geometric decay at a constant rate; more follow a mixture of rates (chrono's unit classes).
/// </summary>
/// <param name="Lags">The knots' lags.</param>
/// <param name="Ratios">The ratios there.</param>
internal sealed record KnotTail(ImmutableArray<int> Lags, ImmutableArray<double> Ratios) : RatioTail
{
    /// <summary>The decay by <paramref name="factor"/> per lag from the last computed one to T − 1.</summary>
    public static KnotTail Geometric(int sequenceLength, int lastLag, double lastRatio, double factor)
    {
        double last = lastRatio == 0 || factor == 0 ? 0 : Math.Exp(Math.Log(lastRatio) + (sequenceLength - 1.0 - lastLag) * Math.Log(factor));
        return new KnotTail(ImmutableArray.Create(sequenceLength - 1), ImmutableArray.Create(double.IsNaN(last) ? 0 : last));
    }

    /// <inheritdoc/>
    public override double Ratio(int lag, int sequenceLength, int lastLag, double lastRatio)
    {
        int index = Lags.BinarySearch(lag);
        if (index >= 0)
        {
            return Ratios[index];
        }
        index = ~index;
        (int fromLag, double from) = index == 0 ? (lastLag, lastRatio) : (Lags[index - 1], Ratios[index - 1]);
        (int toLag, double to) = (Lags[index], Ratios[index]);
        if (!(from > 0 && to > 0) || double.IsInfinity(from) || double.IsInfinity(to))
        {
            return to; // underflowed or overflowed on the way
        }
        double t = (lag - (double)fromLag) / (toLag - fromLag);
        return Math.Exp((1 - t) * Math.Log(from) + t * Math.Log(to));
    }
}

/// <summary>
/// An identity ReLU recurrence's arcsine law (<see cref="IdentityReluWalk"/>): ratio² = (2/π)·arcsin √((T − k + 4/π − ½)/(T + ¾)),
/// the continuous law with offsets fitted to the discrete one beyond lag 1024 (within 0.11 % there, for T from 2000 to 20000).
/// </summary>
internal sealed record ArcsineTail : RatioTail
{
    /// <inheritdoc/>
    public override double Ratio(int lag, int sequenceLength, int lastLag, double lastRatio) =>
        Math.Sqrt(2 / Math.PI * Math.Asin(Math.Sqrt((sequenceLength - (double)lag + 4 / Math.PI - 0.5) / (sequenceLength + 0.75))));
}
