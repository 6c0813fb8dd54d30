using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;

namespace NetGen.Generators.Model;

/// <summary>
/// One layer of the network as generated: <c>Repeat</c> groups and residual blocks already unrolled. Each kind is a
/// record of its own (in <c>Layers/</c>, with its reading, its writer and its part of the gradient model).
/// </summary>
/// <param name="Number">The layer's 1-based position; the generated names use it (<c>Layer2</c>, <c>_z2</c>).</param>
/// <param name="Input">What one sample of its input is.</param>
/// <param name="Output">What one sample of its output is.</param>
internal abstract record Layer(int Number, Shape Input, Shape Output)
{
    public string Name => "Layer" + Number;

    public abstract LayerKind Kind { get; }

    /// <summary>The activation applied to the layer's pre-activation <c>z</c> (Identity: its output array is <c>z</c>'s).</summary>
    public virtual ActivationFunction Activation => ActivationFunction.Identity;

    /// <summary>Where the layer's parameters start in the parameter array: its weights, then its biases.</summary>
    public int WeightOffset { get; init; }

    /// <summary>Where the layer's non-trained state starts in the state array.</summary>
    public int StateOffset { get; init; }

    /// <summary>The number of weights, in 64 bits so that a declaration too large for one array can be counted and refused.</summary>
    public virtual long LongWeightCount => 0;

    public virtual long LongBiasCount => 0;

    public long LongParameterCount => LongWeightCount + LongBiasCount;

    public int WeightCount => (int)LongWeightCount;

    public int BiasCount => (int)LongBiasCount;

    public int BiasOffset => WeightOffset + WeightCount;

    public int ParameterCount => WeightCount + BiasCount;

    public virtual int StateCount => 0;

    /// <summary>The summary's Type column: <c>Dense</c>, <c>Residual(+Layer3)</c>.</summary>
    public virtual string TypeDescription => Kind.ToString();

    /// <summary>The summary's Activation column.</summary>
    public virtual string ActivationDescription => Activation.ToString();

    /// <summary>The summary's Weight init column, "-" when it has none.</summary>
    public virtual string WeightInitDescription => "-";

    /// <summary>The summary's Bias init column, "-" when it has none.</summary>
    public virtual string BiasInitDescription => "-";

    /// <summary>The layer whose output <see cref="Input"/> is (0: the network's input): the one before, or a residual block's skip.</summary>
    public virtual int InputFrom => Number - 1;

    /// <summary>Whether the layer can read <paramref name="input"/>: most kinds take a vector only.</summary>
    public virtual bool Accepts(Shape input) => input.IsVector;

    /// <summary>What <see cref="Accepts"/> takes, and what to do when the input (<see cref="Input"/>) is not that, for the error's message.</summary>
    public virtual (string Takes, string Fix) AcceptedInput => ("a vector", Input.IsImage
        ? Shapes.ImageToVectorFix
        : "put it after a recurrent layer that returns its last state (ReturnSequences = false)");

    /// <summary>
    /// The most values per sample any one of the layer's buffers holds, for refusing a <c>maxBatchSize</c> whose buffers
    /// would not fit an array: its output, or a recurrent layer's caches over every step.
    /// </summary>
    public virtual long LargestBufferPerSample => Output.LongSize;

    /// <summary>The writer of the layer's share of the generated class.</summary>
    public abstract LayerWriter CreateWriter(NetworkModel network);

    /// <summary>The mean and variance of the layer's pre-activation at initialization, from the moments of earlier layers' outputs.</summary>
    public abstract Moments PreActivation(MeanField field);

    /// <summary>
    /// Adds, to the outputs of the layers this one reads, their share of <paramref name="preActivationGradient"/>: E[(∂loss/∂z)²]
    /// per unit and its common mode over the units (<see cref="GradientMoments"/>).
    /// </summary>
    public abstract void Backpropagate(MeanField field, GradientMoments preActivationGradient);

    /// <summary>The function between the pre-activation and the output, for the gradient model (a PReLU's is LeakyReLU at its initial slope).</summary>
    public virtual ActivationFunction MeanFieldActivation => Activation;
}
