namespace NetGen.Tests.Monitoring;

internal static class MonitorMeasurement
{
    /// <summary>A new monitor's first measurement of <paramref name="network"/>'s last backward pass, and the warnings it raised.</summary>
    public static (GradientReport Report, List<GradientWarning> Raised) Once(INetwork<double> network)
    {
        var monitor = new GradientMonitor<double>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);
        return (monitor.Measure(), raised);
    }
}
