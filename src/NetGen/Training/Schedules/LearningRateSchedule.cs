namespace NetGen;

/// <summary>
/// A learning rate that changes during training, set on the optimizer before every step by <see cref="Trainer.Fit"/>
/// (<see cref="TrainingOptions.Schedule"/>): PyTorch's <c>torch.optim.lr_scheduler</c> and Keras's learning-rate
/// schedules. The rate is computed from the optimizer's learning rate when training starts (the initial rate) and where
/// training is, so that a resumed run continues the same curve.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate for the step at <paramref name="position"/>.</summary>
    /// <param name="initialRate">The optimizer's learning rate when training started, greater than 0.</param>
    /// <param name="position">The step about to be taken.</param>
    public abstract double LearningRate(double initialRate, SchedulePosition position);

    /// <summary>Told every epoch's result, after its validation; <see cref="ReduceOnPlateau"/> reads it. By default nothing.</summary>
    public virtual void EpochEnded(EpochResult result)
    {
    }

    /// <summary>PyTorch's <c>StepLR</c>: the initial rate times <paramref name="gamma"/> for every <paramref name="stepSize"/> epochs completed.</summary>
    public static LearningRateSchedule StepDecay(int stepSize, double gamma = 0.1) => new StepDecaySchedule(stepSize, gamma);

    /// <summary>PyTorch's <c>ExponentialLR</c>: the initial rate times <paramref name="gamma"/> for every epoch completed.</summary>
    public static LearningRateSchedule ExponentialDecay(double gamma) => new ExponentialDecaySchedule(gamma);

    /// <summary>
    /// Cosine decay with linear warm-up, step by step (Keras's <c>CosineDecay</c> with <c>warmup_steps</c>; Hugging Face's
    /// <c>get_cosine_schedule_with_warmup</c>): from 0 up to the initial rate over <paramref name="warmupSteps"/> steps, then
    /// down to <paramref name="minimumRate"/> along half a cosine by the last step of the last epoch.
    /// </summary>
    public static LearningRateSchedule CosineDecay(int warmupSteps = 0, double minimumRate = 0) => new CosineDecaySchedule(warmupSteps, minimumRate);

    /// <summary>
    /// PyTorch's <c>OneCycleLR</c> with its defaults (cosine annealing, two phases; momentum is not cycled): from
    /// <paramref name="maximumRate"/>/<paramref name="divFactor"/> up to <paramref name="maximumRate"/> over the first
    /// <paramref name="warmupFraction"/> of the steps, then down to that start over <paramref name="finalDivFactor"/>.
    /// </summary>
    /// <param name="maximumRate">The peak rate; null for the optimizer's initial rate.</param>
    /// <param name="warmupFraction">The fraction of all steps spent rising, in (0, 1). PyTorch's <c>pct_start</c>, default 0.3.</param>
    /// <param name="divFactor">The start rate is the peak over this, at least 1. Default 25.</param>
    /// <param name="finalDivFactor">The last rate is the start rate over this, at least 1. Default 1e4.</param>
    public static LearningRateSchedule OneCycle(double? maximumRate = null, double warmupFraction = 0.3, double divFactor = 25, double finalDivFactor = 1e4) =>
        new OneCycleSchedule(maximumRate, warmupFraction, divFactor, finalDivFactor);

    /// <summary>
    /// PyTorch's <c>ReduceLROnPlateau</c> (Keras's <c>ReduceLROnPlateau</c> callback): multiplies the rate by
    /// <paramref name="factor"/> when the validation loss (the training loss without validation data) has not improved by
    /// a relative <paramref name="threshold"/> for more than <paramref name="patience"/> epochs; then waits
    /// <paramref name="cooldown"/> epochs before counting again; never below <paramref name="minimumRate"/>.
    /// </summary>
    public static ReduceOnPlateau ReduceOnPlateau(double factor = 0.1, int patience = 10, double threshold = 1e-4, int cooldown = 0, double minimumRate = 0) =>
        new(factor, patience, threshold, cooldown, minimumRate);
}
