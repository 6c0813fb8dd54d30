using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// Predicts, before any training, how the gradient's size changes from the output layer back to the first, by
/// mean-field propagation of means and variances (Poole et al. 2016; Schoenholz et al. 2017; He et al. 2015; Yang et al.
/// 2019 for batch normalization): weights are taken as independent draws of their initializer's mean and variance,
/// pre-activations as normal.
/// </summary>
/// <remarks>
/// Each layer kind gives its own forward and backward rule (<see cref="Layer.PreActivation"/>, <see cref="Layer.Backpropagate"/>);
/// this class runs them in order and applies the activations (<see cref="NormalExpectation"/>): a layer's output moments are E[f(z)] and E[f(z)²], and
/// its <c>E[(∂loss/∂z)²]</c> per unit is its output's times <c>E[f'(z)²]</c>; the gradient's common mode over the units
/// goes with it (<see cref="GradientMoments"/>). The predicted "gradient" of a layer is the square root of
/// <c>E[(∂loss/∂z)²]</c>: the root mean square of ∂loss/∂z per unit and sample, relative to the output layer's.
/// </remarks>
internal static class GradientModel
{
    // A deep stack can grow a variance or a gradient past a double's range. Held at these bounds a prediction keeps its
    // direction (growth stays growth, far past any threshold) instead of turning into infinity or NaN, whose verdict
    // would be silence.
    private const double MaxVariance = 1e300;
    private const double MaxMean = 1e150;

    public static GradientProfile Predict(NetworkModel network)
    {
        int count = network.Layers.Count;
        var field = new MeanField(count, network.InputMeanSquare);
        var preActivations = new Moments[count + 1];
        var derivatives = new double[count + 1]; // E[f'(z)²]
        var meanDerivatives = new double[count + 1]; // E[f'(z)]
        int lastNormalization = LastNormalization(network);
        foreach (Layer layer in network.Layers)
        {
            int n = layer.Number;
            Moments z = Bounded(layer.PreActivation(field));
            ActivationFunction activation = layer.MeanFieldActivation;
            preActivations[n] = z;
            field.PreActivations[n] = z;
            field.Activations[n] = activation;
            if (activation.Kind == ActivationKind.Softmax)
            {
                field.Outputs[n] = new Moments(0, 0);
                derivatives[n] = meanDerivatives[n] = 1;
                continue;
            }
            // A skip's sum is not normal: its block gives the law of its output (UnitValueLaw).
            UnitValueLaw? law = field.OutputLaws[n];
            (double mean, double meanSquare, double derivativeMeanSquare) = law is not null
                ? (law.Mean, law.MeanSquare, law.ActiveFraction)
                : NormalExpectation.Of(activation, z.Mean, z.Variance);
            // The units' offsets only matter to a normalization layer further on.
            double offsets = n < lastNormalization ? ActivationStatistics.VarianceOfConditionalMean(activation, z.Mean, z.Variance, z.OffsetVariance) : 0;
            double shared = ActivationStatistics.VarianceOfConditionalMean(activation, z.Mean, z.Variance, z.SharedVariance);
            field.Outputs[n] = Bounded(new Moments(mean, meanSquare - mean * mean, offsets, shared));
            derivatives[n] = derivativeMeanSquare;
            meanDerivatives[n] = law?.ActiveFraction ?? ActivationStatistics.MeanDerivative(activation, z.Mean, z.Variance);
        }

        // Weights of non-zero mean: each sample's shared shift followed layer by layer, when it can be (see SharedShiftChain).
        double[] preActivationGradients =
            (SharedShiftChain.Applies(network) ? SharedShiftChain.PreActivationGradients(network) : null)
            ?? Backward(network, field, preActivations[count], derivatives, meanDerivatives);

        FiniteWidthPrediction? finiteWidth = FiniteWidth.Predict(network);
        List<LayerPrediction> predictions = network.Layers
            .Select(layer =>
            {
                double meanField = Math.Sqrt(preActivationGradients[layer.Number]);
                double typical = meanField * (finiteWidth?.TypicalRatios[layer.Number - 1] ?? 1);
                return new LayerPrediction(layer.Number, preActivations[layer.Number].Variance, derivatives[layer.Number], meanField, typical, field.Horizons[layer.Number]);
            })
            .ToList();
        return new GradientProfile(predictions, finiteWidth);
    }

