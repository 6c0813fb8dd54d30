using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NetGen.Package.Tests;

/// <summary>
/// docs/training.md's "A whole run", as a user would take it: its code block is the whole program of a brand-new console
/// project that references only the packed NetGen.Reporting (which brings NetGen), on the MNIST subset the MNIST sample
/// embeds, copied into the folder the program reads. It trains with early stopping, a cosine schedule, a validation split
/// and two metrics, shows progress, predicts the whole test set in one call, and plots the history.
/// </summary>
public sealed class TrainingGuideTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("netgen-guide-").FullName;
    private readonly string _version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    [Fact]
    public void The_training_guides_whole_run_builds_against_the_packages_and_trains_on_mnist()
    {
        var feed = new LocalFeed(_root, _version);
        feed.Pack("src/NetGen/NetGen.csproj");
        feed.Pack("src/NetGen.Reporting/NetGen.Reporting.csproj");
        string program = WholeRun(File.ReadAllText(Path.Combine(LocalFeed.Repository, "docs", "training.md")));
        string project = feed.CreateProject("Guide", "NetGen.Reporting", program);
        string mnist = Directory.CreateDirectory(Path.Combine(project, "mnist")).FullName;
        foreach (string file in Directory.GetFiles(Path.Combine(LocalFeed.Repository, "samples", "NetGen.Samples.Mnist", "Data"), "*.gz"))
        {
            File.Copy(file, Path.Combine(mnist, Path.GetFileName(file)));
        }

        DotNet.Result build = DotNet.Run(project, "build", "-v", "q", "-clp:NoSummary");
        output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, $"the guide's program does not build: {build}");
        DotNet.Result run = DotNet.Run(project, "run", "--no-build");
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"the guide's program failed: {run}");

        // Progress: one line per epoch with the two metrics and the validation's; then the test accuracy of all 2,000 images.
        Assert.Matches(new Regex(@"Epoch +1/20 - .* - loss: [0-9.]+ - accuracy: [0-9.]+ - top_3_accuracy: [0-9.]+ - val_loss: [0-9.]+ - val_accuracy: [0-9.]+ - val_top_3_accuracy: [0-9.]+"), run.Output);
        Match accuracy = Regex.Match(run.Output, @"test accuracy ([0-9.]+) ?% after (\d+) epochs");
        Assert.True(accuracy.Success, run.Output);
        Assert.InRange(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 90, 100);
        Assert.True(File.Exists(Path.Combine(project, "history.png")), "no history.png");
    }

    /// <summary>The first C# block after the heading "## A whole run".</summary>
    private static string WholeRun(string guide)
    {
        Match block = Regex.Match(guide[guide.IndexOf("## A whole run", StringComparison.Ordinal)..], @"```csharp\r?\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/training.md has no C# block under \"## A whole run\"");
        return block.Groups[1].Value;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file: the temporary folder is left for the system to clean.
        }
    }
}
