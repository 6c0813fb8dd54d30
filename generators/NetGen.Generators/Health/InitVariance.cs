using NetGen.Generators.Model;

namespace NetGen.Generators.Health;

/// <summary>The mean and second moment of one value drawn by an initializer (as NetGen.Initializers draws them).</summary>
internal static class InitVariance
{
    /// <summary>E[w²]: the variance for the zero-mean schemes, the constant squared for Constant.</summary>
    public static double SecondMoment(InitKind init, double constant, int fanIn, int fanOut) => init switch
    {
        InitKind.GlorotUniform or InitKind.GlorotNormal => 2.0 / (fanIn + fanOut),
        InitKind.HeUniform or InitKind.HeNormal => 2.0 / fanIn,
        InitKind.LeCunNormal => 1.0 / fanIn,
        InitKind.LegacyUniform => 1.0 / (3.0 * fanIn),
        InitKind.StandardNormal => 1.0,
        InitKind.Constant => constant * constant,
        _ => 0.0,
    };

    public static double Mean(InitKind init, double constant) => init == InitKind.Constant ? constant : 0.0;
}
