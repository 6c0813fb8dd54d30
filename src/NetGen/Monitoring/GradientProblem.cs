namespace NetGen;

/// <summary>The training problem a <see cref="GradientRule"/> diagnoses, so that warnings can be grouped and ordered by diagnosis.</summary>
public enum GradientProblem
{
    /// <summary>Gradients too small for the early layers to learn (NGM01 to NGM04).</summary>
    Vanishing = 1,

    /// <summary>
    /// Gradients, or the training itself, blowing up: exploding gradients (NGM05 to NGM07), NaN or infinity (NGM08) and a
    /// diverging loss (NGM11). NGM06, NGM08 and NGM11 mark the run as diverged (<see cref="GradientReport.DivergedAt"/>).
    /// </summary>
    Exploding = 2,

    /// <summary>ReLU units that output 0 for every sample and so pass no gradient (NGM09).</summary>
    DyingReLU = 3,

    /// <summary>Sigmoid or tanh units driven where their derivative is almost 0 (NGM10).</summary>
    Saturation = 4,
}
