namespace OmniPos.Cli.Demo;

/// <summary>
/// The demo's data directory is its own: it starts empty every time. A directory the demo made is marked, so the demo
/// clears it again; one holding anything else is left alone and refused.
/// </summary>
internal static class DemoData
{
    private const string Marker = ".omnipos-demo";

    /// <summary>Why the demo may not use the directory, or null when it may.</summary>
    public static string? Refusal(string dataDirectory) =>
        !Directory.Exists(dataDirectory) || !Directory.EnumerateFileSystemEntries(dataDirectory).Any() || File.Exists(Path.Combine(dataDirectory, Marker))
            ? null
            : $"{dataDirectory} holds data the demo did not make; the demo starts from an empty directory each time, so give it one with --data";

    /// <summary>Empties the directory (made by an earlier demo, or new) and marks it as the demo's.</summary>
    public static void Renew(string dataDirectory)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Path.Combine(dataDirectory, Marker), "This directory is the OmniPos demo's; each `omnipos demo` empties it first.\n");
    }
}
