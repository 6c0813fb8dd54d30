using NetGen;

namespace NetGen.Tests.Pretraining;

/// <summary>The autoencoder's analytic gradient against central finite differences of its loss, in double.</summary>
public class DenseAutoencoderGradientTests
{
    public static TheoryData<Activation, bool, ReconstructionLoss, bool> Cases()
    {
        var cases = new TheoryData<Activation, bool, ReconstructionLoss, bool>();
        foreach (Activation activation in new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.Identity })
        {
            foreach (bool tied in new[] { true, false })
            {
                foreach (ReconstructionLoss loss in new[] { ReconstructionLoss.SigmoidCrossEntropy, ReconstructionLoss.LinearSquaredError })
                {
                    cases.Add(activation, tied, loss, true);
                }
            }
        }
        cases.Add(Activation.Sigmoid, true, ReconstructionLoss.SigmoidCrossEntropy, false);
        cases.Add(Activation.Tanh, false, ReconstructionLoss.LinearSquaredError, false);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analytic_gradient_matches_finite_differences(Activation activation, bool tied, ReconstructionLoss loss, bool hasBiases)
    {
        const int inputs = 7, hidden = 5, batch = 4;
        var random = new SeededRandom(42);
        var autoencoder = new DenseAutoencoder(inputs, hidden, activation, hasBiases, tied, loss, batch);
        for (int i = 0; i < autoencoder.Parameters.Length; i++)
        {
            autoencoder.Parameters[i] = random.NextDouble() * 1.6 - 0.8;
        }
        double[] targets = new double[batch * inputs];
        double[] corrupted = new double[batch * inputs];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = random.NextDouble();
            corrupted[i] = random.NextDouble() < 0.3 ? 0 : targets[i]; // a denoising step: the code of corrupted inputs, scored on clean ones
        }

        autoencoder.ComputeGradients(targets, corrupted, batch);
        double[] analytic = (double[])autoencoder.Gradients.Clone();

        const double step = 1e-6;
        int checkedCount = 0;
        for (int i = 0; i < autoencoder.Parameters.Length; i++)
        {
            double saved = autoencoder.Parameters[i];
            autoencoder.Parameters[i] = saved + step;
            double plus = autoencoder.ComputeLoss(targets, corrupted, batch);
            autoencoder.Parameters[i] = saved - step;
            double minus = autoencoder.ComputeLoss(targets, corrupted, batch);
            autoencoder.Parameters[i] = saved;
            double numeric = (plus - minus) / (2 * step);
            double tolerance = 1e-6 * Math.Max(1, Math.Abs(numeric));
            Assert.True(Math.Abs(analytic[i] - numeric) <= tolerance,
                $"Parameter {i} of {autoencoder.Parameters.Length} ({activation}, tied {tied}, {loss}, biases {hasBiases}): analytic {analytic[i]:R}, finite difference {numeric:R}.");
            checkedCount += numeric != 0 ? 1 : 0;
        }
        Assert.True(checkedCount > autoencoder.Parameters.Length / 2, $"Only {checkedCount} of {autoencoder.Parameters.Length} gradients are non-zero: the check checks little.");
    }

    [Fact]
    public void Untied_weights_have_a_decoder_matrix_of_their_own()
    {
        var tied = new DenseAutoencoder(7, 5, Activation.Sigmoid, true, tiedWeights: true, ReconstructionLoss.SigmoidCrossEntropy, 4);
        var untied = new DenseAutoencoder(7, 5, Activation.Sigmoid, true, tiedWeights: false, ReconstructionLoss.SigmoidCrossEntropy, 4);
        Assert.Equal(5 * 7 + 5 + 7, tied.Parameters.Length);
        Assert.Equal(5 * 7 + 5 + 5 * 7 + 7, untied.Parameters.Length);
    }
}
