using NetGen.CompilerServices;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The optional <c>hiddenGradients</c> output of every cell's backward pass, ∂L/∂h_t for every step t, checked
/// independently: the part of ∂L/∂h_t that comes through the later steps is the initial-state gradient of the same cell
/// run on the sequence's suffix from step t + 1 with h_t (and c_t) as its initial state; the rest is the output's own
/// gradient at t. At the last step it is that plus the final state's gradient.
/// </summary>
public class RecurrentHiddenGradientTests
{
    private const int Batch = RecurrentCellCase.Batch, Inputs = RecurrentCellCase.Inputs, Units = RecurrentCellCase.Units;
    private const int Steps = RecurrentCellCase.Steps, State = Batch * Units;

    public static TheoryData<RecurrentCellKind> Cells => new(Enum.GetValues<RecurrentCellKind>());

    [Theory]
    [MemberData(nameof(Cells))]
    public void Hidden_gradients_are_the_suffix_runs_initial_state_gradients_plus_the_outputs(RecurrentCellKind kind)
    {
        var cell = new RecurrentCellCase(kind);
        double[] outputGradients = RecurrentCellCase.OutputWeights;
        Run whole = Backward(kind, cell, Steps, cell.Values[4], cell.Values[5], cell.Values[6], outputGradients, wantHiddenGradients: true);
        Assert.DoesNotContain(whole.HiddenGradients, double.IsNaN); // every step written
        for (int t = 0; t < Steps; t++)
        {
            double[] expected = outputGradients[(t * State)..((t + 1) * State)];
            double[] later = t == Steps - 1
                ? RecurrentCellCase.FinalHiddenWeights
                : Backward(kind, cell, Steps - t - 1, cell.Values[4][((t + 1) * Batch * Inputs)..], whole.Outputs[(t * State)..((t + 1) * State)],
                    cell.HasCell ? whole.Cells[(t * State)..((t + 1) * State)] : [], outputGradients[((t + 1) * State)..], wantHiddenGradients: false).InitialHiddenGradients;
            for (int e = 0; e < State; e++)
            {
                expected[e] += later[e];
            }
            Assert.Contains(later, g => g != 0);
            for (int e = 0; e < State; e++)
            {
                double actual = whole.HiddenGradients[t * State + e];
                Assert.True(Math.Abs(actual - expected[e]) <= 1e-12 * Math.Max(1, Math.Abs(expected[e])),
                    $"{kind} ∂L/∂h_{t}[{e}]: hiddenGradients {actual:R}, suffix run {expected[e]:R}.");
            }
        }
        // Asking for them changes nothing else.
        Run without = Backward(kind, cell, Steps, cell.Values[4], cell.Values[5], cell.Values[6], outputGradients, wantHiddenGradients: false);
        Assert.Equal(without.InitialHiddenGradients, whole.InitialHiddenGradients);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Hidden_gradients_of_the_wrong_length_are_rejected(RecurrentCellKind kind)
    {
        var cell = new RecurrentCellCase(kind);
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() =>
            Backward(kind, cell, Steps, cell.Values[4], cell.Values[5], cell.Values[6], RecurrentCellCase.OutputWeights, wantHiddenGradients: true, hiddenGradientsLength: State));
        Assert.Equal("hiddenGradients", e.ParamName);
        Assert.Contains($"{Steps * State}", e.Message, StringComparison.Ordinal);
    }

    private sealed record Run(double[] Outputs, double[] Cells, double[] InitialHiddenGradients, double[] HiddenGradients);

    /// <summary>Forward then backward over <paramref name="steps"/> steps from the given initial states, the case's weights and final-state gradients.</summary>
    private static Run Backward(
        RecurrentCellKind kind, RecurrentCellCase cell, int steps, double[] input, double[] initialHidden, double[] initialCell, double[] outputGradients,
        bool wantHiddenGradients, int? hiddenGradientsLength = null)
    {
        double[][] v = cell.Values;
        double[] outputs = new double[steps * State], cells = cell.HasCell ? new double[steps * State] : [];
        double[] initialHiddenGradients = new double[State];
        double[] hiddenGradients = wantHiddenGradients ? Enumerable.Repeat(double.NaN, hiddenGradientsLength ?? steps * State).ToArray() : [];
        double[] weightIhGradients = new double[v[0].Length], weightHhGradients = new double[v[1].Length];
        double[] biasIhGradients = new double[v[2].Length], biasHhGradients = new double[v[3].Length];
        switch (kind)
        {
            case RecurrentCellKind.Lstm:
                double[] gates = new double[LstmKernels.GatesLength(steps, Batch, Units)];
                LstmKernels.Forward<double>(input, v[0], v[1], v[2], v[3], initialHidden, initialCell, outputs, cells, gates,
                    new double[LstmKernels.ForwardScratchLength(Batch, Units)], steps, Batch, Inputs, Units);
                LstmKernels.Backward<double>(input, v[0], v[1], initialHidden, initialCell, outputs, cells, gates, outputGradients,
                    RecurrentCellCase.FinalHiddenWeights, cell.FinalCellWeights, weightIhGradients, weightHhGradients, biasIhGradients, biasHhGradients,
                    [], initialHiddenGradients, hiddenGradients, [], new double[LstmKernels.BackwardWorkspaceLength(steps, Batch, Units)], steps, Batch, Inputs, Units);
                break;
            case RecurrentCellKind.Gru:
                double[] gruGates = new double[GruKernels.GatesLength(steps, Batch, Units)];
                GruKernels.Forward<double>(input, v[0], v[1], v[2], v[3], initialHidden, outputs, gruGates,
                    new double[GruKernels.ForwardScratchLength(Batch, Units)], steps, Batch, Inputs, Units);
                GruKernels.Backward<double>(input, v[0], v[1], initialHidden, outputs, gruGates, outputGradients, RecurrentCellCase.FinalHiddenWeights,
                    weightIhGradients, weightHhGradients, biasIhGradients, biasHhGradients, [], initialHiddenGradients, hiddenGradients,
                    new double[GruKernels.BackwardWorkspaceLength(steps, Batch, Units)], steps, Batch, Inputs, Units);
                break;
            default:
                SimpleRnnActivation activation = kind == RecurrentCellKind.SimpleRnnRelu ? SimpleRnnActivation.Relu : SimpleRnnActivation.Tanh;
                SimpleRnnKernels.Forward<double>(input, v[0], v[1], v[2], v[3], initialHidden, outputs,
                    new double[SimpleRnnKernels.ForwardScratchLength(Batch, Units)], activation, steps, Batch, Inputs, Units);
                SimpleRnnKernels.Backward<double>(input, v[0], v[1], initialHidden, outputs, outputGradients, RecurrentCellCase.FinalHiddenWeights,
                    weightIhGradients, weightHhGradients, biasIhGradients, biasHhGradients, [], initialHiddenGradients, hiddenGradients,
                    new double[SimpleRnnKernels.BackwardWorkspaceLength(steps, Batch, Units)], activation, steps, Batch, Inputs, Units);
                break;
        }
        return new Run(outputs, cells, initialHiddenGradients, hiddenGradients);
    }
}
