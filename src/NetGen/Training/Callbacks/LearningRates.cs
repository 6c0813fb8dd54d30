namespace NetGen;

/// <summary>Reads and sets the learning rate of the optimizers that have one (for schedules and callbacks).</summary>
internal static class LearningRates
{
    public static double? Get<T>(IOptimizer<T> optimizer) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => optimizer switch
    {
        Sgd<T> sgd => sgd.LearningRate,
        AdamBase<T> adam => adam.LearningRate,
        _ => null,
    };

    /// <summary>Sets the rate; false when the optimizer has none to set.</summary>
    public static bool TrySet<T>(IOptimizer<T> optimizer, double rate) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        switch (optimizer)
        {
            case Sgd<T> sgd:
                sgd.LearningRate = rate;
                return true;
            case AdamBase<T> adam:
                adam.LearningRate = rate;
                return true;
            default:
                return false;
        }
    }
}
