using System;
using System.IO;
using System.Linq;

namespace NetGen;

/// <summary>Loads MNIST image and label files (IDX format, gzip-compressed or not) into <see cref="MnistSet"/>s.</summary>
public static class Mnist
{
    /// <summary>The standard name of the training images file, without <c>.gz</c>.</summary>
    public const string TrainingImagesFileName = "train-images-idx3-ubyte";

    /// <summary>The standard name of the training labels file, without <c>.gz</c>.</summary>
    public const string TrainingLabelsFileName = "train-labels-idx1-ubyte";

    /// <summary>The standard name of the test images file, without <c>.gz</c>.</summary>
    public const string TestImagesFileName = "t10k-images-idx3-ubyte";

    /// <summary>The standard name of the test labels file, without <c>.gz</c>.</summary>
    public const string TestLabelsFileName = "t10k-labels-idx1-ubyte";

    /// <summary>
    /// Loads the training and test sets from a directory holding the four standard MNIST files,
    /// each either uncompressed or with a <c>.gz</c> suffix (the uncompressed one is used when both exist).
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <returns>Both sets.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">One of the files is missing; the message lists the names looked for.</exception>
    /// <exception cref="InvalidDataException">A file is not valid, or images and labels do not match.</exception>
    public static MnistData Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The MNIST directory '{directory}' does not exist.");
        }
        MnistSet training = Load(Find(directory, TrainingImagesFileName), Find(directory, TrainingLabelsFileName));
        MnistSet test = Load(Find(directory, TestImagesFileName), Find(directory, TestLabelsFileName));
        return new MnistData(training, test);
    }

    /// <summary>
    /// Loads the training and test sets from resources embedded in <paramref name="assembly"/>, named as the standard
    /// files with <c>.gz</c> (<c>train-images-idx3-ubyte.gz</c>, ...): how a program ships a data set inside itself.
    /// </summary>
    /// <param name="assembly">The assembly holding the four resources.</param>
    /// <returns>Both sets.</returns>
    /// <exception cref="FileNotFoundException">A resource is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A resource is not valid, or images and labels do not match.</exception>
    public static MnistData LoadEmbedded(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new MnistData(
            LoadEmbeddedSet(assembly, TrainingImagesFileName, TrainingLabelsFileName, "embedded training"),
            LoadEmbeddedSet(assembly, TestImagesFileName, TestLabelsFileName, "embedded test"));
    }

    private static MnistSet LoadEmbeddedSet(System.Reflection.Assembly assembly, string imagesFile, string labelsFile, string name)
    {
        using Stream images = OpenResource(assembly, imagesFile + ".gz");
        using Stream labels = OpenResource(assembly, labelsFile + ".gz");
        return Load(images, labels, name);
    }

    private static Stream OpenResource(System.Reflection.Assembly assembly, string resource) =>
        assembly.GetManifestResourceStream(resource)
        ?? throw new FileNotFoundException($"The resource '{resource}' is not embedded in {assembly.GetName().Name}; embed the four MNIST files, each named as the standard file with .gz.", resource);

    /// <summary>Loads a set from an image file and a label file.</summary>
    /// <param name="imagesPath">The IDX image file, gzip-compressed or not.</param>
    /// <param name="labelsPath">The IDX label file, gzip-compressed or not.</param>
    /// <returns>The set, named after the image file.</returns>
    /// <exception cref="InvalidDataException">A file is not valid, or images and labels do not match.</exception>
    public static MnistSet Load(string imagesPath, string labelsPath)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentNullException.ThrowIfNull(labelsPath);
        return Combine(imagesPath, IdxReader.ReadImages(imagesPath), labelsPath, IdxReader.ReadLabels(labelsPath));
    }

    /// <summary>Loads a set from streams, such as embedded resources (the streams are not disposed).</summary>
    /// <param name="images">The IDX image file's content, gzip-compressed or not.</param>
    /// <param name="labels">The IDX label file's content, gzip-compressed or not.</param>
    /// <param name="name">The set's name; error messages call the streams "<paramref name="name"/> images" and "<paramref name="name"/> labels".</param>
    /// <returns>The set.</returns>
    /// <exception cref="InvalidDataException">A stream is not a valid IDX file, or images and labels do not match.</exception>
    public static MnistSet Load(Stream images, Stream labels, string name)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(name);
        return Load(images, $"{name} images", labels, $"{name} labels");
    }

    /// <summary>Loads a set from streams, such as embedded resources (the streams are not disposed).</summary>
    /// <param name="images">The IDX image file's content, gzip-compressed or not.</param>
    /// <param name="imagesName">The name of the image file or resource, used in error messages and as the set's name.</param>
    /// <param name="labels">The IDX label file's content, gzip-compressed or not.</param>
    /// <param name="labelsName">The name of the label file or resource, used in error messages.</param>
    /// <returns>The set.</returns>
    /// <exception cref="InvalidDataException">A stream is not a valid IDX file, or images and labels do not match.</exception>
    public static MnistSet Load(Stream images, string imagesName, Stream labels, string labelsName)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(imagesName);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(labelsName);
        return Combine(imagesName, IdxReader.ReadImages(images, imagesName), labelsName, IdxReader.ReadLabels(labels, labelsName));
    }

    private static MnistSet Combine(string imagesName, IdxImages images, string labelsName, byte[] labels)
    {
        if (images.Count != labels.Length)
        {
            throw new InvalidDataException(
                $"{imagesName} holds {images.Count} images but {labelsName} holds {labels.Length} labels; they must hold as many.");
        }
        int badIndex = labels.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)(MnistSet.ClassCount - 1));
        if (badIndex >= 0)
        {
            throw new InvalidDataException(
                $"{labelsName}: the label at index {badIndex} is {labels[badIndex]}; MNIST labels are the digits 0 to 9.");
        }
        return new MnistSet(imagesName, images.Rows, images.Columns, images.Pixels, labels);
    }

    private static string Find(string directory, string fileName)
    {
        string[] candidates = [Path.Combine(directory, fileName), Path.Combine(directory, fileName + ".gz")];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"MNIST file missing in '{directory}': looked for {fileName} and {fileName}.gz.", candidates[0]);
    }
}
