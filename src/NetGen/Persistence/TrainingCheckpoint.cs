using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;

namespace NetGen;

/// <summary>
/// A training checkpoint as one safetensors file: the network's tensors (named as by <see cref="NetworkWeights"/>), the
/// optimizer's state tensors named <c>optimizer.</c> + their name, and the scalars in the metadata (<c>epoch</c>,
/// <c>trainer_step</c>, <c>optimizer</c>, <c>optimizer_step</c>, <c>shuffle_state</c>).
/// </summary>
internal static class TrainingCheckpoint
{
    /// <summary>The value of the <c>format</c> entry of a checkpoint.</summary>
    public const string Format = "netgen-checkpoint";

    private const string OptimizerPrefix = "optimizer.";

    /// <summary>Saves a checkpoint to <paramref name="path"/>, atomically.</summary>
    public static void Save<T>(string path, INetwork<T> network, ICheckpointableOptimizer<T> optimizer, CheckpointPosition position)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        List<SafeTensorsTensor> tensors = NetworkTensors.Export(network);
        string dtype = TensorElements.DTypeOf<T>();
        foreach (KeyValuePair<string, T[]> entry in optimizer.ExportState())
        {
            tensors.Add(new SafeTensorsTensor(OptimizerPrefix + entry.Key, dtype, [entry.Value.Length], TensorElements.ToBytes<T>(entry.Value)));
        }
        Dictionary<string, string> metadata = NetworkMetadata.Of(network, Format);
        metadata["epoch"] = position.Epoch.ToString(CultureInfo.InvariantCulture);
        metadata["trainer_step"] = position.Step.ToString(CultureInfo.InvariantCulture);
        metadata["optimizer"] = OptimizerName(optimizer);
        metadata["optimizer_step"] = optimizer.StepCount.ToString(CultureInfo.InvariantCulture);
        if (position.ShuffleState is SeededRandomState state)
        {
            metadata["shuffle_state"] = FormatState(state);
        }
        AtomicFile.Write(path, stream => SafeTensorsWriter.Write(stream, tensors, metadata));
    }

    /// <summary>
    /// Loads a checkpoint into <paramref name="network"/> and <paramref name="optimizer"/> and returns where the run stood.
    /// Everything is checked before either is changed.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a valid checkpoint of this network and this kind of optimizer.</exception>
    public static CheckpointPosition Load<T>(string path, INetwork<T> network, ICheckpointableOptimizer<T> optimizer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string source = $"The checkpoint file '{path}'";
        SafeTensorsFile file = SafeTensorsReader.Parse(File.ReadAllBytes(path), source);
        if (!file.Metadata.TryGetValue("format", out string? format) || format != Format)
        {
            throw new InvalidDataException($"{source} is not a training checkpoint: its metadata format is '{format ?? "(none)"}', not '{Format}'.");
        }
        var pairs = NetworkTensors.Match(network, file, source, OptimizerPrefix);
        string expectedOptimizer = OptimizerName(optimizer);
        string savedOptimizer = Scalar(file, "optimizer", source);
        if (savedOptimizer != expectedOptimizer)
        {
            throw new InvalidDataException($"{source} holds the state of a {savedOptimizer} optimizer, but the optimizer is a {expectedOptimizer}.");
        }
        Dictionary<string, T[]> optimizerState = OptimizerTensors<T>(file, network.ParameterCount, source);
        long optimizerStep = Integer(file, "optimizer_step", source);
        var position = new CheckpointPosition(
            (int)Math.Min(Integer(file, "epoch", source), int.MaxValue),
            Integer(file, "trainer_step", source),
            file.Metadata.TryGetValue("shuffle_state", out string? state) ? ParseState(state, source) : null);
        try
        {
            optimizer.ImportState(optimizerState, optimizerStep);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{source} does not fit the optimizer: {error.Message}", error);
        }
        NetworkTensors.Apply(network, pairs);
        return position;
    }

    private static Dictionary<string, T[]> OptimizerTensors<T>(SafeTensorsFile file, int parameterCount, string source)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string dtype = TensorElements.DTypeOf<T>();
        var state = new Dictionary<string, T[]>();
        foreach (SafeTensorsTensor tensor in file.Tensors.Values.Where(t => t.Name.StartsWith(OptimizerPrefix, StringComparison.Ordinal)))
        {
            if (tensor.DType != dtype || tensor.Shape.Length != 1 || tensor.Shape[0] != parameterCount)
            {
                throw new InvalidDataException(
                    $"{source} holds the optimizer tensor '{tensor.Name}' as {tensor.DType} {tensor.ShapeText}, but the network needs {dtype} [{parameterCount}].");
            }
            NetworkTensors.CheckFinite<T>(tensor, source);
            var values = new T[parameterCount];
            TensorElements.FromBytes(tensor.Data.Span, values.AsSpan());
            state[tensor.Name[OptimizerPrefix.Length..]] = values;
        }
        return state;
    }

    /// <summary>The optimizer's class name without its type argument, such as <c>Adam</c>.</summary>
    private static string OptimizerName<T>(ICheckpointableOptimizer<T> optimizer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string name = optimizer.GetType().Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string Scalar(SafeTensorsFile file, string key, string source) =>
        file.Metadata.TryGetValue(key, out string? value)
            ? value
            : throw new InvalidDataException($"{source} has no '{key}' in its metadata.");

    private static long Integer(SafeTensorsFile file, string key, string source)
    {
        string text = Scalar(file, key, source);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new InvalidDataException($"{source} has '{key}' = '{text}' in its metadata, not a non-negative integer.");
    }

    /// <summary>The four state words and the spare normal sample's bits (or nothing), as hexadecimal, comma-separated.</summary>
    private static string FormatState(SeededRandomState state)
    {
        string words = string.Join(",", new[] { state.S0, state.S1, state.S2, state.S3 }.Select(w => w.ToString("x16", CultureInfo.InvariantCulture)));
        return state.SpareGaussian is double spare
            ? words + "," + BitConverter.DoubleToUInt64Bits(spare).ToString("x16", CultureInfo.InvariantCulture)
            : words;
    }

    private static SeededRandomState ParseState(string text, string source)
    {
        string[] parts = text.Split(',');
        var words = new ulong[parts.Length];
        bool valid = parts.Length is 4 or 5 && parts.Select((part, i) => ulong.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out words[i])).All(ok => ok);
        if (!valid || (words[0] | words[1] | words[2] | words[3]) == 0)
        {
            throw new InvalidDataException($"{source} has shuffle_state = '{text}' in its metadata, not 4 or 5 hexadecimal words describing a generator state.");
        }
        double? spare = parts.Length == 5 ? BitConverter.UInt64BitsToDouble(words[4]) : null;
        return new SeededRandomState(words[0], words[1], words[2], words[3], spare);
    }
}
