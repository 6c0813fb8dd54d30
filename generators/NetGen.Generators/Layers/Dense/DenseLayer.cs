using System;
using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Dense;

/// <summary>
/// A fully connected layer, <c>a = activation(W·x + b)</c>, with <c>W</c> of shape [units, inputs] row-major and, unless
/// declared without, one bias per unit. On a sequence, the same layer at every step.
/// </summary>
/// <param name="WeightInit">How the weights are drawn.</param>
/// <param name="BiasInit">How the biases are drawn; <see langword="null"/> for a layer without biases.</param>
internal sealed record DenseLayer(int Number, Shape Input, Shape Output, ActivationFunction LayerActivation, Initializer WeightInit, Initializer? BiasInit)
    : Layer(Number, Input, Output)
{
    public override LayerKind Kind => LayerKind.Dense;

    public override ActivationFunction Activation => LayerActivation;

    public int Inputs => Input.Features;

    public int Units => Output.Features;

    /// <summary>On a sequence it applies at every step, the same weights on each (Keras's <c>Dense</c> on a 3-D input); an image must be flattened first.</summary>
    public override bool Accepts(Shape input) => !input.IsImage;

    public override (string Takes, string Fix) AcceptedInput => ("a vector or a sequence", Shapes.ImageToVectorFix);

    public override long LongWeightCount => (long)Inputs * Units;

    public override long LongBiasCount => BiasInit is null ? 0 : Units;

    public override string WeightInitDescription => WeightInit.ToString();

    public override string BiasInitDescription => BiasInit?.ToString() ?? "-";

    public override LayerWriter CreateWriter(NetworkModel network) => new DenseWriter(network, this);

    /// <summary>
    /// z = Σ w·x + b over the fan-in, with w = E[w] + δ and x = its mean + a unit offset + a sample's shared shift + an
    /// independent rest (<see cref="Moments"/>): E[w]·Σx shifts every unit of a sample alike (fan_in²·E[w]²·shared +
    /// fan_in·E[w]²·independent); Σ δ·x gives each unit an offset (fan_in·Var(w)·(E[x]² + offsets), with the biases' Var(b))
    /// and an independent part (fan_in·Var(w)·(shared + independent)). With independent inputs (no shared shift) the sum
    /// is the familiar fan_in·(E[w²]·E[x²] − E[w]²·E[x]²) + Var(b).
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        double weightMean = WeightInit.Mean(Inputs, Units);
        double weightVariance = Math.Max(0, WeightInit.SecondMoment(Inputs, Units) - weightMean * weightMean);
        double biasMean = BiasInit?.Mean(Inputs, Units) ?? 0;
        double biasVariance = BiasInit?.Variance(Inputs, Units) ?? 0;
        double meanSquared = weightMean * weightMean;
        double shared = meanSquared * Inputs * ((double)Inputs * x.SharedVariance + x.IndependentVariance);
        // E[w]·Σ offsets is one constant for the whole layer: not within a unit, counted with the offsets.
        double offsets = weightVariance * Inputs * (x.Mean * x.Mean + x.OffsetVariance) + meanSquared * Inputs * x.OffsetVariance + biasVariance;
        double independent = weightVariance * Inputs * (x.SharedVariance + x.IndependentVariance);
        return new Moments(Inputs * weightMean * x.Mean + biasMean, shared + offsets + independent, offsets, shared);
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
