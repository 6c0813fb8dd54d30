namespace NetGen.Tests.Recurrent;

/// <summary>
/// The recurrent kernels against libtorch's <c>nn.LSTM</c>, <c>nn.GRU</c> and <c>nn.RNN</c> (tanh and ReLU) on the same
/// weights, inputs and loss, to 1e-10 relative in double: same definitions, gate order and weight layout, so that a PyTorch
/// state dict maps one to one.
/// </summary>
/// <remarks>
/// The numbers in <see cref="TorchReference"/> were printed (with the "R" format) by a throwaway console program outside
/// the repository, run once with TorchSharp-cpu 0.107.0 (libtorch 2.10.0, CPU) on Linux x64. For each module, built as
/// <c>nn.LSTM(3, 4)</c>, <c>nn.GRU(3, 4)</c>, <c>nn.RNN(3, 4, nonLinearity: Tanh)</c> and <c>nn.RNN(3, 4, nonLinearity: ReLU)</c>
/// (one layer, biases, time-major) and moved to float64, it copied into the parameters, in <c>named_parameters()</c> order
/// (<c>weight_ih_l0</c>, <c>weight_hh_l0</c>, <c>bias_ih_l0</c>, <c>bias_hh_l0</c>), the values <c>0.3·sin(k + 1)</c> with k
/// counting on across them; took the input x <c>[5, 2, 3]</c> = <c>sin(0.37·j + 0.1)</c>, h0 <c>[1, 2, 4]</c> =
/// <c>0.2·sin(0.5·j + 1)</c> and (LSTM) c0 = <c>0.2·cos(0.3·j + 2)</c>, j the flat index, all three requiring gradients;
/// ran <c>(output, h_n[, c_n]) = module.forward(x, h0[, c0])</c>; and called <c>backward()</c> on
/// <c>Σ output·cos(1.3·j) + Σ h_n·cos(0.9·j) (+ Σ c_n·sin(0.4·j + 0.5))</c>; then printed output, h_n, c_n, every
/// parameter's <c>.grad</c> and those of x, h0 and c0. <see cref="RecurrentCellCase"/> builds the same values and loss.
/// The tests do not depend on TorchSharp.
/// </remarks>
public class TorchReferenceTests
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void Lstm_matches_libtorch() =>
        AssertMatches(RecurrentCellKind.Lstm, TorchReference.Lstm.Output, TorchReference.Lstm.FinalHidden, TorchReference.Lstm.FinalCell,
        [
            TorchReference.Lstm.GradientWeightIh, TorchReference.Lstm.GradientWeightHh, TorchReference.Lstm.GradientBiasIh, TorchReference.Lstm.GradientBiasHh,
            TorchReference.Lstm.GradientInput, TorchReference.Lstm.GradientInitialHidden, TorchReference.Lstm.GradientInitialCell,
        ]);

    [Fact]
    public void Gru_matches_libtorch() =>
        AssertMatches(RecurrentCellKind.Gru, TorchReference.Gru.Output, TorchReference.Gru.FinalHidden, [],
        [
            TorchReference.Gru.GradientWeightIh, TorchReference.Gru.GradientWeightHh, TorchReference.Gru.GradientBiasIh, TorchReference.Gru.GradientBiasHh,
            TorchReference.Gru.GradientInput, TorchReference.Gru.GradientInitialHidden, [],
        ]);

    [Fact]
    public void Simple_rnn_tanh_matches_libtorch() =>
        AssertMatches(RecurrentCellKind.SimpleRnnTanh, TorchReference.SimpleRnnTanh.Output, TorchReference.SimpleRnnTanh.FinalHidden, [],
        [
            TorchReference.SimpleRnnTanh.GradientWeightIh, TorchReference.SimpleRnnTanh.GradientWeightHh, TorchReference.SimpleRnnTanh.GradientBiasIh,
            TorchReference.SimpleRnnTanh.GradientBiasHh, TorchReference.SimpleRnnTanh.GradientInput, TorchReference.SimpleRnnTanh.GradientInitialHidden, [],
        ]);

    [Fact]
    public void Simple_rnn_relu_matches_libtorch() =>
        AssertMatches(RecurrentCellKind.SimpleRnnRelu, TorchReference.SimpleRnnRelu.Output, TorchReference.SimpleRnnRelu.FinalHidden, [],
        [
            TorchReference.SimpleRnnRelu.GradientWeightIh, TorchReference.SimpleRnnRelu.GradientWeightHh, TorchReference.SimpleRnnRelu.GradientBiasIh,
            TorchReference.SimpleRnnRelu.GradientBiasHh, TorchReference.SimpleRnnRelu.GradientInput, TorchReference.SimpleRnnRelu.GradientInitialHidden, [],
        ]);

    private static void AssertMatches(RecurrentCellKind kind, double[] output, double[] finalHidden, double[] finalCell, double[][] gradients)
    {
        var cell = new RecurrentCellCase(kind);
        RecurrentCellCase.Forwarded forwarded = cell.Forward();
        AssertClose(output, forwarded.Outputs, $"{kind} output");
        AssertClose(finalHidden, forwarded.FinalHidden, $"{kind} h_n");
        AssertClose(finalCell, forwarded.FinalCell, $"{kind} c_n");
        double[][] ours = cell.Gradients();
        for (int a = 0; a < gradients.Length; a++)
        {
            AssertClose(gradients[a], ours[a], $"{kind} gradient of {RecurrentCellCase.Names[a]}");
        }
    }

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: libtorch has {expected.Length} values, the kernels {actual.Length}.");
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(actual[k] - expected[k]) <= Tolerance * Math.Abs(expected[k]) + 1e-300,
                $"{what}[{k}]: libtorch {expected[k]:R}, the kernels {actual[k]:R} (relative difference {Math.Abs(actual[k] - expected[k]) / Math.Abs(expected[k]):R}, at most {Tolerance} expected).");
        }
    }
}
