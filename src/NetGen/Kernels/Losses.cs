using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// The losses, one sample at a time. Each returns the sample's summed loss (as <see cref="double"/>, so that
/// batch sums keep their precision); the <c>...Gradient</c> forms also write <c>scale × ∂loss/∂(their input)</c>.
/// The generated code picks <c>scale</c> so that the batch loss is a mean (see <see cref="Loss"/>).
/// </summary>
public static class Losses
{
    /// <summary>Σ (output − target)².</summary>
    public static double SquaredError<T>(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int i = 0; i < outputs.Length; i++)
        {
            double difference = double.CreateTruncating(outputs[i] - targets[i]);
            sum += difference * difference;
        }
        return sum;
    }

    /// <summary>Σ (output − target)²; writes <c>∂/∂output = scale · 2·(output − target)</c>.</summary>
    public static double SquaredErrorGradient<T>(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, T scale, Span<T> outputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.One + T.One;
        for (int i = 0; i < outputs.Length; i++)
        {
            outputGradient[i] = scale * two * (outputs[i] - targets[i]);
        }
        return SquaredError(outputs, targets);
    }

    /// <summary>−Σ target·log softmax(logits), computed with the log-sum-exp shift.</summary>
    public static double SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity;
        foreach (T logit in logits)
        {
            max = Math.Max(max, double.CreateTruncating(logit));
        }
        double sumExp = 0;
        foreach (T logit in logits)
        {
            sumExp += Math.Exp(double.CreateTruncating(logit) - max);
        }
        double logSumExp = max + Math.Log(sumExp);
        double loss = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double target = double.CreateTruncating(targets[i]);
            if (target != 0)
            {
                loss -= target * (double.CreateTruncating(logits[i]) - logSumExp);
            }
        }
        return loss;
    }

    /// <summary>−Σ target·log softmax(logits); writes <c>∂/∂logits = scale · (softmax(logits)·Σtarget − target)</c>.</summary>
    public static double SoftmaxCrossEntropyGradient<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, T scale, Span<T> logitGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Activations.Softmax(logits, logitGradient);
        T targetSum = T.Zero;
        foreach (T target in targets)
        {
            targetSum += target;
        }
        for (int i = 0; i < logits.Length; i++)
        {
            logitGradient[i] = scale * (logitGradient[i] * targetSum - targets[i]);
        }
        return SoftmaxCrossEntropy(logits, targets);
    }

    /// <summary>
    /// Σ −[y·log σ(z) + (1 − y)·log(1 − σ(z))] on logits z, as max(z, 0) − z·y + log(1 + e^−|z|), the last term with
    /// log1p: for a confidently right logit it is the whole loss, e^−|z|, which log(1 + ·) rounds to 0 past |z| ≈ 37.
    /// </summary>
    public static double SigmoidCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double loss = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double z = double.CreateTruncating(logits[i]);
            double y = double.CreateTruncating(targets[i]);
            loss += Math.Max(z, 0) - z * y + AccurateMath.LogP1(Math.Exp(-Math.Abs(z)));
        }
        return loss;
    }

    /// <summary>The sigmoid cross-entropy on logits; writes <c>∂/∂logits = scale · (σ(z) − y)</c>.</summary>
    public static double SigmoidCrossEntropyGradient<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, T scale, Span<T> logitGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < logits.Length; i++)
        {
            logitGradient[i] = scale * (Activations.Sigmoid(logits[i]) - targets[i]);
        }
        return SigmoidCrossEntropy(logits, targets);
    }

    /// <summary>
    /// Σ −[y·log a + (1 − y)·log(1 − a)] on probabilities a, each log clamped at −100 as PyTorch's <c>BCELoss</c> does,
    /// so that a saturated output gives a large finite loss rather than infinity.
    /// </summary>
    public static double BinaryCrossEntropy<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double loss = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double a = double.CreateTruncating(probabilities[i]);
            double y = double.CreateTruncating(targets[i]);
            loss -= y * Math.Max(Math.Log(a), -100) + (1 - y) * Math.Max(Math.Log(1 - a), -100);
        }
        return loss;
    }

    /// <summary>
    /// The binary cross-entropy of sigmoid outputs a = σ(z); writes the gradient with respect to the
    /// <em>pre-activation</em> z, where the sigmoid's derivative cancels: <c>scale · (a − y)</c>.
    /// </summary>
    public static double BinaryCrossEntropyPreActivationGradient<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> targets, T scale, Span<T> preActivationGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < probabilities.Length; i++)
        {
            preActivationGradient[i] = scale * (probabilities[i] - targets[i]);
        }
        return BinaryCrossEntropy(probabilities, targets);
    }
}
