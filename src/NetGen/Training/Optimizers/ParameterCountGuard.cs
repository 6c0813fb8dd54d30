using System;

namespace NetGen;

/// <summary>
/// Remembers the parameter count an optimizer's state was sized for at its first step, and checks every later step against it.
/// </summary>
internal struct ParameterCountGuard
{
    private int _count;
    private bool _initialized;

    /// <summary>
    /// Checks that both spans have the same length and, after the first step, the length of the first step.
    /// Returns true on the first step, when the caller must allocate its state for <paramref name="parametersLength"/> parameters.
    /// </summary>
    public bool Check(int parametersLength, int gradientsLength)
    {
        if (gradientsLength != parametersLength)
        {
            throw new ArgumentException(
                $"There are {parametersLength} parameters but {gradientsLength} gradients; the lengths must be equal.", "gradients");
        }
        if (!_initialized)
        {
            _count = parametersLength;
            _initialized = true;
            return true;
        }
        if (parametersLength != _count)
        {
            throw new ArgumentException(
                $"This optimizer's state was created for {_count} parameters at its first step, but this step has {parametersLength}. Use one optimizer per network.",
                "parameters");
        }
        return false;
    }

    /// <summary>Sets the state to that of an optimizer whose first step had <paramref name="count"/> parameters, or, for null, to one that has not stepped.</summary>
    public void Restore(int? count)
    {
        _count = count ?? 0;
        _initialized = count is not null;
    }
}
