using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Model;

namespace NetGen.Generators.Health;

/// <summary>
/// Predicts, before any training, how the gradient's size changes from the output layer back to the first, by
/// mean-field variance propagation (Poole et al. 2016; Schoenholz et al. 2017; He et al. 2015): weights are taken as
/// independent draws of their initializer's variance, pre-activations as normal.
/// </summary>
/// <remarks>
/// Forward, per layer: a dense layer's pre-activation has variance <c>q = fan_in·E[w²]·E[x²] + E[b²]</c>; a normalization's
/// is 1 (γ = 1, β = 0); a residual sum's is the branch's plus the skip's. Backward, with <c>g = E[(∂loss/∂z)²]</c> per unit:
/// a dense layer passes <c>units·E[w²]·g</c> to its input, a normalization <c>g / Var(x)</c>, a residual sum <c>g</c> to
/// both branch and skip (gradients from two paths add); each layer's <c>g</c> is its output's times <c>E[f'(z)²]</c>. The
/// predicted "gradient" of a layer is <c>√g</c>, the root mean square of ∂loss/∂z per unit and sample: what a dense layer's
/// bias gradient measures per unit (Nielsen's speed of learning), and the quantity of the published gains.
/// </remarks>
internal static class GradientModel
{
    public static GradientProfile Predict(NetworkSpec spec)
    {
        int count = spec.Layers.Count;
        var mean = new double[count + 1];        // E[a] of each layer's output; index 0: the inputs
        var meanSquare = new double[count + 1];  // E[a²]
        var variance = new double[count + 1];    // q of each layer's pre-activation
        var derivative = new double[count + 1];  // E[f'(z)²]
        meanSquare[0] = spec.InputMeanSquare;
        mean[0] = 0; // unknown: only the second moment enters the dense layers' variance

        foreach (LayerSpec layer in spec.Layers)
        {
            int n = layer.Number;
            double inputMeanSquare = meanSquare[n - 1];
            double zMean = 0, zVariance;
            switch (layer.Kind)
            {
                case LayerKind.Dense:
                    zVariance = layer.Inputs * InitVariance.SecondMoment(layer.WeightInit, layer.WeightInitValue, layer.Inputs, layer.Units) * inputMeanSquare
                                + InitVariance.SecondMoment(layer.BiasInit, layer.BiasInitValue, layer.Inputs, layer.Units)
                                - Square(InitVariance.Mean(layer.BiasInit, layer.BiasInitValue));
                    zMean = InitVariance.Mean(layer.BiasInit, layer.BiasInitValue);
                    break;
                case LayerKind.BatchNorm or LayerKind.LayerNorm:
                    zVariance = 1;
                    break;
                default:
                    double skip = meanSquare[layer.SkipFrom];
                    if (layer.HasProjection)
                    {
                        skip *= layer.Inputs * InitVariance.SecondMoment(InitKind.GlorotUniform, 0, layer.Inputs, layer.Units);
                    }
                    zVariance = meanSquare[n - 1] + skip;
                    break;
            }
            Func<double, double> f = ActivationFunctions.Function(layer.Activation, layer.ActivationParameter);
            Func<double, double> fPrime = ActivationFunctions.Derivative(layer.Activation, layer.ActivationParameter);
            variance[n] = zVariance;
            mean[n] = layer.Activation == ActivationKind.Softmax ? 0 : GaussHermite.Expectation(f, zMean, zVariance);
            meanSquare[n] = layer.Activation == ActivationKind.Softmax ? 0 : GaussHermite.Expectation(z => Square(f(z)), zMean, zVariance);
            derivative[n] = layer.Activation == ActivationKind.Softmax ? 1 : GaussHermite.Expectation(z => Square(fPrime(z)), zMean, zVariance);
        }

        // Backward: outputGradient[n] = E[(∂loss/∂a_n)²] per unit, preActivationGradient[n] = E[(∂loss/∂z_n)²] per unit,
        // both relative to the output layer's dz (taken as 1).
        var outputGradient = new double[count + 1];
        var preActivationGradient = new double[count + 1];
        for (int n = count; n >= 1; n--)
        {
            LayerSpec layer = spec.Layers[n - 1];
            double g = n == count ? 1 : outputGradient[n] * derivative[n];
            preActivationGradient[n] = g;
            switch (layer.Kind)
            {
                case LayerKind.Dense:
                    outputGradient[n - 1] += layer.Units * InitVariance.SecondMoment(layer.WeightInit, layer.WeightInitValue, layer.Inputs, layer.Units) * g;
                    break;
                case LayerKind.BatchNorm or LayerKind.LayerNorm:
                    double inputVariance = Math.Max(meanSquare[n - 1] - Square(mean[n - 1]), 1e-12);
                    outputGradient[n - 1] += g / inputVariance;
                    break;
                default:
                    outputGradient[n - 1] += g;
                    double skipGain = layer.HasProjection
                        ? layer.Units * InitVariance.SecondMoment(InitKind.GlorotUniform, 0, layer.Inputs, layer.Units)
                        : 1;
                    outputGradient[layer.SkipFrom] += skipGain * g;
                    break;
            }
        }

        var predictions = new List<LayerPrediction>(count);
        foreach (LayerSpec layer in spec.Layers)
        {
            int n = layer.Number;
            predictions.Add(new LayerPrediction(n, variance[n], derivative[n], Math.Sqrt(preActivationGradient[n])));
        }
        LayerPrediction firstDense = predictions.First(p => spec.Layers[p.Number - 1].Kind == LayerKind.Dense);
        return new GradientProfile(predictions, firstDense.RelativeGradientNorm);
    }

    private static double Square(double x) => x * x;
}
