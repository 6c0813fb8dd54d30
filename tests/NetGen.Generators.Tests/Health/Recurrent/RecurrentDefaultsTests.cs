using System.Globalization;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;
using Xunit.Abstractions;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// The frameworks' defaults, printed beside the numbers GRADIENT-THEORY.md §5 derives (a cross-check of that
/// derivation's arithmetic; the model's truth is checked against the measurement in <see cref="RecurrentHorizonTests"/>).
/// </summary>
public class RecurrentDefaultsTests(ITestOutputHelper output)
{
    private const int Hidden = 128;
    private const int Input = 128;
    private const int Length = 100;
    private const double Torch = 1.0 / (3 * Hidden);

    [Fact]
    public void Defaults_give_the_horizons_section_5_derives()
    {
        RecurrentHorizonPrediction torchRnn = Print("PyTorch nn.RNN (tanh)", RecurrentCell.SimpleRnn, RecurrentInit.Random(Torch), Torch, 2 * Torch, ForgetGateBias.Of(0));
        RecurrentHorizonPrediction kerasRnn = Print("Keras SimpleRNN", RecurrentCell.SimpleRnn, RecurrentInit.Orthogonal(1), 2.0 / (Input + Hidden), 0, ForgetGateBias.Of(0));
        RecurrentHorizonPrediction torchLstm = Print("PyTorch nn.LSTM (b_f ≈ 0)", RecurrentCell.Lstm, RecurrentInit.Random(Torch), Torch, 2 * Torch, ForgetGateBias.Of(0));
        RecurrentHorizonPrediction kerasLstm = Print("Keras LSTM (unit_forget_bias)", RecurrentCell.Lstm, RecurrentInit.StackedOrthogonal(1), 2.0 / (Input + 4 * Hidden), 0, ForgetGateBias.Of(1));
        Print("PyTorch nn.LSTM, forget bias 2", RecurrentCell.Lstm, RecurrentInit.Random(Torch), Torch, 0, ForgetGateBias.Of(2));
        Print("PyTorch nn.LSTM, chrono T_max = 100", RecurrentCell.Lstm, RecurrentInit.Random(Torch), Torch, 0, ForgetGateBias.Chrono(100));
        Print("PyTorch nn.GRU", RecurrentCell.Gru, RecurrentInit.Random(Torch), Torch, 2 * Torch, ForgetGateBias.Of(0));
        Print("Keras GRU (reset_after)", RecurrentCell.Gru, RecurrentInit.StackedOrthogonal(1), 2.0 / (Input + 3 * Hidden), 0, ForgetGateBias.Of(0));
        Print("IRNN", RecurrentCell.SimpleRnn, RecurrentInit.Identity(1), 1e-6, 0, ForgetGateBias.Of(0), ActivationKind.ReLU);

        // §5: χ ≈ 0.21 (PyTorch) and 0.40 (Keras) for the tanh RNN; LSTM horizons ≈ 1.4 steps (b_f = 0) and ≈ 3 (b_f = 1),
        // there from −1/ln E[f]; here from the full model, E[f²] and the coherent mixing add a little.
        Assert.InRange(torchRnn.StepFactorSquared, 0.19, 0.23);
        Assert.InRange(kerasRnn.StepFactorSquared, 0.37, 0.43);
        Assert.InRange(torchLstm.MemoryHorizon, 1.2, 1.8);
        Assert.InRange(kerasLstm.MemoryHorizon, 2.5, 3.6);
    }

    [Fact]
    public void Chrono_initialization_reaches_further_than_a_constant_forget_bias()
    {
        double constant = Predict(RecurrentCell.Lstm, ForgetGateBias.Of(1)).Ratios[Length - 1];
        double chrono = Predict(RecurrentCell.Lstm, ForgetGateBias.Chrono(Length)).Ratios[Length - 1];
        output.WriteLine($"ratio at lag {Length - 1}: forget bias 1 {constant:E2}, chrono {chrono:E2}");
        Assert.True(chrono > 1e6 * constant);
    }

    [Theory]
    [InlineData(0, 10, 10)]
    [InlineData(10, 0, 10)]
    [InlineData(10, 10, 0)]
    public void Sizes_below_one_are_rejected(int hidden, int input, int length)
    {
        var layer = new RecurrentHorizonInput(RecurrentCell.Lstm, ActivationKind.Tanh, hidden, input, 1, RecurrentInit.Random(0.01), 0.01, 0, ForgetGateBias.Of(0), length);
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurrentHorizon.Predict(layer));
    }

    [Fact]
    public void A_sigmoid_simple_rnn_and_a_biased_irnn_are_refused_rather_than_mispredicted()
    {
        var sigmoid = new RecurrentHorizonInput(RecurrentCell.SimpleRnn, ActivationKind.Sigmoid, 8, 8, 1, RecurrentInit.Random(0.1), 0.1, 0, ForgetGateBias.Of(0), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurrentHorizon.Predict(sigmoid));
        var biased = sigmoid with { Activation = ActivationKind.ReLU, Recurrent = RecurrentInit.Identity(1), BiasVariance = 0.01 };
        Assert.Throws<NotSupportedException>(() => RecurrentHorizon.Predict(biased));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForgetGateBias.Chrono(2));
    }

    private static RecurrentHorizonPrediction Predict(RecurrentCell cell, ForgetGateBias forget) => RecurrentHorizon.Predict(
        new RecurrentHorizonInput(cell, ActivationKind.Tanh, Hidden, Input, 1, RecurrentInit.Random(Torch), Torch, 0, forget, Length));

    private RecurrentHorizonPrediction Print(string name, RecurrentCell cell, RecurrentInit recurrent, double inputVariance, double biasVariance, ForgetGateBias forget,
        ActivationKind activation = ActivationKind.Tanh)
    {
        RecurrentHorizonPrediction p = RecurrentHorizon.Predict(
            new RecurrentHorizonInput(cell, activation, Hidden, Input, 1, recurrent, inputVariance, biasVariance, forget, Length));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0,-38} horizon {1,7:F2} steps   step factor² {2:F4}   ratio at lag {3}: {4:E2}", name, p.MemoryHorizon, p.StepFactorSquared, Length - 1, p.Ratios[Length - 1]));
        return p;
    }
}
