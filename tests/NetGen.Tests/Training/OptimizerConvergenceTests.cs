using System.Numerics;
using NetGen;

namespace NetGen.Tests.Training;

/// <summary>Each optimizer minimizes f(p) = Σ (p_i − c_i)², whose gradient is 2(p − c), down to p = c.</summary>
public class OptimizerConvergenceTests
{
    private static readonly double[] Target = [3, -1.5, 0.25, 7, -4, 0, 1, 2, -2, 5, 0.5];

    private static void AssertConverges<T>(IOptimizer<T> optimizer, int steps, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = new T[Target.Length];
        var gradient = new T[Target.Length];
        T two = T.CreateTruncating(2);
        for (int step = 0; step < steps; step++)
        {
            for (int i = 0; i < p.Length; i++)
            {
                gradient[i] = two * (p[i] - T.CreateTruncating(Target[i]));
            }
            optimizer.Step(p, gradient);
        }
        for (int i = 0; i < p.Length; i++)
        {
            Assert.True(Math.Abs(double.CreateTruncating(p[i]) - Target[i]) <= tolerance, $"p[{i}] = {p[i]}, expected {Target[i]}.");
        }
    }

    [Fact]
    public void Sgd_converges() => AssertConverges(new Sgd<double>(0.1), 200, 1e-9);

    [Fact]
    public void Sgd_with_momentum_converges() => AssertConverges(new Sgd<float>(0.05, momentum: 0.9), 500, 1e-4);

    [Fact]
    public void Sgd_with_nesterov_converges() => AssertConverges(new Sgd<double>(0.05, momentum: 0.9, nesterov: true), 500, 1e-9);

    [Fact]
    public void Adam_converges() => AssertConverges(new Adam<double>(learningRate: 0.05), 3000, 1e-3);

    [Fact]
    public void Adam_float_converges() => AssertConverges(new Adam<float>(learningRate: 0.05), 3000, 1e-3);

    [Fact]
    public void AdamW_without_decay_converges() => AssertConverges(new AdamW<double>(learningRate: 0.05, weightDecay: 0), 3000, 1e-3);

    [Fact]
    public void AdamW_with_decay_stops_short_of_the_minimum()
    {
        // Minimizing (p − 7)² with λ = 0.5: the Adam step is at most lr (|m̂/√v̂| ≤ 1, and → 1 while the gradient keeps its sign),
        // the decay step is lr·λ·p, so p settles where λ·p = 1, at p = 2, far short of 7.
        var p = new double[] { 0 };
        var adamW = new AdamW<double>(learningRate: 0.05, weightDecay: 0.5);
        for (int step = 0; step < 3000; step++)
        {
            adamW.Step(p, [2 * (p[0] - 7)]);
        }
        Assert.InRange(p[0], 1.9, 2.0);
    }
}
