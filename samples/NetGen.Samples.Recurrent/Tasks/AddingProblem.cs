using System;

namespace RecurrentSample;

/// <summary>
/// The adding problem in Le, Jaitly &amp; Hinton's variant (2015), after Hochreiter &amp; Schmidhuber (1997): each step holds a
/// value drawn from U(0, 1) and a marker; the marker is 1 at one step of the first half and one step of the second half, 0
/// elsewhere; the target is the sum of the two marked values.
/// </summary>
/// <param name="Steps">The sequence length T; at least 2.</param>
internal sealed record AddingProblem(int Steps) : ISequenceTask
{
    /// <summary>The mean squared error of always answering 1, the mean of the target: the variance of a sum of two U(0, 1), 1/6.</summary>
    public const double BaselineMeanSquaredError = 1.0 / 6.0;

    /// <summary>Hochreiter &amp; Schmidhuber's criterion: a sequence is solved when the absolute error is below this.</summary>
    public const double SolvedError = 0.04;

    public int InputSize => 2 * Steps;

    public int TargetSize => 1;

    public void Fill(Span<float> inputs, Span<float> targets, int count, Random random)
    {
        for (int sample = 0; sample < count; sample++)
        {
            Span<float> sequence = inputs.Slice(sample * InputSize, InputSize);
            for (int step = 0; step < Steps; step++)
            {
                sequence[2 * step] = random.NextSingle();
                sequence[2 * step + 1] = 0;
            }
            int half = Steps / 2;
            int first = random.Next(half), second = half + random.Next(Steps - half);
            sequence[2 * first + 1] = 1;
            sequence[2 * second + 1] = 1;
            targets[sample] = sequence[2 * first] + sequence[2 * second];
        }
    }
}
