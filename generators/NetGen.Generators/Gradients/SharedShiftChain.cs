using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The gradient profile of a stack of dense layers whose weights have a non-zero mean, sample by sample of the shift
/// that all units of a sample share. Weights of mean E[w] add s = E[w]·Σx to every unit of a sample; through tanh or
/// sigmoid s is driven toward the limits, and a sample's squared gradient is the product of its own gains, layer after
/// layer: the samples that stay unsaturated carry the gradient, which a per-layer average over samples does not see.
/// </summary>
/// <remarks>
/// Given a sample's shift s at one layer, its units' pre-activations are s + ε, ε ~ N(0, v) the spread over units
/// (offsets and independent parts): the next layer's shift is normal, of mean fan_in·E[w]·E_ε[f(s + ε)] + E[b] and
/// variance fan_in·E[w]²·Var_ε(f(s + ε)) (the units' mean is an average over fan_in of them), and the next spread is
/// fan_in·Var(w)·E_ε[f²] + Var(b), taken at each shift as its mean over the shifts that lead there. The shift's
/// distribution is carried on a grid (a Markov chain, each cell's mass spread over the cell), and the gradient backward
/// as its conditional mean given the shift: E[g_l | s_l] = gain_l(s_l)·E[g_(l+1) | s_l], so that a sample's gains
/// multiply before they are averaged. With mean-zero weights the shift is 0 and the per-layer model applies as it is.
/// </remarks>
internal static class SharedShiftChain
{
    private const int Cells = 161;
    private const double Reach = 6;

    /// <summary>Deeper stacks keep the per-layer model: the grid's cost grows with the depth.</summary>
    private const int MaxLayers = 64;

    /// <summary>Whether the network is a stack of dense layers of which one has weights of non-zero mean.</summary>
    public static bool Applies(NetworkModel network) =>
        network.Layers.Count <= MaxLayers
        && network.Layers.All(layer => layer is DenseLayer { WeightInit: not MatrixInitializer })
        && network.Layers.Take(network.Layers.Count - 1).All(layer => layer.MeanFieldActivation.Kind != ActivationKind.Softmax)
        && (network.OutputLayer.MeanFieldActivation.Kind != ActivationKind.Softmax || network.Loss == LossKind.SoftmaxCrossEntropy)
        && network.Layers.Cast<DenseLayer>().Any(layer => layer.WeightInit.Mean(layer.Inputs, layer.Units) != 0);

