using System;

namespace RecurrentSample;

/// <summary>
/// The copy task (Hochreiter &amp; Schmidhuber 1997; Arjovsky, Shah &amp; Bengio 2016's form): 10 symbols drawn from 8, then
/// T − 1 blanks, a delimiter, and 10 more blanks, T + 20 steps in all, one-hot over 10 input classes (0 blank, 1..8 the
/// symbols, 9 the delimiter); the target is a blank (class 0 of 9) at every step but the last 10, which must repeat the
/// symbols.
/// </summary>
/// <param name="Delay">The number of steps T between the end of the symbols and the delimiter's end; at least 1.</param>
internal sealed record CopyTask(int Delay) : ISequenceTask
{
    /// <summary>The number of symbols to remember.</summary>
    public const int Symbols = 10;

    /// <summary>The size of the alphabet the symbols are drawn from.</summary>
    public const int Alphabet = 8;

    /// <summary>Input classes per step: blank, the symbols, the delimiter.</summary>
    public const int InputClasses = Alphabet + 2;

    /// <summary>Output classes per step: blank and the symbols.</summary>
    public const int OutputClasses = Alphabet + 1;

    /// <summary>The sequence length, T + 20.</summary>
    public int Steps => Delay + 2 * Symbols;

    public int InputSize => Steps * InputClasses;

    public int TargetSize => Steps * OutputClasses;

    /// <summary>
    /// The per-step cross-entropy of the best memoryless answer: blanks where they are certain, a uniform guess over the 8
    /// symbols at the last 10 steps, averaged over the T + 20 steps: 10·ln 8 / (T + 20).
    /// </summary>
    public double BaselineCrossEntropy => Symbols * Math.Log(Alphabet) / Steps;

    public void Fill(Span<float> inputs, Span<float> targets, int count, Random random)
    {
        inputs[..(count * InputSize)].Clear();
        targets[..(count * TargetSize)].Clear();
        for (int sample = 0; sample < count; sample++)
        {
            Span<float> input = inputs.Slice(sample * InputSize, InputSize);
            Span<float> target = targets.Slice(sample * TargetSize, TargetSize);
            for (int step = 0; step < Steps; step++)
            {
                int inputClass = step == Delay + Symbols - 1 ? InputClasses - 1 : 0;
                input[step * InputClasses + inputClass] = 1;
                target[step * OutputClasses] = 1;
            }
            for (int i = 0; i < Symbols; i++)
            {
                int symbol = 1 + random.Next(Alphabet);
                input[i * InputClasses] = 0;
                input[i * InputClasses + symbol] = 1;
                int recall = Steps - Symbols + i;
                target[recall * OutputClasses] = 0;
                target[recall * OutputClasses + symbol] = 1;
            }
        }
    }
}
