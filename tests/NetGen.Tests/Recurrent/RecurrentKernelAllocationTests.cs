using NetGen.CompilerServices;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The recurrent kernels allocate nothing once warm: the caller passes every cache and scratch buffer, so that a generated
/// layer's training step allocates nothing per step.
/// </summary>
public class RecurrentKernelAllocationTests
{
    private const int Steps = 6, Batch = 3, Inputs = 5, Units = 7;

    [Fact]
    public void Lstm_forward_and_backward_allocate_nothing()
    {
        var b = new Buffers(4);
        double[] cells = new double[Steps * Batch * Units], cellGradient = new double[Batch * Units], c0 = new double[Batch * Units];
        double[] gates = new double[LstmKernels.GatesLength(Steps, Batch, Units)], scratch = new double[LstmKernels.ForwardScratchLength(Batch, Units)];
        double[] workspace = new double[LstmKernels.BackwardWorkspaceLength(Steps, Batch, Units)];
        AssertAllocatesNothing(() =>
        {
            LstmKernels.Forward<double>(b.Input, b.WeightIh, b.WeightHh, b.BiasIh, b.BiasHh, b.H0, c0, b.Outputs, cells, gates, scratch, Steps, Batch, Inputs, Units);
            LstmKernels.Backward<double>(b.Input, b.WeightIh, b.WeightHh, b.H0, c0, b.Outputs, cells, gates, b.OutputGradients, b.FinalGradient, cellGradient,
                b.WeightIhGradients, b.WeightHhGradients, b.BiasIhGradients, b.BiasHhGradients, b.InputGradients, b.H0Gradient, b.HiddenGradients, cellGradient, workspace,
                Steps, Batch, Inputs, Units);
        });
    }

    [Fact]
    public void Gru_forward_and_backward_allocate_nothing()
    {
        var b = new Buffers(3);
        double[] gates = new double[GruKernels.GatesLength(Steps, Batch, Units)], scratch = new double[GruKernels.ForwardScratchLength(Batch, Units)];
        double[] workspace = new double[GruKernels.BackwardWorkspaceLength(Steps, Batch, Units)];
        AssertAllocatesNothing(() =>
        {
            GruKernels.Forward<double>(b.Input, b.WeightIh, b.WeightHh, b.BiasIh, b.BiasHh, b.H0, b.Outputs, gates, scratch, Steps, Batch, Inputs, Units);
            GruKernels.Backward<double>(b.Input, b.WeightIh, b.WeightHh, b.H0, b.Outputs, gates, b.OutputGradients, b.FinalGradient,
                b.WeightIhGradients, b.WeightHhGradients, b.BiasIhGradients, b.BiasHhGradients, b.InputGradients, b.H0Gradient, b.HiddenGradients, workspace,
                Steps, Batch, Inputs, Units);
        });
    }

    [Fact]
    public void Simple_rnn_forward_and_backward_allocate_nothing()
    {
        var b = new Buffers(1);
        double[] scratch = new double[SimpleRnnKernels.ForwardScratchLength(Batch, Units)];
        double[] workspace = new double[SimpleRnnKernels.BackwardWorkspaceLength(Steps, Batch, Units)];
        AssertAllocatesNothing(() =>
        {
            SimpleRnnKernels.Forward<double>(b.Input, b.WeightIh, b.WeightHh, b.BiasIh, b.BiasHh, b.H0, b.Outputs, scratch, SimpleRnnActivation.Tanh,
                Steps, Batch, Inputs, Units);
            SimpleRnnKernels.Backward<double>(b.Input, b.WeightIh, b.WeightHh, b.H0, b.Outputs, b.OutputGradients, b.FinalGradient,
                b.WeightIhGradients, b.WeightHhGradients, b.BiasIhGradients, b.BiasHhGradients, b.InputGradients, b.H0Gradient, b.HiddenGradients, workspace,
                SimpleRnnActivation.Tanh, Steps, Batch, Inputs, Units);
        });
    }

    private static void AssertAllocatesNothing(Action step)
    {
        long allocated = SteadyStateAllocations.Of(step);
        Assert.True(allocated == 0, $"A forward and backward pass allocated {allocated} bytes; it must allocate none.");
    }

    private sealed class Buffers(int gateCount)
    {
        public double[] Input { get; } = RecurrentCellCase.Fill(Steps * Batch * Inputs, j => Math.Sin(0.37 * j));
        public double[] WeightIh { get; } = RecurrentCellCase.Fill(gateCount * Units * Inputs, j => 0.3 * Math.Sin(j + 1));
        public double[] WeightHh { get; } = RecurrentCellCase.Fill(gateCount * Units * Units, j => 0.3 * Math.Cos(j + 1));
        public double[] BiasIh { get; } = new double[gateCount * Units];
        public double[] BiasHh { get; } = new double[gateCount * Units];
        public double[] H0 { get; } = new double[Batch * Units];
        public double[] Outputs { get; } = new double[Steps * Batch * Units];
        public double[] OutputGradients { get; } = RecurrentCellCase.Fill(Steps * Batch * Units, j => Math.Cos(j));
        public double[] FinalGradient { get; } = new double[Batch * Units];
        public double[] WeightIhGradients { get; } = new double[gateCount * Units * Inputs];
        public double[] WeightHhGradients { get; } = new double[gateCount * Units * Units];
        public double[] BiasIhGradients { get; } = new double[gateCount * Units];
        public double[] BiasHhGradients { get; } = new double[gateCount * Units];
        public double[] InputGradients { get; } = new double[Steps * Batch * Inputs];
        public double[] H0Gradient { get; } = new double[Batch * Units];
        public double[] HiddenGradients { get; } = new double[Steps * Batch * Units];
    }
}
