namespace NetGen.Generators;

/// <summary>The names of the generator's pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string NetworkModels = nameof(NetworkModels);
    public const string ValidNetworkModels = nameof(ValidNetworkModels);
}
