namespace NetGen;

/// <summary>
/// An optimizer whose learning rate may change between steps: what <see cref="TrainingOptions.Schedule"/> sets before
/// every step and <see cref="TrainingContext.LearningRate"/> reads. <see cref="Sgd{T}"/>, <see cref="Adam{T}"/> and
/// <see cref="AdamW{T}"/> are; a custom optimizer implements it to take schedules.
/// </summary>
public interface IAdjustableLearningRate
{
    /// <summary>The step size, greater than 0.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value set is not greater than 0.</exception>
    double LearningRate { get; set; }
}