    /// <summary>E[(∂loss/∂z)²] per unit and sample of each layer (index 0 unused), relative to the output layer's.</summary>
    public static double[]? PreActivationGradients(NetworkModel network)
    {
        DenseLayer[] layers = network.Layers.Cast<DenseLayer>().ToArray();
        int count = layers.Length;
        var grids = new Grid[count];
        var steps = new Step[count]; // steps[l]: from layer l's grid to layer l + 1's

        DenseLayer first = layers[0];
        (double firstWeightMean, double firstWeightVariance, double firstBiasMean, double firstBiasVariance) = Parameters(first);
        double shiftSd = Math.Abs(firstWeightMean) * Math.Sqrt(first.Inputs * network.InputMeanSquare);
        grids[0] = Grid.Normal(firstBiasMean, shiftSd, first.Inputs * firstWeightVariance * network.InputMeanSquare + firstBiasVariance);

        for (int l = 0; l < count - 1; l++)
        {
            Grid grid = grids[l];
            DenseLayer layer = layers[l], next = layers[l + 1];
            (double weightMean, double weightVariance, double biasMean, double biasVariance) = Parameters(next);
            int fanIn = next.Inputs;
            var means = new double[Cells];
            var variances = new double[Cells];
            var spreads = new double[Cells];
            for (int k = 0; k < Cells; k++)
            {
                grid.Activations[k] = ActivationMoments.Of(layer.MeanFieldActivation, grid.Centres[k], grid.Spreads[k]);
                (double m, double ms) = (grid.Activations[k].Mean, grid.Activations[k].MeanSquare);
                means[k] = fanIn * weightMean * m + biasMean;
                variances[k] = fanIn * weightMean * weightMean * Math.Max(0, ms - m * m);
                spreads[k] = fanIn * weightVariance * ms + biasVariance;
            }
            var step = new Step(means, new double[Cells]);
            double low = double.MaxValue, high = double.MinValue;
            for (int k = 0; k < Cells; k++)
            {
                int below = Math.Max(0, k - 1), above = Math.Min(Cells - 1, k + 1);
                double slope = (means[above] - means[below]) / ((above - below) * grid.Width);
                double sd = Math.Sqrt(variances[k] + slope * slope * grid.Width * grid.Width / 12);
                step.Sds[k] = sd;
                if (grid.Mass[k] > 0)
                {
                    low = Math.Min(low, means[k] - Reach * sd);
                    high = Math.Max(high, means[k] + Reach * sd);
                }
            }
            var target = Grid.Between(low, high);
            var spreadSums = new double[Cells];
            for (int k = 0; k < Cells; k++)
            {
                if (grid.Mass[k] > 0)
                {
                    double[] row = step.Row(k, target);
                    for (int j = 0; j < Cells; j++)
                    {
                        target.Mass[j] += grid.Mass[k] * row[j];
                        spreadSums[j] += grid.Mass[k] * row[j] * spreads[k];
                    }
                }
            }
            double total = target.Mass.Sum(), averageSpread = spreadSums.Sum() / total;
            for (int j = 0; j < Cells; j++)
            {
                target.Spreads[j] = target.Mass[j] > 1e-300 ? spreadSums[j] / target.Mass[j] : averageSpread;
            }
            steps[l] = step;
            grids[l + 1] = target;
        }

        var conditional = new GradientMoments[count][];
        conditional[count - 1] = [.. grids[count - 1].Centres.Select((centre, k) => GradientModel.OutputLayerGradient(network, centre, grids[count - 1].Spreads[k]))];
        for (int l = count - 2; l >= 0; l--)
        {
            DenseLayer layer = layers[l], next = layers[l + 1];
            Grid grid = grids[l], target = grids[l + 1];
            (double weightMean, double weightVariance, _, _) = Parameters(next);
            var here = new GradientMoments[Cells];
            for (int k = 0; k < Cells; k++)
            {
                if (!(grid.Mass[k] > 0))
                {
                    continue;
                }
                double[] row = steps[l].Row(k, target);
                double meanSquare = 0, common = 0;
                for (int j = 0; j < Cells; j++)
                {
                    meanSquare += row[j] * conditional[l + 1][j].MeanSquare;
                    common += row[j] * conditional[l + 1][j].CommonModeSquare;
                }
                double independent = next.Units * weightVariance * meanSquare;
                double shared = weightMean * weightMean * next.Units * (double)next.Units * common;
                var output = new GradientMoments(independent + shared, shared + independent / next.Inputs);
                ActivationMoments f = grid.Activations[k];
                here[k] = output.ThroughFactor(f.MeanDerivative, f.DerivativeMeanSquare, layer.Units);
            }
            conditional[l] = here;
        }

        var gradients = new double[count + 1];
        for (int l = 0; l < count; l++)
        {
            double sum = 0, mass = 0;
            for (int k = 0; k < Cells; k++)
            {
                if (grids[l].Mass[k] > 0)
                {
                    sum += grids[l].Mass[k] * conditional[l][k].MeanSquare;
                    mass += grids[l].Mass[k];
                }
            }
            gradients[l + 1] = sum / mass;
        }
        double output0 = gradients[count];
        if (!(output0 > 0) || double.IsInfinity(output0) || gradients.Any(g => double.IsNaN(g) || double.IsInfinity(g)))
        {
            return null;
        }
        return gradients.Select(g => g / output0).ToArray();
    }

