namespace NetGen;

/// <summary>Whether a monitored metric improves by going down or up (Keras's <c>mode</c>).</summary>
public enum MetricMode
{
    /// <summary>Up for accuracy, precision, recall and F1 (names holding <c>accuracy</c>, <c>precision</c>, <c>recall</c>, <c>f1</c>), down for the others (losses, errors).</summary>
    Auto,

    /// <summary>Lower is better.</summary>
    Min,

    /// <summary>Higher is better.</summary>
    Max,
}
