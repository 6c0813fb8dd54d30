using NetGen.CompilerServices;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The recurrent kernels' optional spans and their float instantiation: an empty initial state is the zero state, empty
/// biases are zero biases, empty output gradients are zero ones (a layer that returns only its last state), and the float
/// kernels compute what the double ones do, within float rounding.
/// </summary>
public class RecurrentKernelOptionsTests
{
    public static TheoryData<RecurrentCellKind> Cells => new(Enum.GetValues<RecurrentCellKind>());

    [Theory]
    [MemberData(nameof(Cells))]
    public void An_empty_initial_state_is_the_zero_state(RecurrentCellKind kind)
    {
        var zero = new RecurrentCellCase(kind);
        var empty = new RecurrentCellCase(kind);
        for (int a = 5; a <= 6; a++)
        {
            Array.Clear(zero.Values[a]);
            empty.Values[a] = [];
        }
        AssertSameExceptEmpty(zero, empty);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Empty_biases_are_zero_biases(RecurrentCellKind kind)
    {
        var zero = new RecurrentCellCase(kind);
        var empty = new RecurrentCellCase(kind);
        for (int a = 2; a <= 3; a++)
        {
            Array.Clear(zero.Values[a]);
            empty.Values[a] = [];
        }
        AssertSameExceptEmpty(zero, empty);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Empty_output_gradients_are_zero_ones(RecurrentCellKind kind)
    {
        var zero = new RecurrentCellCase(kind) { OutputGradients = new double[RecurrentCellCase.Steps * RecurrentCellCase.Batch * RecurrentCellCase.Units] };
        var empty = new RecurrentCellCase(kind) { OutputGradients = [] };
        double[][] expected = zero.Gradients(), actual = empty.Gradients();
        Assert.Contains(expected[0], g => g != 0); // the final state's gradient alone reaches the weights
        for (int a = 0; a < expected.Length; a++)
        {
            Assert.Equal(expected[a], actual[a]);
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Not_wanting_the_initial_state_gradient_changes_no_other_gradient(RecurrentCellKind kind)
    {
        double[][] wanted = new RecurrentCellCase(kind).Gradients(), unwanted = new RecurrentCellCase(kind) { WantsInitialHiddenGradients = false }.Gradients();
        Assert.Contains(wanted[5], g => g != 0);
        Assert.All(unwanted[5], g => Assert.Equal(0, g));
        for (int a = 0; a < wanted.Length; a++)
        {
            if (a != 5)
            {
                Assert.Equal(wanted[a], unwanted[a]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_float_kernels_compute_what_the_double_ones_do(RecurrentCellKind kind)
    {
        var cell = new RecurrentCellCase(kind);
        AssertClose(cell.Forward().Outputs, cell.OutputsIn<float>(), $"{kind} outputs");
        double[][] expected = cell.Gradients(), actual = cell.GradientsIn<float>();
        for (int a = 0; a < expected.Length; a++)
        {
            AssertClose(expected[a], actual[a], $"{kind} gradient of {RecurrentCellCase.Names[a]}");
        }
    }

    [Fact]
    public void A_span_of_the_wrong_length_is_named()
    {
        int steps = 2, batch = 1, inputs = 3, units = 4;
        var exception = Assert.Throws<ArgumentException>(() => LstmKernels.Forward<double>(
            new double[steps * batch * inputs], new double[4 * units * inputs], new double[4 * units * units + 1], [], [], [], [],
            new double[steps * batch * units], new double[steps * batch * units], new double[LstmKernels.GatesLength(steps, batch, units)],
            new double[LstmKernels.ForwardScratchLength(batch, units)], steps, batch, inputs, units));
        Assert.Equal("weightHh", exception.ParamName);
        Assert.Contains("65", exception.Message, StringComparison.Ordinal);
        Assert.Contains("64", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Same outputs and gradients, but for the arrays <paramref name="empty"/> left empty (it gets no gradient for them).</summary>
    private static void AssertSameExceptEmpty(RecurrentCellCase zero, RecurrentCellCase empty)
    {
        Assert.Equal(zero.Forward().Outputs, empty.Forward().Outputs);
        double[][] expected = zero.Gradients(), actual = empty.Gradients();
        for (int a = 0; a < expected.Length; a++)
        {
            if (empty.Values[a].Length == 0)
            {
                Assert.Empty(actual[a]);
                continue;
            }
            Assert.Equal(expected[a], actual[a]);
        }
    }

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-5 * Math.Max(scale, 1e-3),
                $"{what}[{k}]: double {expected[k]:R}, float {actual[k]:R}.");
        }
    }
}
