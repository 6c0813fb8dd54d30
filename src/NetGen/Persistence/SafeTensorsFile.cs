using System.Collections.Generic;

namespace NetGen;

/// <summary>The parsed content of a safetensors file: its tensors, in the order of their data, and its string metadata.</summary>
/// <param name="Tensors">The tensors by name.</param>
/// <param name="Metadata">The <c>__metadata__</c> entries; empty when the file has none.</param>
internal sealed record SafeTensorsFile(IReadOnlyDictionary<string, SafeTensorsTensor> Tensors, IReadOnlyDictionary<string, string> Metadata);
