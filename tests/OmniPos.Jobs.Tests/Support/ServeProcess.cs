using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using OmniPos.Core.Storage;

namespace OmniPos.Jobs.Tests.Support;

/// <summary>
/// <c>omnipos serve</c> as built beside the tests, a process of its own over the test's store and data directory, with
/// the given settings as <c>--Section:Key=value</c> arguments. It counts as started once its scheduler says so.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private const string ExecutableMetadata = "OmniPosServer";
    private readonly Process _process;
    private readonly TaskCompletionSource _schedulerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private ServeProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static async Task<ServeProcess> StartAsync(string dataDirectory, StoreOptions store, IReadOnlyDictionary<string, string?> settings)
    {
        var executable = typeof(ServeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == ExecutableMetadata).Value!;
        Assert.True(File.Exists(executable), $"omnipos is not built at {executable}; `make test` builds it");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "serve", "--data", dataDirectory, "--urls", $"http://127.0.0.1:{FreePort()}" }
                     .Concat(settings.Select(s => $"--{s.Key}={s.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMNIPOS__Store__Provider"] = store.Provider;
        start.Environment["OMNIPOS__Store__ConnectionString"] = store.ConnectionString;
        var server = new ServeProcess(new Process { StartInfo = start });
        server._process.OutputDataReceived += (_, line) => server.Heard(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Heard(line.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var started = await Task.WhenAny(server._schedulerStarted.Task, server._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != server._schedulerStarted.Task)
        {
            var output = server.Output;
            await server.DisposeAsync();
            Assert.Fail($"omnipos serve did not start its scheduler:{Environment.NewLine}{output}");
        }

        return server;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>SIGKILL: the process dies where it stands, as in a crash or a lost machine.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM, as a service manager stops it, then waits for it to exit; its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", $"{_process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Heard(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("Job scheduler", StringComparison.Ordinal) && line.Contains("started", StringComparison.Ordinal))
        {
            _schedulerStarted.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
