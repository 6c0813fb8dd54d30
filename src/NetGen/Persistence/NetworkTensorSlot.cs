namespace NetGen;

/// <summary>Where one named tensor of a network lives: a range of <see cref="INetwork{T}.Parameters"/> or of <see cref="INetwork{T}.State"/>.</summary>
/// <param name="Name">The tensor's name in the file, such as <c>Layer1.weight</c>.</param>
/// <param name="Shape">Its dimensions, such as <c>[outputs, inputs]</c>.</param>
/// <param name="InState">Whether it is in <see cref="INetwork{T}.State"/> rather than <see cref="INetwork{T}.Parameters"/>.</param>
/// <param name="Offset">Its first element's index in that span.</param>
/// <param name="Count">Its number of elements, the product of <paramref name="Shape"/>.</param>
internal sealed record NetworkTensorSlot(string Name, long[] Shape, bool InState, int Offset, int Count);
