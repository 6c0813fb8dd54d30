using NetGen.Tests.Networks;
using NetGen.Tests.Persistence;

namespace NetGen.Tests.Faults;

/// <summary>A save removes the temporary files an interrupted earlier save of the same target left behind, and nothing else.</summary>
public class StaleTemporaryFileTests
{
    [Fact]
    public void Saving_weights_removes_a_stale_temporary_of_the_same_target_only()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("w.safetensors");
        string stale = directory.File($".w.safetensors.{Guid.NewGuid():N}.tmp");
        string[] others =
        [
            directory.File($".other.safetensors.{Guid.NewGuid():N}.tmp"),
            directory.File(".w.safetensors.not-a-guid.tmp"),
            directory.File($"w.safetensors.{Guid.NewGuid():N}.tmp"),
        ];
        File.WriteAllBytes(stale, [1, 2, 3]);
        foreach (string other in others)
        {
            File.WriteAllBytes(other, [4]);
        }

        NetworkWeights.Save(new CircleClassifier(maxBatchSize: 1, seed: 1), path);

        Assert.False(File.Exists(stale), $"{stale} should have been removed");
        Assert.All(others, other => Assert.True(File.Exists(other), $"{other} is not a temporary of this target and should stay"));
        Assert.Equal(others.Length + 1, Directory.GetFiles(directory.Path).Length);
    }

    [Fact]
    public void Saving_a_checkpoint_removes_a_stale_temporary_of_the_same_target()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("c.safetensors");
        string stale = directory.File($".c.safetensors.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(stale, []);

        TrainingCheckpoint.Save(path, new CircleClassifier(maxBatchSize: 1, seed: 1), new Adam<float>(), new CheckpointPosition(1, 1, null));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_directory_is_flushed_on_linux_and_macos()
    {
        using var directory = new TemporaryDirectory();
        Assert.Equal(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), DirectoryFlush.Flush(directory.Path));
        Assert.False(DirectoryFlush.Flush(directory.File("missing")));
    }
}
