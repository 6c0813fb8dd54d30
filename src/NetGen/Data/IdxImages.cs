namespace NetGen;

/// <summary>The content of an IDX image file: <paramref name="Count"/> images of <paramref name="Rows"/> × <paramref name="Columns"/> unsigned bytes.</summary>
/// <param name="Count">The number of images.</param>
/// <param name="Rows">The number of rows of each image.</param>
/// <param name="Columns">The number of columns of each image.</param>
/// <param name="Pixels">Count × Rows × Columns bytes, image after image, each row-major.</param>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
