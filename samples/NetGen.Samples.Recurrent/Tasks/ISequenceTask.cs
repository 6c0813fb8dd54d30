using System;

namespace RecurrentSample;

/// <summary>A synthetic sequence task whose samples are drawn on the fly, batch after batch, from a seeded generator.</summary>
internal interface ISequenceTask
{
    /// <summary>The values of one input sequence: steps × features, step after step.</summary>
    int InputSize { get; }

    /// <summary>The target values of one sequence.</summary>
    int TargetSize { get; }

    /// <summary>Fills <paramref name="inputs"/> and <paramref name="targets"/> with <paramref name="count"/> new sequences.</summary>
    void Fill(Span<float> inputs, Span<float> targets, int count, Random random);
}
