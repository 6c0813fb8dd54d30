using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The residual rule's one-unit chain along an identity skip, x' = ReLU(x + F) with F ~ N(0, v) independent of x
/// (<see cref="UnitValueLaw"/>, <see cref="SkipPathGradient"/>), against a Monte Carlo simulation of the same chain
/// written apart: the law's moments and P(z &gt; 0) going forward, and the gradient going backward, whose skip part stays
/// on the unit (multiplied by its masks) while the branch's part, χ times the block's E[dz²], reaches every unit alike.
/// </summary>
public class SkipChainTests
{
    private const int Units = 400_000;
    private static readonly ActivationFunction ReLU = new(ActivationKind.ReLU, 0);

    [Theory]
    [InlineData(false, 25)] // a batch-normalized branch: F ~ N(0, 1) whatever x's size
    [InlineData(true, 10)] // two He layers: F ~ N(0, 2·E[x²])
    public void The_law_of_the_sum_follows_the_simulated_chain(bool he, int blocks)
    {
        List<UnitValueLaw> laws = Laws(he, blocks);
        var random = new Random(11);
        double[] x = Stem(random);
        for (int b = 0; b < blocks; b++)
        {
            double sd = Math.Sqrt(BranchVariance(he, laws[b]));
            int active = 0;
            for (int i = 0; i < Units; i++)
            {
                double z = x[i] + sd * Gaussian(random);
                active += z > 0 ? 1 : 0;
                x[i] = Math.Max(0, z);
            }
            UnitValueLaw law = laws[b + 1];
            Assert.InRange(law.ActiveFraction / ((double)active / Units), 0.99, 1.01);
            Assert.InRange(law.Mean / x.Average(), 0.98, 1.02);
            Assert.InRange(law.MeanSquare / x.Average(v => v * v), 0.97, 1.03);
        }
    }

    [Theory]
    [InlineData(false, 25)]
    [InlineData(true, 10)]
    public void The_skip_path_gradient_follows_the_simulated_chain_and_the_independent_masks_do_not(bool he, int blocks)
    {
        const double branchGain = 2; // χ: what the branch passes of the block's E[dz²], to every unit alike
        List<UnitValueLaw> laws = Laws(he, blocks);

        // The model, as the residual rule runs it: each block's dz is its output gradient times P(z > 0).
        var predicted = new double[blocks];
        double total = 1;
        SkipPathGradient? next = null;
        for (int b = blocks - 1; b >= 0; b--)
        {
            predicted[b] = total * laws[b + 1].ActiveFraction;
            SkipPathGradient? after = next;
            double rest = after is null ? total : total - after.Effective;
            Func<double, double> u = after is null ? _ => rest : x => rest + after.At(x);
            var branch = new Moments(0, BranchVariance(he, laws[b]));
            next = SkipPathGradient.Through(ReLU, branch, u, laws[b])!;
            total = next.Effective + branchGain * predicted[b];
        }

        // The simulation: every unit's masks, then E[dz²] per unit backward with the skip's part kept on its unit.
        var random = new Random(12);
        double[] x = Stem(random);
        var masks = new bool[blocks][];
        for (int b = 0; b < blocks; b++)
        {
            double sd = Math.Sqrt(BranchVariance(he, laws[b]));
            masks[b] = new bool[Units];
            for (int i = 0; i < Units; i++)
            {
                double z = x[i] + sd * Gaussian(random);
                masks[b][i] = z > 0;
                x[i] = Math.Max(0, z);
            }
        }
        var e = Enumerable.Repeat(1.0, Units).ToArray();
        var measured = new double[blocks];
        for (int b = blocks - 1; b >= 0; b--)
        {
            double sum = 0;
            for (int i = 0; i < Units; i++)
            {
                e[i] = masks[b][i] ? e[i] : 0;
                sum += e[i];
            }
            measured[b] = sum / Units;
            for (int i = 0; i < Units; i++)
            {
                e[i] += branchGain * measured[b];
            }
        }

        double ratio = predicted[0] / predicted[blocks - 1] / (measured[0] / measured[blocks - 1]);
        Assert.InRange(ratio, 0.96, 1.04);

        // Independent masks (the mean field's product of P(z > 0)) fall well short over these blocks.
        double independent = 1;
        for (int b = 0; b < blocks - 1; b++)
        {
            independent *= laws[b + 1].ActiveFraction * (1 + branchGain);
        }
        Assert.True(independent / (measured[0] / measured[blocks - 1]) < 0.85, $"independent masks: {independent}");
    }

    /// <summary>The law after the stem (ReLU of N(0, 1)) and after each block.</summary>
    private static List<UnitValueLaw> Laws(bool he, int blocks)
    {
        var laws = new List<UnitValueLaw> { UnitValueLaw.OfNormal(ReLU, new Moments(0, 1))! };
        for (int b = 0; b < blocks; b++)
        {
            laws.Add(laws[b].Through(ReLU, new Moments(0, BranchVariance(he, laws[b])))!);
        }
        return laws;
    }

    private static double BranchVariance(bool he, UnitValueLaw input) => he ? 2 * input.MeanSquare : 1;

    private static double[] Stem(Random random) => Enumerable.Range(0, Units).Select(_ => Math.Max(0, Gaussian(random))).ToArray();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
