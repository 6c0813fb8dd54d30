using System.IO;
using System.Reflection;
using NetGen;

namespace VanishingGradientsSample;

/// <summary>The MNIST subset embedded in this program (the MNIST sample's files, linked): the first 10,000 training and 2,000 test images.</summary>
internal static class EmbeddedMnist
{
    public static MnistData Load() => new(
        LoadSet(Mnist.TrainingImagesFileName, Mnist.TrainingLabelsFileName, "embedded training"),
        LoadSet(Mnist.TestImagesFileName, Mnist.TestLabelsFileName, "embedded test"));

    private static MnistSet LoadSet(string imagesFile, string labelsFile, string name)
    {
        using Stream images = Open(imagesFile + ".gz");
        using Stream labels = Open(labelsFile + ".gz");
        return Mnist.Load(images, labels, name);
    }

    private static Stream Open(string resource) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
        ?? throw new FileNotFoundException($"The embedded resource '{resource}' is missing from the program; rebuild it from the repository.");
}
