using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Dense;

/// <summary>
/// A fully connected layer, <c>a = activation(W·x + b)</c>, with <c>W</c> of shape [units, inputs] row-major and, unless
/// declared without, one bias per unit.
/// </summary>
/// <param name="WeightInit">How the weights are drawn.</param>
/// <param name="BiasInit">How the biases are drawn; <see langword="null"/> for a layer without biases.</param>
internal sealed record DenseLayer(int Number, Shape Input, Shape Output, ActivationFunction LayerActivation, Initializer WeightInit, Initializer? BiasInit)
    : Layer(Number, Input, Output)
{
    public override LayerKind Kind => LayerKind.Dense;

    public override ActivationFunction Activation => LayerActivation;

    public int Inputs => Input.Size;

    public int Units => Output.Size;

    public override long LongWeightCount => (long)Inputs * Units;

    public override long LongBiasCount => BiasInit is null ? 0 : Units;

    public override string WeightInitDescription => WeightInit.ToString();

    public override string BiasInitDescription => BiasInit?.ToString() ?? "-";

    public override LayerWriter CreateWriter(NetworkModel network) => new DenseWriter(network, this);

    /// <summary>z = Σ w·x + b over the fan-in: mean fan_in·E[w]·E[x] + E[b], variance fan_in·(E[w²]·E[x²] − E[w]²·E[x]²) + Var(b).</summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        double weightMean = WeightInit.Mean(Inputs, Units);
        double biasMean = BiasInit?.Mean(Inputs, Units) ?? 0;
        double biasVariance = BiasInit?.Variance(Inputs, Units) ?? 0;
        double variance = Inputs * (WeightInit.SecondMoment(Inputs, Units) * x.MeanSquare - weightMean * weightMean * x.Mean * x.Mean) + biasVariance;
        return new Moments(Inputs * weightMean * x.Mean + biasMean, variance);
    }

    /// <summary>∂loss/∂x = Wᵀ·dz: each input gathers units·E[w²]·E[dz²].</summary>
    public override void Backpropagate(MeanField field, double preActivationGradient) =>
        field.OutputGradients[Number - 1] += Units * WeightInit.SecondMoment(Inputs, Units) * preActivationGradient;
}
