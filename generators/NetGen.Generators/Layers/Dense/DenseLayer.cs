using System;
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

    /// <summary>
    /// z = Σ w·x + b over the fan-in: mean fan_in·E[w]·E[x] + E[b], variance fan_in·(E[w²]·E[x²] − E[w]²·E[x]²) + Var(b)
    /// over units and samples. Over the samples of one unit only fan_in·E[w²]·Var_unit(x) of it: the rest is each unit's
    /// fixed offset Σ w·E[x] + b.
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        double weightMean = WeightInit.Mean(Inputs, Units);
        double weightMeanSquare = WeightInit.SecondMoment(Inputs, Units);
        double biasMean = BiasInit?.Mean(Inputs, Units) ?? 0;
        double biasVariance = BiasInit?.Variance(Inputs, Units) ?? 0;
        double variance = Inputs * (weightMeanSquare * x.MeanSquare - weightMean * weightMean * x.Mean * x.Mean) + biasVariance;
        double withinUnit = Inputs * weightMeanSquare * x.WithinUnitVariance;
        return new Moments(Inputs * weightMean * x.Mean + biasMean, variance, Math.Max(0, variance - withinUnit));
    }

    /// <summary>
    /// ∂loss/∂x = Wᵀ·dz: E[(Σ w·dz)²] = units·E[w²]·E[dz²] + E[w]²·Σ_{j≠k} E[dz_j·dz_k] = units·Var(w)·E[dz²] + E[w]²·units²·E[c²]
    /// with c the common mode of dz over the units; the inputs' common mode keeps the second term and gets the first
    /// divided by the number of inputs. A matrix initializer (orthogonal, identity) has no i.i.d. mean: only E[w²] counts.
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        double weightMean = WeightInit is MatrixInitializer ? 0 : WeightInit.Mean(Inputs, Units);
        double weightVariance = Math.Max(0, WeightInit.SecondMoment(Inputs, Units) - weightMean * weightMean);
        double independent = Units * weightVariance * preActivationGradient.MeanSquare;
        double shared = weightMean * weightMean * Units * (double)Units * preActivationGradient.CommonModeSquare;
        field.AddOutputGradient(Number - 1, new GradientMoments(independent + shared, shared + independent / Inputs));
    }
}
