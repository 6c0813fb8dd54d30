using System.Numerics;
using NetGen;

namespace NetGen.Tests.Training;

/// <summary>Each optimizer, in float and double, against the scalar reference of <see cref="ReferenceOptimizers"/>.</summary>
public class OptimizerReferenceTests
{
    // 19 parameters: two or more full vectors plus a scalar tail for both float and double, whatever the vector width.
    private const int ParameterCount = 19;
    private const int Steps = 7;

    private static double[] Start() => Enumerable.Range(0, ParameterCount).Select(i => Math.Cos(i * 0.7) * 1.5).ToArray();

    // Fixed, varied gradients: different signs and magnitudes per parameter and step, a few exact zeros.
    private static double[][] Gradients() =>
        Enumerable.Range(0, Steps)
            .Select(t => Enumerable.Range(0, ParameterCount).Select(i => i % 7 == 3 ? 0.0 : Math.Sin(i + 3.0 * t) * (1 + i % 4)).ToArray())
            .ToArray();

    private static void AssertMatches<T>(IOptimizer<T> optimizer, double[][] expectedPerStep, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] parameters = Start().Select(T.CreateTruncating).ToArray();
        double[][] gradients = Gradients();
        for (int t = 0; t < Steps; t++)
        {
            T[] gradient = gradients[t].Select(T.CreateTruncating).ToArray();
            optimizer.Step(parameters, gradient);
            for (int i = 0; i < ParameterCount; i++)
            {
                double actual = double.CreateTruncating(parameters[i]);
                Assert.True(
                    Math.Abs(actual - expectedPerStep[t][i]) <= tolerance,
                    $"Step {t + 1}, parameter {i}: expected {expectedPerStep[t][i]}, got {actual}.");
            }
        }
    }

    public static TheoryData<double, bool, double> SgdCases => new()
    {
        { 0.0, false, 0.0 },
        { 0.9, false, 0.0 },
        { 0.9, true, 0.0 },
        { 0.0, false, 0.05 },
        { 0.8, false, 0.05 },
        { 0.5, true, 0.1 },
    };

    [Theory]
    [MemberData(nameof(SgdCases))]
    public void Sgd_matches_reference(double momentum, bool nesterov, double weightDecay)
    {
        double[][] expected = ReferenceOptimizers.Sgd(Start(), Gradients(), 0.05, momentum, nesterov, weightDecay);
        AssertMatches(new Sgd<double>(0.05, momentum, nesterov, weightDecay), expected, 1e-12);
        AssertMatches(new Sgd<float>(0.05, momentum, nesterov, weightDecay), expected, 2e-5);
    }

    public static TheoryData<double, double, double, double, double> AdamCases => new()
    {
        // learning rate, beta1, beta2, epsilon, weight decay
        { 0.001, 0.9, 0.999, 1e-8, 0.0 },
        { 0.05, 0.9, 0.999, 1e-8, 0.0 },
        { 0.05, 0.8, 0.99, 1e-6, 0.1 },
        { 0.1, 0.0, 0.5, 1e-3, 0.02 },
    };

    [Theory]
    [MemberData(nameof(AdamCases))]
    public void Adam_matches_reference(double lr, double beta1, double beta2, double eps, double weightDecay)
    {
        double[][] expected = ReferenceOptimizers.Adam(Start(), Gradients(), lr, beta1, beta2, eps, weightDecay, decoupled: false);
        AssertMatches(new Adam<double>(lr, beta1, beta2, eps, weightDecay), expected, 1e-12);
        AssertMatches(new Adam<float>(lr, beta1, beta2, eps, weightDecay), expected, 2e-5);
    }

    [Theory]
    [MemberData(nameof(AdamCases))]
    public void AdamW_matches_reference(double lr, double beta1, double beta2, double eps, double weightDecay)
    {
        double[][] expected = ReferenceOptimizers.Adam(Start(), Gradients(), lr, beta1, beta2, eps, weightDecay, decoupled: true);
        AssertMatches(new AdamW<double>(lr, beta1, beta2, eps, weightDecay), expected, 1e-12);
        AssertMatches(new AdamW<float>(lr, beta1, beta2, eps, weightDecay), expected, 2e-5);
    }

    [Fact]
    public void AdamW_default_weight_decay_matches_reference_with_PyTorch_defaults()
    {
        double[][] expected = ReferenceOptimizers.Adam(Start(), Gradients(), 0.001, 0.9, 0.999, 1e-8, 0.01, decoupled: true);
        AssertMatches(new AdamW<double>(), expected, 1e-12);
    }
}
