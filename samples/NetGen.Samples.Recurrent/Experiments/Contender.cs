using System;
using NetGen;

namespace RecurrentSample;

/// <summary>One network entered in an experiment, with the figure published for it.</summary>
/// <param name="Name">A short name, such as <c>LSTM(128)</c>.</param>
/// <param name="Description">What the network is and how it starts.</param>
/// <param name="Create">Creates the network for a largest batch and a seed.</param>
/// <param name="Published">The published figure to set beside ours, with its source.</param>
/// <param name="LearningRate">Adam's learning rate for this network.</param>
internal sealed record Contender(string Name, string Description, Func<int, int, INetwork<float>> Create, string Published, double LearningRate);
