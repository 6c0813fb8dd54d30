using System;
using System.Collections.Generic;
using NetGen;

namespace VanishingGradientsSample;

/// <summary>One declared network in the comparison, and how to make it.</summary>
/// <param name="Name">A short name for tables and plots.</param>
/// <param name="Group">The networks compared with each other: <see cref="Contenders.TextbookGroup"/> or <see cref="Contenders.DeepGroup"/>.</param>
/// <param name="Description">What makes it different.</param>
/// <param name="Create">Makes the network from a maximum batch size and a seed.</param>
internal sealed record Contender(string Name, string Group, string Description, Func<int, int, INetwork<float>> Create);

/// <summary>Every network of the sample, in the order they are run and shown.</summary>
internal static class Contenders
{
    public const string TextbookGroup = "textbook: 784-30-30-30-30-10, sigmoid outputs, cross-entropy";
    public const string DeepGroup = "deep: 784, 20 hidden layers of 64, softmax";

    public static Contender TextbookSigmoid { get; } = new(
        "textbook sigmoid", TextbookGroup, "sigmoid, N(0, 1/fan_in) weights, N(0, 1) biases (Nielsen ch. 5)",
        (batch, seed) => new TextbookSigmoid(batch, seed));

    public static Contender TextbookReLU { get; } = new(
        "textbook ReLU+He", TextbookGroup, "ReLU, He normal weights, zero biases",
        (batch, seed) => new TextbookReLU(batch, seed));

    public static Contender TextbookResidual { get; } = new(
        "textbook residual+BN", TextbookGroup, "sigmoid, 3 residual blocks x + sigmoid(W·BN(x) + b)",
        (batch, seed) => new TextbookResidualSigmoid(batch, seed));

    public static Contender DeepSigmoid { get; } = new(
        "deep sigmoid", DeepGroup, "(a) 20 sigmoid layers, Glorot uniform",
        (batch, seed) => new DeepSigmoidStack(batch, seed));

    public static Contender DeepReLU { get; } = new(
        "deep ReLU+He", DeepGroup, "(b) 20 ReLU layers, He normal",
        (batch, seed) => new DeepReLUHe(batch, seed));

    public static Contender DeepResidual { get; } = new(
        "deep residual+BN", DeepGroup, "(c) sigmoid, 19 residual blocks x + sigmoid(W·BN(x) + b)",
        (batch, seed) => new DeepResidualSigmoid(batch, seed));

    public static Contender DeepSelu { get; } = new(
        "deep SELU+LeCun", DeepGroup, "(d) 20 SELU layers, LeCun normal",
        (batch, seed) => new DeepSeluLeCun(batch, seed));

    public static IReadOnlyList<Contender> All { get; } =
        [TextbookSigmoid, TextbookReLU, TextbookResidual, DeepSigmoid, DeepReLU, DeepResidual, DeepSelu];
}
