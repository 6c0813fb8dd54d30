using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;

namespace NetGen;

/// <summary>Turns a network's parameters and state into named tensors, and checks and copies named tensors back into a network.</summary>
internal static class NetworkTensors
{
    /// <summary>Copies of the network's tensors, in layer order (<see cref="NetworkTensorLayout"/>).</summary>
    public static List<SafeTensorsTensor> Export<T>(INetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string dtype = TensorElements.DTypeOf<T>();
        var tensors = new List<SafeTensorsTensor>();
        foreach (NetworkTensorSlot slot in NetworkTensorLayout.Of(network))
        {
            Span<T> source = (slot.InState ? network.State : network.Parameters).Slice(slot.Offset, slot.Count);
            tensors.Add(new SafeTensorsTensor(slot.Name, dtype, slot.Shape, TensorElements.ToBytes<T>(source)));
        }
        return tensors;
    }

    /// <summary>
    /// Checks that <paramref name="file"/> holds exactly the network's tensors (besides those whose name starts with
    /// <paramref name="otherPrefix"/>), with the network's dtype and shapes; returns the pairs to copy with <see cref="Apply"/>.
    /// The network is not changed.
    /// </summary>
    /// <exception cref="InvalidDataException">The first mismatch: a missing or extra tensor, another dtype or another shape.</exception>
    public static List<(NetworkTensorSlot Slot, SafeTensorsTensor Tensor)> Match<T>(
        INetwork<T> network, SafeTensorsFile file, string source, string? otherPrefix = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string dtype = TensorElements.DTypeOf<T>();
        IReadOnlyList<NetworkTensorSlot> slots = NetworkTensorLayout.Of(network);
        var pairs = new List<(NetworkTensorSlot, SafeTensorsTensor)>(slots.Count);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (NetworkTensorSlot slot in slots)
        {
            expected.Add(slot.Name);
            if (!file.Tensors.TryGetValue(slot.Name, out SafeTensorsTensor? tensor))
            {
                throw Mismatch(network, file, source, $"the network's tensor '{slot.Name}' {SafeTensorsTensor.FormatShape(slot.Shape)} is missing from it");
            }
            if (tensor.DType != dtype)
            {
                throw Mismatch(network, file, source,
                    $"the tensor '{slot.Name}' is {tensor.DType}, but the network holds {dtype} ({typeof(T).Name}); NetGen does not convert between precisions, " +
                    $"so load it into a network of Precision.{(tensor.DType == "F64" ? "Double" : "Single")} or save it from one of this network's precision");
            }
            if (!tensor.Shape.AsSpan().SequenceEqual(slot.Shape))
            {
                throw Mismatch(network, file, source,
                    $"the tensor '{slot.Name}' has the shape {tensor.ShapeText}, but the network expects {SafeTensorsTensor.FormatShape(slot.Shape)}");
            }
            CheckFinite<T>(tensor, source);
            pairs.Add((slot, tensor));
        }
        foreach (string name in file.Tensors.Keys)
        {
            if (!expected.Contains(name) && (otherPrefix is null || !name.StartsWith(otherPrefix, StringComparison.Ordinal)))
            {
                throw Mismatch(network, file, source, $"it holds the tensor '{name}', which the network does not have");
            }
        }
        return pairs;
    }

    /// <summary>Copies tensors checked by <see cref="Match"/> into the network's parameters and state.</summary>
    public static void Apply<T>(INetwork<T> network, List<(NetworkTensorSlot Slot, SafeTensorsTensor Tensor)> pairs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var (slot, tensor) in pairs)
        {
            Span<T> destination = (slot.InState ? network.State : network.Parameters).Slice(slot.Offset, slot.Count);
            TensorElements.FromBytes(tensor.Data.Span, destination);
        }
    }

    /// <summary>Refuses a tensor holding NaN or an infinity: loaded, it would make every output NaN, far from its cause.</summary>
    /// <exception cref="InvalidDataException">The tensor holds a value that is not finite; the message names the first.</exception>
    public static void CheckFinite<T>(SafeTensorsTensor tensor, string source) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int index = TensorElements.FirstNonFinite(tensor.Data.Span, out T value);
        if (index >= 0)
        {
            throw new InvalidDataException(
                $"{source} holds {value.ToString(null, CultureInfo.InvariantCulture)} at index {index} (row-major) of the tensor '{tensor.Name}' {tensor.ShapeText}; " +
                "every value must be finite (was it saved from a diverged run?). Nothing was changed.");
        }
    }

    private static InvalidDataException Mismatch<T>(INetwork<T> network, SafeTensorsFile file, string source, string problem)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string networkName = network.GetType().FullName ?? network.GetType().Name;
        string savedFrom = file.Metadata.TryGetValue("network", out string? saved) && saved != networkName
            ? $" (it was saved from {saved})"
            : "";
        return new InvalidDataException($"{source} does not fit {networkName}{savedFrom}: {problem}. The network was not changed.");
    }
}
