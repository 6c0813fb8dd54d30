using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>
/// Predicts, before any training, how the gradient's size changes from the output layer back to the first, by
/// mean-field variance propagation (Poole et al. 2016; Schoenholz et al. 2017; He et al. 2015): weights are taken as
/// independent draws of their initializer's mean and variance, pre-activations as normal.
/// </summary>
/// <remarks>
/// Each layer kind gives its own forward and backward rule (<see cref="Layer.PreActivation"/>, <see cref="Layer.Backpropagate"/>);
/// this class runs them in order and applies the activations (<see cref="NormalExpectation"/>): a layer's output moments are E[f(z)] and E[f(z)²], and
/// its <c>E[(∂loss/∂z)²]</c> per unit is its output's times <c>E[f'(z)²]</c>. The predicted "gradient" of a layer is
/// the square root of that: the root mean square of ∂loss/∂z per unit and sample, relative to the output layer's.
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
        foreach (Layer layer in network.Layers)
        {
            int n = layer.Number;
            Moments z = Bounded(layer.PreActivation(field));
            ActivationFunction activation = layer.MeanFieldActivation;
            preActivations[n] = z;
            if (activation.Kind == ActivationKind.Softmax)
            {
                field.Outputs[n] = new Moments(0, 0);
                derivatives[n] = 1;
                continue;
            }
            (double mean, double meanSquare, double derivativeMeanSquare) = NormalExpectation.Of(activation, z.Mean, z.Variance);
            field.Outputs[n] = Bounded(new Moments(mean, meanSquare - mean * mean));
            derivatives[n] = derivativeMeanSquare;
        }

        var preActivationGradients = new double[count + 1];
        for (int n = count; n >= 1; n--)
        {
            double g = n == count ? 1 : AtMost(MaxVariance, AtMost(MaxVariance, field.OutputGradients[n]) * derivatives[n]);
            preActivationGradients[n] = g;
            network.Layers[n - 1].Backpropagate(field, g);
        }

        List<LayerPrediction> predictions = network.Layers
            .Select(layer => new LayerPrediction(layer.Number, preActivations[layer.Number].Variance, derivatives[layer.Number],
                Math.Sqrt(preActivationGradients[layer.Number])))
            .ToList();
        LayerPrediction firstDense = predictions.First(p => network.Layers[p.Number - 1].Kind == LayerKind.Dense);
        return new GradientProfile(predictions, firstDense.RelativeGradientNorm);
    }

    private static Moments Bounded(Moments moments) => new(
        double.IsNaN(moments.Mean) ? 0 : Math.Max(-MaxMean, Math.Min(MaxMean, moments.Mean)),
        moments.Variance > 0 ? AtMost(MaxVariance, moments.Variance) : 0);

    /// <summary><paramref name="value"/>, or <paramref name="bound"/> when it is larger, infinite or NaN (NaN only comes from two overflows).</summary>
    private static double AtMost(double bound, double value) => double.IsNaN(value) ? bound : Math.Min(bound, value);

}
