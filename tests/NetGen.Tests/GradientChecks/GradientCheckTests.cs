using Xunit.Abstractions;

namespace NetGen.Tests.GradientChecks;

/// <summary>
/// Checks the generated backward pass of every activation × initializer family × loss against finite differences of
/// its own loss, in double precision (see <see cref="FiniteDifferences"/>).
/// </summary>
public class GradientCheckTests(ITestOutputHelper output)
{
    public static TheoryData<string> Networks()
    {
        var data = new TheoryData<string>();
        foreach (Type type in NetworkTypes())
        {
            data.Add(type.Name);
        }
        return data;
    }

    [Fact]
    public void Every_activation_initializer_family_and_loss_is_checked()
    {
        string[] names = NetworkTypes().Select(t => t.Name).ToArray();
        string[] losses = ["MeanSquaredError", "SoftmaxCrossEntropy", "SoftmaxOutput", "SigmoidCrossEntropy", "BinaryCrossEntropy"];
        string[] families = ["Glorot", "He", "LeCun", "Legacy", "StandardNormal"];
        foreach (string loss in losses)
        {
            foreach (Activation activation in Enum.GetValues<Activation>().Where(a => a != Activation.Softmax))
            {
                foreach (string family in families)
                {
                    Assert.Contains($"{loss}_{activation}_{family}", names);
                }
            }
        }
        Assert.Equal(losses.Length * 7 * families.Length, names.Length);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Analytic_gradient_matches_finite_differences(string name)
    {
        Type type = NetworkTypes().Single(t => t.Name == name);
        var network = (INetwork<double>)Activator.CreateInstance(type, FiniteDifferences.BatchSize, 11)!;
        FiniteDifferences.Check(network, name, output);
    }

    private static IEnumerable<Type> NetworkTypes() => typeof(GradientCheckTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(GradientCheckTests).Namespace && typeof(INetwork<double>).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal);
}
