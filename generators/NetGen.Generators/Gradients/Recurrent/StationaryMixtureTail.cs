using System;
using System.Collections.Immutable;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// The tail of a linear recursion x_k = M·x_{k−1} read off as ratio_k = √x_k[0] (chrono's stationary mixture over unit
/// classes: x = (∂L/∂h mean square, ∂L/∂c mean square per class)), at lags spread evenly in log from the last computed one
/// to T − 1, by powers M^(2^j): O(n³·log T) whatever T. A mixture of rates is not geometric (the slowest classes take
/// over), so the knots follow it where one rate would not.
/// </summary>
internal static class StationaryMixtureTail
{
    private const int Knots = 48;

    /// <summary>The knots beyond <paramref name="lastLag"/> for the recursion <paramref name="map"/> from <paramref name="start"/> (lag 0).</summary>
    public static KnotTail Of(double[][] map, double[] start, int lastLag, int sequenceLength)
    {
        var lags = ImmutableArray.CreateBuilder<int>();
        for (int i = 1; i <= Knots; i++)
        {
            int lag = i == Knots ? sequenceLength - 1 : (int)Math.Round(lastLag * Math.Pow((sequenceLength - 1.0) / lastLag, (double)i / Knots));
            if (lag > lastLag && (lags.Count == 0 || lag > lags[lags.Count - 1]))
            {
                lags.Add(lag);
            }
        }
        var powers = new System.Collections.Generic.List<double[][]> { map };
        while ((1L << powers.Count) <= sequenceLength)
        {
            powers.Add(Square(powers[powers.Count - 1]));
        }
        var ratios = ImmutableArray.CreateBuilder<double>(lags.Count);
        double[] state = start;
        int at = 0;
        foreach (int lag in lags)
        {
            for (int bit = 0, remaining = lag - at; remaining > 0; bit++, remaining >>= 1)
            {
                if ((remaining & 1) != 0)
                {
                    state = Apply(powers[bit], state);
                }
            }
            at = lag;
            ratios.Add(Math.Sqrt(Math.Max(0, state[0])));
        }
        return new KnotTail(lags.ToImmutable(), ratios.MoveToImmutable());
    }

    private static double[][] Square(double[][] m)
    {
        int n = m.Length;
        var product = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var row = new double[n];
            for (int k = 0; k < n; k++)
            {
                double a = m[i][k];
                if (a == 0)
                {
                    continue;
                }
                double[] other = m[k];
                for (int j = 0; j < n; j++)
                {
                    row[j] += a * other[j];
                }
            }
            product[i] = row;
        }
        return product;
    }

    private static double[] Apply(double[][] m, double[] x)
    {
        var y = new double[x.Length];
        for (int i = 0; i < m.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < x.Length; j++)
            {
                sum += m[i][j] * x[j];
            }
            y[i] = sum;
        }
        return y;
    }
}
