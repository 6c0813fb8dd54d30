namespace NetGen.Tests.Recurrent;

/// <summary>
/// Backpropagation through time of every recurrent cell against central finite differences of the loss, in double, for
/// every weight, bias, input value and initial state value. The parameter and input gradients must be added to what the
/// buffers hold and the initial states' written over it: the buffers start at a nonzero value to tell the two apart.
/// </summary>
public class RecurrentGradientCheckTests
{
    private const double Step = 1e-6;

    public static TheoryData<RecurrentCellKind> Cells => new(Enum.GetValues<RecurrentCellKind>());

    [Theory]
    [MemberData(nameof(Cells))]
    public void Backpropagation_through_time_matches_finite_differences(RecurrentCellKind kind)
    {
        var cell = new RecurrentCellCase(kind);
        double[][] analytic = cell.Gradients(initialGradient: 0.75);
        for (int a = 0; a < cell.Values.Length; a++)
        {
            double[] values = cell.Values[a];
            Assert.Equal(values.Length, analytic[a].Length);
            for (int k = 0; k < values.Length; k++)
            {
                double saved = values[k];
                values[k] = saved + Step;
                double up = cell.Loss();
                values[k] = saved - Step;
                double down = cell.Loss();
                values[k] = saved;
                double numeric = (up - down) / (2 * Step);
                double tolerance = 1e-7 * Math.Max(1, Math.Abs(numeric));
                Assert.True(Math.Abs(analytic[a][k] - numeric) <= tolerance,
                    $"{kind} {RecurrentCellCase.Names[a]}[{k}]: backward {analytic[a][k]:R}, finite differences {numeric:R}.");
            }
        }
    }
}
