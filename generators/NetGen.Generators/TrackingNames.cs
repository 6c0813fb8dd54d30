namespace NetGen.Generators;

/// <summary>The names of the generator's pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string NetworkSpecs = nameof(NetworkSpecs);
    public const string ValidNetworkSpecs = nameof(ValidNetworkSpecs);
}
