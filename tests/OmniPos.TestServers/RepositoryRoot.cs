using System.Runtime.CompilerServices;

namespace OmniPos.TestServers;

/// <summary>
/// The repository's root folder (the one holding package.json): found above the test's binaries, else above the working
/// directory, else above this source file, so a build with its own artifacts path outside the repository finds it too.
/// </summary>
public static class RepositoryRoot
{
    private const string Marker = "package.json";

    public static string Path { get; } = Find();

    /// <summary>A file of the shared data beside the repository (../shared/data, PROVENANCE.md); its absence fails the test.</summary>
    public static string SharedData(string relative)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "data", relative));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relative} is not at {path}; see ../shared/data/PROVENANCE.md");
    }

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, System.IO.Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, Marker)) && File.Exists(System.IO.Path.Combine(folder.FullName, "OmniPos.Analytics.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no folder holding {Marker} and OmniPos.Analytics.sln above {string.Join(", ", starts)}");
    }
}
