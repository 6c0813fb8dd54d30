using System;

namespace NetGen;

/// <summary>
/// Remembers the parameter count an optimizer's state was sized for at its first step, and checks every later step, and
/// every slice updated within a step, against it.
/// </summary>
internal struct ParameterCountGuard
{
    private int _count;
    private bool _initialized;

    /// <summary>Checks a step's parameter count; returns true on the first step, when the caller must allocate its state.</summary>
    public bool Check(int parameterCount)
    {
        if (!_initialized)
        {
            _count = parameterCount;
            _initialized = true;
            return true;
        }
        if (parameterCount != _count)
        {
            throw new ArgumentException(
                $"This optimizer's state was created for {_count} parameters at its first step, but this step has {parameterCount}. Use one optimizer per network.",
                "parameters");
        }
        return false;
    }

    /// <summary>Checks that a slice of <paramref name="parametersLength"/> parameters and as many gradients, at <paramref name="offset"/>, lies within the step's parameters.</summary>
    public readonly void CheckSlice(int offset, int parametersLength, int gradientsLength)
    {
        CheckLengths(parametersLength, gradientsLength);
        if (!_initialized || offset < 0 || (long)offset + parametersLength > _count)
        {
            throw new ArgumentException(
                _initialized
                    ? $"The slice [{offset}, {(long)offset + parametersLength}) does not lie within the step's {_count} parameters."
                    : "No step has begun: call BeginStep before Update.",
                "parameters");
        }
    }

    /// <summary>Sets the state to that of an optimizer whose first step had <paramref name="count"/> parameters, or, for null, to one that has not stepped.</summary>
    public void Restore(int? count)
    {
        _count = count ?? 0;
        _initialized = count is not null;
    }

    /// <summary>Checks that there are as many gradients as parameters.</summary>
    public static void CheckLengths(int parametersLength, int gradientsLength)
    {
        if (gradientsLength != parametersLength)
        {
            throw new ArgumentException(
                $"There are {parametersLength} parameters but {gradientsLength} gradients; the lengths must be equal.", "gradients");
        }
    }
}
