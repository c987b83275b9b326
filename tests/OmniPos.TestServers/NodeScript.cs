using System.Diagnostics;

namespace OmniPos.TestServers;

/// <summary>
/// A script of scripts/ run by node from the repository root, for a second opinion that shares no code with ours (the
/// Parquet and workbook readers): its standard output, or an exception with its standard error when it fails or takes
/// over a minute. node_modules is installed by <c>make test</c> (scripts/ensure-npm.sh).
/// </summary>
public static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        using var deadline = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} took over {Timeout.TotalSeconds} s on {string.Join(' ', arguments)}");
        }

        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{script} exited {process.ExitCode} on {string.Join(' ', arguments)}: {await stderr}");
    }
}