    /// <summary>E[(∂loss/∂z)²] per unit of every layer (index 0 unused), relative to the output layer's, layer by layer backward.</summary>
    private static double[] Backward(NetworkModel network, MeanField field, Moments outputPreActivation, double[] derivatives, double[] meanDerivatives)
    {
        int count = network.Layers.Count;
        var preActivationGradients = new double[count + 1];
        for (int n = count; n >= 1; n--)
        {
            Layer layer = network.Layers[n - 1];
            GradientMoments g = n == count
                ? ScaledToOne(OutputLayerGradient(network, outputPreActivation.Mean, outputPreActivation.Variance), network.OutputLayer.Output.Features)
                : Bounded(field.OutputGradient(n)).ThroughFactor(meanDerivatives[n], derivatives[n], layer.Output.Features);
            g = Bounded(g);
            preActivationGradients[n] = g.MeanSquare;
            // The activation's E[f'(z)²] is taken the same at every pixel: dz is spread as the output gradient.
            field.PassedProfile = field.OutputGradientProfile(n);
            layer.Backpropagate(field, g);
        }
        return preActivationGradients;
    }

    /// <summary>
    /// The output layer's dz for pre-activations z ~ N(mean, variance), with its common mode over the units. Softmax
    /// cross-entropy's dz = softmax(z) − y sums to zero per sample: no common mode (and E[dz²] is taken as 1). The other
    /// losses' residual a − y does not: the targets are taken as one-hot over the outputs (classification, as the corpus's
    /// quadratic-loss networks), so its common mode is mean(a) − 1/outputs; the quadratic loss multiplies it by f'(z).
    /// </summary>
    internal static GradientMoments OutputLayerGradient(NetworkModel network, double mean, double variance)
    {
        if (network.Loss == LossKind.SoftmaxCrossEntropy)
        {
            return new GradientMoments(1, 0);
        }
        int units = network.OutputLayer.Output.Features;
        ActivationFunction output = network.Loss == LossKind.SigmoidCrossEntropy
            ? new ActivationFunction(ActivationKind.Sigmoid, 0)
            : network.OutputLayer.MeanFieldActivation;
        (double a, double aSquare, double derivativeMeanSquare) = NormalExpectation.Of(output, mean, variance);
        double target = 1.0 / units;
        double residualMeanSquare = aSquare - 2 * a * target + target;
        double shift = a - target;
        var residual = new GradientMoments(residualMeanSquare, Math.Min(residualMeanSquare, shift * shift + (aSquare - a * a) / units));
        return network.Loss == LossKind.MeanSquaredError
            ? residual.ThroughFactor(ActivationStatistics.MeanDerivative(output, mean, variance), derivativeMeanSquare, units)
            : residual;
    }

    /// <summary>The output layer's dz scaled to E[dz²] = 1, the scale every prediction is relative to.</summary>
    private static GradientMoments ScaledToOne(GradientMoments dz, int units) =>
        dz.MeanSquare > 0 && !double.IsInfinity(dz.MeanSquare)
            ? new GradientMoments(1, Math.Min(1, dz.CommonModeSquare / dz.MeanSquare))
            : new GradientMoments(1, 1.0 / units);

    private static int LastNormalization(NetworkModel network) =>
        network.Layers.Where(layer => layer.Kind is LayerKind.BatchNorm or LayerKind.LayerNorm).Select(layer => layer.Number).DefaultIfEmpty(0).Max();

    private static Moments Bounded(Moments moments)
    {
        double variance = moments.Variance > 0 ? AtMost(MaxVariance, moments.Variance) : 0;
        double offsets = moments.OffsetVariance > 0 ? Math.Min(variance, AtMost(MaxVariance, moments.OffsetVariance)) : 0;
        double shared = moments.SharedVariance > 0 ? Math.Min(variance - offsets, AtMost(MaxVariance, moments.SharedVariance)) : 0;
        return new Moments(double.IsNaN(moments.Mean) ? 0 : Math.Max(-MaxMean, Math.Min(MaxMean, moments.Mean)), variance, offsets, shared);
    }

    private static GradientMoments Bounded(GradientMoments gradient)
    {
        double meanSquare = gradient.MeanSquare > 0 ? AtMost(MaxVariance, gradient.MeanSquare) : 0;
        double common = gradient.CommonModeSquare > 0 ? Math.Min(meanSquare, AtMost(MaxVariance, gradient.CommonModeSquare)) : 0;
        return new GradientMoments(meanSquare, common);
    }

    /// <summary><paramref name="value"/>, or <paramref name="bound"/> when it is larger, infinite or NaN (NaN only comes from two overflows).</summary>
    private static double AtMost(double bound, double value) => double.IsNaN(value) ? bound : Math.Min(bound, value);
}
