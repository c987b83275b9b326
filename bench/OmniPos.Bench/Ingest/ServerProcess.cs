using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using OmniPos.Core.Storage;

namespace OmniPos.Bench.Ingest;

/// <summary>
/// The real server, <c>omnipos serve</c> as built in this benchmark's configuration, run as a child process on a free
/// loopback port over a store the caller prepared, with a temporary data directory of its own. Disposing it stops the
/// process and deletes the directory, whatever happened before.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Where the build put the CLI (see the project file); <c>make bench</c> builds it first.</summary>
    private const string ExecutableMetadata = "OmniPosServer";
    private const int OutputLinesKept = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly DirectoryInfo _dataDirectory;

    /// <summary>The last lines the server wrote, for an error to quote.</summary>
    private readonly ConcurrentQueue<string> _output = new();
    private bool _started;

    private ServerProcess(Process process, DirectoryInfo dataDirectory, Uri address)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the server on the store and returns once it answers its health route.</summary>
    /// <param name="settings">Configuration arguments over the server's appsettings.json, as <c>--Section:Key=value</c>.</param>
    public static async Task<ServerProcess> StartAsync(StoreOptions store, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var executable = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == ExecutableMetadata).Value!;
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"the server is not built at {executable}; run `make build` (or build cli/OmniPos.Cli in this configuration)");
        }

        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var dataDirectory = Directory.CreateTempSubdirectory("omnipos-bench-serve-");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "serve", "--data", dataDirectory.FullName, "--urls", address.ToString() }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        // The store by environment rather than arguments, so a connection string does not show in the process list.
        start.Environment["OMNIPOS__Store__Provider"] = store.Provider;
        start.Environment["OMNIPOS__Store__ConnectionString"] = store.ConnectionString;
        var server = new ServerProcess(new Process { StartInfo = start }, dataDirectory, address);
        try
        {
            server.Start();
            await server.WaitUntilAnsweringAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started && !_process.HasExited)
        {
            // The store is thrown away with the run, so nothing is waited for; the store survives a kill in any case.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        _dataDirectory.Delete(recursive: true);
    }

    private void Start()
    {
        // Read as it comes: a server whose output pipe filled up would stop answering.
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _started = _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Address, Timeout = ProbeInterval * 10 };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"omnipos serve exited with code {_process.ExitCode} before answering; it wrote:\n{Output()}");
            }

            try
            {
                using var health = await probe.GetAsync(new Uri("/v1/health", UriKind.Relative), cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetElapsedTime(started) > StartTimeout)
            {
                throw new TimeoutException($"omnipos serve did not answer at {Address} within {StartTimeout.TotalSeconds:0} s; it wrote:\n{Output()}");
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }

    private string Output() => string.Join('\n', _output);

    /// <summary>A port nothing listens on now; the server binds it a moment later.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
