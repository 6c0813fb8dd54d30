using System;
using System.IO;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Saves and loads a network's parameters and state (batch normalization's running statistics) in the safetensors format,
/// one named tensor per parameter group (<c>Layer1.weight</c>, <c>Layer1.bias</c>, ...; see docs/weights.md).
/// Saving to a path replaces the file atomically; loading checks the whole file before changing the network.
/// </summary>
public static class NetworkWeights
{
    /// <summary>
    /// Writes the network's tensors to <paramref name="path"/>: to a temporary file in the same directory
    /// (<c>.name.&lt;guid&gt;.tmp</c>), flushed to disk, then moved over <paramref name="path"/>; on Linux and macOS the
    /// directory is then flushed too (<c>fsync</c>), so that the move survives a power loss (other platforms skip that).
    /// If anything fails, the temporary file is deleted and a previous file at <paramref name="path"/> is left as it was.
    /// Temporary files of the same <paramref name="path"/> left by earlier interrupted saves are deleted first.
    /// </summary>
    /// <param name="network">The network to save; it is not changed.</param>
    /// <param name="path">The file to create or replace; its directory must exist.</param>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void Save<T>(INetwork<T> network, string path) where T : unmanaged, IFloatingPointIeee754<T> =>
        Save(network, path, wrap: null);

    /// <summary>Writes the network's tensors to <paramref name="stream"/>, from its current position; the stream is left open.</summary>
    /// <param name="network">The network to save; it is not changed.</param>
    /// <param name="stream">A writable stream.</param>
    public static void Save<T>(INetwork<T> network, Stream stream) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        SafeTensorsWriter.Write(stream, NetworkTensors.Export(network), NetworkMetadata.Of(network, NetworkMetadata.WeightsFormat));
    }

    /// <summary>
    /// Replaces the network's parameters and state with those in <paramref name="path"/>. The file is read and checked
    /// whole first: if it is not valid safetensors (a header that is not UTF-8 JSON included), its tensors are not exactly
    /// the network's (a name missing or extra, another shape, another dtype), or a value is NaN or infinite, an
    /// <see cref="InvalidDataException"/> names the file and the first problem, and the network is not changed. A <see cref="float"/> network reads only <c>F32</c> tensors and a <see cref="double"/>
    /// network only <c>F64</c>: precisions are not converted. The metadata is not required.
    /// </summary>
    /// <param name="network">The network to load into.</param>
    /// <param name="path">A file written by <see cref="Save{T}(INetwork{T}, string)"/> or any tool that writes the same names.</param>
    /// <exception cref="InvalidDataException">The file is not valid or does not fit the network.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static void Load<T>(INetwork<T> network, string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string source = $"The weights file '{path}'";
        Load(network, SafeTensorsReader.Parse(File.ReadAllBytes(path), source), source);
    }

    /// <summary>
    /// Replaces the network's parameters and state with those read from the rest of <paramref name="stream"/>, checked as by
    /// <see cref="Load{T}(INetwork{T}, string)"/>.
    /// </summary>
    /// <param name="network">The network to load into.</param>
    /// <param name="stream">A readable stream; it is read to its end and left open.</param>
    /// <exception cref="InvalidDataException">The content is not valid or does not fit the network.</exception>
    public static void Load<T>(INetwork<T> network, Stream stream) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        const string source = "The weights stream";
        Load(network, SafeTensorsReader.Read(stream, source), source);
    }

    /// <summary><see cref="Save{T}(INetwork{T}, string)"/>, with <paramref name="wrap"/> wrapping the temporary file's stream (a test seam).</summary>
    internal static void Save<T>(INetwork<T> network, string path, Func<Stream, Stream>? wrap) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        AtomicFile.Write(path, stream => Save(network, stream), wrap);
    }

    private static void Load<T>(INetwork<T> network, SafeTensorsFile file, string source) where T : unmanaged, IFloatingPointIeee754<T> =>
        NetworkTensors.Apply(network, NetworkTensors.Match(network, file, source));
}