    private static (double WeightMean, double WeightVariance, double BiasMean, double BiasVariance) Parameters(DenseLayer layer)
    {
        double weightMean = layer.WeightInit.Mean(layer.Inputs, layer.Units);
        double weightVariance = Math.Max(0, layer.WeightInit.SecondMoment(layer.Inputs, layer.Units) - weightMean * weightMean);
        return (weightMean, weightVariance, layer.BiasInit?.Mean(layer.Inputs, layer.Units) ?? 0,
            layer.BiasInit?.Variance(layer.Inputs, layer.Units) ?? 0);
    }

    /// <summary>A distribution of the shift over cells: each cell's mass, centre and the units' spread v around it.</summary>
    private sealed class Grid
    {
        private Grid(double low, double width)
        {
            Low = low;
            Width = width;
            Centres = Enumerable.Range(0, Cells).Select(k => low + (k + 0.5) * width).ToArray();
        }

        public double Low { get; }

        public double Width { get; }

        public double[] Centres { get; }

        public double[] Mass { get; } = new double[Cells];

        public double[] Spreads { get; } = new double[Cells];

        /// <summary>The layer's activation at each cell, once the next layer's grid is made.</summary>
        public ActivationMoments[] Activations { get; } = new ActivationMoments[Cells];

        public static Grid Between(double low, double high)
        {
            double margin = 1e-9 * (1 + Math.Abs(low) + Math.Abs(high));
            return new Grid(low - margin, (high - low + 2 * margin) / Cells);
        }

        public static Grid Normal(double mean, double sd, double spread)
        {
            Grid grid = Between(mean - Reach * sd, mean + Reach * sd);
            for (int k = 0; k < Cells; k++)
            {
                grid.Mass[k] = Cell(grid, k, mean, sd);
                grid.Spreads[k] = spread;
            }
            return grid;
        }

        /// <summary>The probability of cell <paramref name="k"/> under N(mean, sd²); a point mass falls in its cell.</summary>
        public static double Cell(Grid grid, int k, double mean, double sd)
        {
            double from = grid.Low + k * grid.Width, to = from + grid.Width;
            if (!(sd > 0))
            {
                return mean >= from && mean < to ? 1 : 0;
            }
            return NormalDistribution.UpperTail((from - mean) / sd) - NormalDistribution.UpperTail((to - mean) / sd);
        }
    }

    /// <summary>What the backward pass needs of an activation over the units of a sample, z ~ N(shift, spread).</summary>
    private readonly record struct ActivationMoments(double Mean, double MeanSquare, double DerivativeMeanSquare, double MeanDerivative)
    {
        public static ActivationMoments Of(ActivationFunction activation, double shift, double spread)
        {
            (double mean, double meanSquare, double derivativeMeanSquare) = NormalExpectation.Of(activation, shift, spread);
            return new ActivationMoments(mean, meanSquare, derivativeMeanSquare, ActivationStatistics.MeanDerivative(activation, shift, spread));
        }
    }

    /// <summary>The transition from one layer's shift to the next's: a normal of these means and deviations per cell.</summary>
    private sealed record Step(double[] Means, double[] Sds)
    {
        public double[] Row(int k, Grid target)
        {
            var row = new double[Cells];
            double mean = Means[k], sd = Sds[k];
            if (!(sd > 0))
            {
                int cell = (int)Math.Floor((mean - target.Low) / target.Width);
                if (cell >= 0 && cell < Cells)
                {
                    row[cell] = 1;
                }
                return row;
            }
            // Beyond 9 standard deviations a cell's probability is below 1e-19: only the cells within are computed.
            int from = Math.Max(0, (int)Math.Floor((mean - 9 * sd - target.Low) / target.Width));
            int to = Math.Min(Cells - 1, (int)Math.Floor((mean + 9 * sd - target.Low) / target.Width));
            double upper = NormalDistribution.UpperTail((target.Low + from * target.Width - mean) / sd);
            for (int j = from; j <= to; j++)
            {
                double next = NormalDistribution.UpperTail((target.Low + (j + 1) * target.Width - mean) / sd);
                row[j] = upper - next;
                upper = next;
            }
            return row;
        }
    }
}
