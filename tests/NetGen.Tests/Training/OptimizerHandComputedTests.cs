using NetGen;

namespace NetGen.Tests.Training;

/// <summary>Small cases whose expected numbers are worked out by hand in the comments.</summary>
public class OptimizerHandComputedTests
{
    [Fact]
    public void Sgd_with_momentum_two_steps()
    {
        // lr 0.1, μ 0.9, g = 1 each step, p0 = 0:
        // step 1: v1 = g = 1;                p1 = 0 − 0.1·1 = −0.1
        // step 2: v2 = 0.9·1 + 1 = 1.9;      p2 = −0.1 − 0.1·1.9 = −0.29
        var sgd = new Sgd<double>(0.1, momentum: 0.9);
        double[] p = [0];
        sgd.Step(p, [1]);
        Assert.Equal(-0.1, p[0], 1e-15);
        sgd.Step(p, [1]);
        Assert.Equal(-0.29, p[0], 1e-15);
    }

    [Fact]
    public void Sgd_with_nesterov_two_steps()
    {
        // lr 0.1, μ 0.9, g = 1, p0 = 0:
        // step 1: v1 = 1;   direction = 1 + 0.9·1 = 1.9;     p1 = −0.19
        // step 2: v2 = 1.9; direction = 1 + 0.9·1.9 = 2.71;  p2 = −0.19 − 0.271 = −0.461
        var sgd = new Sgd<double>(0.1, momentum: 0.9, nesterov: true);
        double[] p = [0];
        sgd.Step(p, [1]);
        Assert.Equal(-0.19, p[0], 1e-15);
        sgd.Step(p, [1]);
        Assert.Equal(-0.461, p[0], 1e-15);
    }

    [Fact]
    public void Sgd_weight_decay_is_added_to_the_gradient()
    {
        // lr 0.1, λ 0.5, p0 = 2, g = 1: direction = 1 + 0.5·2 = 2; p1 = 2 − 0.1·2 = 1.8
        var sgd = new Sgd<double>(0.1, weightDecay: 0.5);
        double[] p = [2];
        sgd.Step(p, [1]);
        Assert.Equal(1.8, p[0], 1e-15);
    }

    [Fact]
    public void Adam_first_steps_move_by_about_the_learning_rate()
    {
        // Defaults (lr 0.001, β1 0.9, β2 0.999, ε 1e-8), p0 = 1, g = 2:
        // step 1: m = 0.2, v = 0.004; m̂ = 0.2/0.1 = 2, v̂ = 0.004/0.001 = 4; p1 = 1 − 0.001·2/(2 + 1e-8) = 0.999 + 5e-12
        // step 2: m = 0.18 + 0.2 = 0.38, m̂ = 0.38/0.19 = 2; v = 0.003996 + 0.004 = 0.007996, v̂ = 0.007996/0.001999 = 4
        //         p2 = p1 − 0.001·2/(2 + 1e-8) = 0.998 + 1e-11
        var adam = new Adam<double>();
        double[] p = [1];
        adam.Step(p, [2]);
        Assert.Equal(0.999 + 5e-12, p[0], 1e-14);
        adam.Step(p, [2]);
        Assert.Equal(0.998 + 1e-11, p[0], 1e-14);
    }

    [Fact]
    public void AdamW_decays_parameters_even_with_zero_gradient()
    {
        // lr 0.1, λ 0.01, g = 0, p0 = 1: m = v = 0, so the Adam step is 0/(0 + ε) = 0; only the decay acts:
        // p1 = 1·(1 − 0.1·0.01) = 0.999; p2 = 0.999·0.999 = 0.998001
        var adamW = new AdamW<double>(learningRate: 0.1, weightDecay: 0.01);
        double[] p = [1];
        adamW.Step(p, [0]);
        Assert.Equal(0.999, p[0], 1e-15);
        adamW.Step(p, [0]);
        Assert.Equal(0.998001, p[0], 1e-15);
    }

    [Fact]
    public void Adam_coupled_weight_decay_is_normalized_like_a_gradient()
    {
        // lr 0.1, λ 0.01, g = 0, p0 = 1: the gradient becomes 0.01·1 = 0.01, m̂ = 0.01, v̂ = 0.0001, step = 0.1·0.01/(0.01 + 1e-8)
        // p1 = 1 − 0.1/(1 + 1e-6) ≈ 0.9000001 (a full learning-rate step, unlike AdamW's 0.999)
        var adam = new Adam<double>(learningRate: 0.1, weightDecay: 0.01);
        double[] p = [1];
        adam.Step(p, [0]);
        Assert.Equal(1 - 0.1 / (1 + 1e-6), p[0], 1e-14);
    }

    [Fact]
    public void Defaults_are_PyTorch_defaults()
    {
        var sgd = new Sgd<float>(0.01);
        Assert.Equal((0.0, false, 0.0), (sgd.Momentum, sgd.Nesterov, sgd.WeightDecay));
        var adam = new Adam<float>();
        Assert.Equal((0.001, 0.9, 0.999, 1e-8, 0.0), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));
        var adamW = new AdamW<float>();
        Assert.Equal((0.001, 0.9, 0.999, 1e-8, 0.01), (adamW.LearningRate, adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay));
    }
}
