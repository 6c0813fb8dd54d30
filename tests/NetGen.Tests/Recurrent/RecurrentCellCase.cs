using System.Numerics;
using NetGen.CompilerServices;

namespace NetGen.Tests.Recurrent;

/// <summary>Which recurrent kernel a test runs.</summary>
public enum RecurrentCellKind { SimpleRnnTanh, SimpleRnnRelu, Lstm, Gru }

/// <summary>
/// One recurrent cell of 3 inputs and 4 units over 5 steps and a batch of 2, in double, with deterministic values that the
/// libtorch reference program (see <see cref="TorchReferenceTests"/>) fills the same way: the parameters in state-dict order
/// (<c>weight_ih_l0</c>, <c>weight_hh_l0</c>, <c>bias_ih_l0</c>, <c>bias_hh_l0</c>) with <c>0.3·sin(k + 1)</c>, k counting
/// on across them; the input <c>[steps, batch, inputs]</c> <c>sin(0.37·j + 0.1)</c>; the initial hidden state
/// <c>0.2·sin(0.5·j + 1)</c> and cell state <c>0.2·cos(0.3·j + 2)</c>. The loss is
/// <c>Σ cos(1.3·j)·output[j] + Σ cos(0.9·j)·h_n[j] (+ Σ sin(0.4·j + 0.5)·c_n[j] for the LSTM)</c>.
/// </summary>
internal sealed class RecurrentCellCase
{
    public const int Steps = 5, Batch = 2, Inputs = 3, Units = 4;

    /// <summary>Names of <see cref="Values"/>, in order: the parameters, then the input and the initial states.</summary>
    public static readonly string[] Names = ["weightIh", "weightHh", "biasIh", "biasHh", "input", "initialHidden", "initialCell"];

    public RecurrentCellKind Kind { get; }

    /// <summary>weight_ih, weight_hh, bias_ih, bias_hh, input, initial hidden state, initial cell state (empty but for the LSTM).</summary>
    public double[][] Values { get; }

    public RecurrentCellCase(RecurrentCellKind kind)
    {
        Kind = kind;
        int width = GateCount * Units;
        int k = 0;
        double[] Parameter(int length)
        {
            int start = k;
            k += length;
            return Fill(length, j => 0.3 * Math.Sin(start + j + 1));
        }
        Values =
        [
            Parameter(width * Inputs), Parameter(width * Units), Parameter(width), Parameter(width),
            Fill(Steps * Batch * Inputs, j => Math.Sin(0.37 * j + 0.1)),
            Fill(Batch * Units, j => 0.2 * Math.Sin(0.5 * j + 1)),
            HasCell ? Fill(Batch * Units, j => 0.2 * Math.Cos(0.3 * j + 2)) : [],
        ];
    }

    public bool HasCell => Kind == RecurrentCellKind.Lstm;

    public int GateCount => Kind switch { RecurrentCellKind.Lstm => 4, RecurrentCellKind.Gru => 3, _ => 1 };

    public static double[] OutputWeights => Fill(Steps * Batch * Units, j => Math.Cos(1.3 * j));

    public static double[] FinalHiddenWeights => Fill(Batch * Units, j => Math.Cos(0.9 * j));

    public double[] FinalCellWeights => HasCell ? Fill(Batch * Units, j => Math.Sin(0.4 * j + 0.5)) : [];

    public static double[] Fill(int length, Func<int, double> value) => Enumerable.Range(0, length).Select(value).ToArray();

    private SimpleRnnActivation Activation => Kind == RecurrentCellKind.SimpleRnnRelu ? SimpleRnnActivation.Relu : SimpleRnnActivation.Tanh;

    /// <summary>The forward pass: every step's output, and the caches the backward pass reads.</summary>
    public Forwarded Forward()
    {
        (double[] outputs, double[] cells, double[] gates) = Forward(Values);
        return new Forwarded(outputs, cells, gates);
    }

    /// <summary>The outputs the kernels in <typeparamref name="T"/> compute, in double.</summary>
    public double[] OutputsIn<T>() where T : unmanaged, IFloatingPointIeee754<T> => Widen(Forward(Narrow<T>(Values)).Outputs);

    /// <summary><see cref="Gradients"/> by the kernels in <typeparamref name="T"/>, in double.</summary>
    public double[][] GradientsIn<T>() where T : unmanaged, IFloatingPointIeee754<T> => Gradients(Narrow<T>(Values), T.Zero).Select(Widen).ToArray();

    /// <summary>The loss's gradient with respect to every step's output; null: <see cref="OutputWeights"/>. Empty: none given.</summary>
    public double[]? OutputGradients { get; set; }

    /// <summary>False: the backward pass is given an empty initial hidden state gradient (not wanted), which then stays zero here.</summary>
    public bool WantsInitialHiddenGradients { get; set; } = true;

    private static T[][] Narrow<T>(double[][] values) where T : IFloatingPointIeee754<T> => values.Select(Narrow<T>).ToArray();

