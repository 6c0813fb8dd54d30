using System;

namespace NetGen;

/// <summary>Validation of optimizer hyper-parameters, with messages that name the value and the valid range.</summary>
internal static class HyperParameters
{
    /// <summary>Requires <c>value &gt; 0</c> (and finite).</summary>
    public static double Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; it must be finite and greater than 0.");
        }
        return value;
    }

    /// <summary>Requires <c>value ≥ 0</c> (and finite).</summary>
    public static double NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; it must be finite and at least 0.");
        }
        return value;
    }

    /// <summary>Requires <c>0 ≤ value &lt; 1</c>.</summary>
    public static double UnitInterval(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; it must be in [0, 1).");
        }
        return value;
    }
}
