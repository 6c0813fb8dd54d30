using System;
using ScottPlot;

namespace NetGen.Reporting;

/// <summary>The argument checks and the PNG output the plots share.</summary>
internal static class PlotFile
{
    /// <summary>Throws unless <paramref name="pngPath"/> names a file and the size is positive.</summary>
    public static void CheckArguments(string pngPath, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pngPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
    }

    public static void Save(Plot plot, string pngPath, int width, int height) => plot.SavePng(pngPath, width, height);

    /// <summary>The points whose y is finite: NaN or infinite values (a diverged loss, a zero norm's logarithm) have no place on an axis.</summary>
    public static (double[] Xs, double[] Ys) FinitePoints(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        int count = 0;
        foreach (double y in ys)
        {
            count += double.IsFinite(y) ? 1 : 0;
        }
        var keptXs = new double[count];
        var keptYs = new double[count];
        for (int i = 0, k = 0; i < ys.Length; i++)
        {
            if (double.IsFinite(ys[i]))
            {
                (keptXs[k], keptYs[k]) = (xs[i], ys[i]);
                k++;
            }
        }
        return (keptXs, keptYs);
    }
}