    private static T[] Narrow<T>(double[] values) where T : IFloatingPointIeee754<T> => values.Select(T.CreateChecked).ToArray();

    private static double[] Widen<T>(T[] values) where T : IFloatingPointIeee754<T> => values.Select(double.CreateChecked).ToArray();

    private (T[] Outputs, T[] Cells, T[] Gates) Forward<T>(T[][] v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] outputs = new T[Steps * Batch * Units];
        T[] cells = HasCell ? new T[Steps * Batch * Units] : [];
        T[] gates;
        switch (Kind)
        {
            case RecurrentCellKind.Lstm:
                gates = new T[LstmKernels.GatesLength(Steps, Batch, Units)];
                LstmKernels.Forward<T>(v[4], v[0], v[1], v[2], v[3], v[5], v[6], outputs, cells, gates,
                    new T[LstmKernels.ForwardScratchLength(Batch, Units)], Steps, Batch, Inputs, Units);
                break;
            case RecurrentCellKind.Gru:
                gates = new T[GruKernels.GatesLength(Steps, Batch, Units)];
                GruKernels.Forward<T>(v[4], v[0], v[1], v[2], v[3], v[5], outputs, gates,
                    new T[GruKernels.ForwardScratchLength(Batch, Units)], Steps, Batch, Inputs, Units);
                break;
            default:
                gates = [];
                SimpleRnnKernels.Forward<T>(v[4], v[0], v[1], v[2], v[3], v[5], outputs,
                    new T[SimpleRnnKernels.ForwardScratchLength(Batch, Units)], Activation, Steps, Batch, Inputs, Units);
                break;
        }
        return (outputs, cells, gates);
    }

    public double Loss()
    {
        Forwarded f = Forward();
        double loss = Dot(f.Outputs, OutputWeights) + Dot(f.FinalHidden, FinalHiddenWeights);
        return HasCell ? loss + Dot(f.FinalCell, FinalCellWeights) : loss;
    }

    /// <summary>
    /// The loss's gradients with respect to every array of <see cref="Values"/>, by the backward pass. The accumulated ones
    /// (parameters and input) start at <paramref name="initialGradient"/>, which is subtracted again, so that a kernel that
    /// overwrote instead of adding fails; the written ones (initial states) start at it too, and are returned as they are.
    /// </summary>
    public double[][] Gradients(double initialGradient = 0) => Gradients(Values, initialGradient);

    private T[][] Gradients<T>(T[][] v, T initialGradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        (T[] outputs, T[] cells, T[] gates) = Forward(v);
        var f = (Outputs: outputs, Cells: cells, Gates: gates);
        T[][] g = v.Select(a => Enumerable.Repeat(initialGradient, a.Length).ToArray()).ToArray();
        T[] outputGradients = Narrow<T>(OutputGradients ?? OutputWeights), finalHidden = Narrow<T>(FinalHiddenWeights), finalCell = Narrow<T>(FinalCellWeights);
        switch (Kind)
        {
            case RecurrentCellKind.Lstm:
                LstmKernels.Backward<T>(v[4], v[0], v[1], v[5], v[6], f.Outputs, f.Cells, f.Gates,
                    outputGradients, finalHidden, finalCell, g[0], g[1], g[2], g[3], g[4], WantsInitialHiddenGradients ? g[5] : [], [], g[6],
                    new T[LstmKernels.BackwardWorkspaceLength(Steps, Batch, Units)], Steps, Batch, Inputs, Units);
                break;
            case RecurrentCellKind.Gru:
                GruKernels.Backward<T>(v[4], v[0], v[1], v[5], f.Outputs, f.Gates, outputGradients, finalHidden,
                    g[0], g[1], g[2], g[3], g[4], WantsInitialHiddenGradients ? g[5] : [], [], new T[GruKernels.BackwardWorkspaceLength(Steps, Batch, Units)],
                    Steps, Batch, Inputs, Units);
                break;
            default:
                SimpleRnnKernels.Backward<T>(v[4], v[0], v[1], v[5], f.Outputs, outputGradients, finalHidden,
                    g[0], g[1], g[2], g[3], g[4], WantsInitialHiddenGradients ? g[5] : [], [], new T[SimpleRnnKernels.BackwardWorkspaceLength(Steps, Batch, Units)],
                    Activation, Steps, Batch, Inputs, Units);
                break;
        }
        for (int a = 0; a <= 4; a++)
        {
            for (int k = 0; k < g[a].Length; k++)
            {
                g[a][k] -= initialGradient;
            }
        }
        return g;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    internal sealed record Forwarded(double[] Outputs, double[] Cells, double[] Gates)
    {
        public double[] FinalHidden => Outputs[^(Batch * Units)..];

        public double[] FinalCell => Cells.Length == 0 ? [] : Cells[^(Batch * Units)..];
    }
}
