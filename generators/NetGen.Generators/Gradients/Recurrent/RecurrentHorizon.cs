using System;
using System.Globalization;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// The gradient model with time as depth (GRADIENT-THEORY.md §5): how far back a recurrent layer's gradient reaches at
/// initialization. Deterministic (quadrature, no sampling), for analyzers.
/// </summary>
internal static class RecurrentHorizon
{
    /// <summary>The predicted ratios over lags and the e-fold memory horizon of one recurrent layer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A size or the sequence length below 1, a variance or the input's mean square negative or not finite, a SimpleRNN
    /// activation other than tanh or ReLU.
    /// </exception>
    /// <exception cref="NotSupportedException">An identity ReLU recurrence with a gain other than 1 or random biases.</exception>
    public static RecurrentHorizonPrediction Predict(RecurrentHorizonInput input)
    {
        AtLeastOne(input.HiddenSize, nameof(input.HiddenSize));
        AtLeastOne(input.InputSize, nameof(input.InputSize));
        AtLeastOne(input.SequenceLength, nameof(input.SequenceLength));
        NonNegative(input.InputMeanSquare, nameof(input.InputMeanSquare));
        NonNegative(input.InputWeightVariance, nameof(input.InputWeightVariance));
        NonNegative(input.BiasVariance, nameof(input.BiasVariance));
        if (input.Cell == RecurrentCell.SimpleRnn && input.Activation is not (Model.ActivationKind.Tanh or Model.ActivationKind.ReLU))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Activation,
                $"A SimpleRNN's activation is modeled for Tanh or ReLU; got {input.Activation}.");
        }
        return input.Cell switch
        {
            RecurrentCell.Lstm => LstmModel.Predict(input),
            RecurrentCell.Gru => GruModel.Predict(input),
            _ => SimpleRnnModel.Predict(input),
        };
    }

    private static void AtLeastOne(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Expected {name} >= 1, got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"Expected {name} finite and >= 0, got {value.ToString("R", CultureInfo.InvariantCulture)}.");
        }
    }
}
