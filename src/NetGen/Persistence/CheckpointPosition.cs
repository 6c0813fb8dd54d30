namespace NetGen;

/// <summary>Where a training run stood when a checkpoint was saved.</summary>
/// <param name="Epoch">The last completed epoch, from 1.</param>
/// <param name="Step">The number of mini-batch steps taken so far, across epochs.</param>
/// <param name="ShuffleState">The shuffling generator's state after that epoch's order was drawn; null when not shuffling.</param>
internal sealed record CheckpointPosition(int Epoch, long Step, SeededRandomState? ShuffleState);
