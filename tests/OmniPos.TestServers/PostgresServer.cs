using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OmniPos.TestServers;

/// <summary>
/// A private PostgreSQL server in a temporary folder (initdb + pg_ctl), or the server <c>OMNIPOS_TEST_PG</c> names.
/// PostgreSQL refuses to run as root, so as root its commands run as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? _root;
    private readonly string? _pgCtl;
    private readonly List<string> _databases = [];

    private PostgresServer(string adminConnectionString, string? root, string? pgCtl)
    {
        AdminConnectionString = adminConnectionString;
        _root = root;
        _pgCtl = pgCtl;
    }

    /// <summary>A superuser connection to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <param name="durable">Keep fsync and synchronous_commit on (benchmarks measure durable commits); tests run faster without them.</param>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken, bool durable = false)
    {
        if (Environment.GetEnvironmentVariable("OMNIPOS_TEST_PG") is { Length: > 0 } external)
        {
            return new PostgresServer(external, null, null);
        }

        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found; run `make test` (installs Debian package postgresql) or set OMNIPOS_TEST_PG to an admin connection string");
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var root = Directory.CreateTempSubdirectory("omnipos-pg-").FullName;
        var data = Path.Combine(root, "data");
        var log = Path.Combine(root, "server.log");
        var port = FreePort();
        var launched = false;
        try
        {
            // Environment.IsPrivilegedProcess is geteuid() == 0; the postgres user must own everything it writes.
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", root], cancellationToken);
            }

            await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--encoding=UTF8", "--no-sync"], cancellationToken);
            var settings = $"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{root}' -c max_connections=200 -c shared_buffers=128MB"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            launched = true;
            await RunAsPostgresAsync(pgCtl, ["start", "-w", "-t", "60", "-D", data, "-l", log, "-o", settings], cancellationToken);
        }
        catch (Exception e)
        {
            // Read the log before the folder goes: pg_ctl itself only says "see the log".
            var serverLog = File.Exists(log) ? $"{Environment.NewLine}server log:{Environment.NewLine}{await File.ReadAllTextAsync(log, CancellationToken.None)}" : "";
            // A cancelled initdb leaves a single-user lock file behind; only a launched server needs pg_ctl stop.
            if (launched)
            {
                await StopAsync(pgCtl, data);
            }

            await DeleteAsync(root);
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new InvalidOperationException($"PostgreSQL did not start from {bin}: {e.Message}{serverLog}", e);
        }

        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", root, pgCtl);
    }

    /// <summary>A new, empty database; each test class or benchmark gets its own so they can run side by side.</summary>
    /// <returns>A connection string to the new database.</returns>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        // Only [a-z0-9_], and short enough that the guid part always fits in PostgreSQL's 63-byte names.
        var safePrefix = new string([.. prefix.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_').Take(40)]);
        var name = $"{(safePrefix.Length > 0 ? safePrefix : "db")}_{Guid.NewGuid().ToString("N")[..12]}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops and deletes a private server, or drops the databases created on an external one; failures are reported on stderr, not thrown.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_root is null)
        {
            await DropDatabasesAsync();
        }
        else
        {
            await StopAsync(_pgCtl!, Path.Combine(_root, "data"));
            await DeleteAsync(_root);
        }
    }

    private async Task DropDatabasesAsync()
    {
        string[] names;
        lock (_databases)
        {
            names = [.. _databases];
        }

        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            foreach (var name in names)
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException e)
        {
            await Console.Error.WriteLineAsync($"PostgresServer: could not drop test databases {string.Join(", ", names)}: {e.Message}");
        }
    }

    private static async Task StopAsync(string pgCtl, string data)
    {
        try
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await RunAsPostgresAsync(pgCtl, ["stop", "-m", "immediate", "-w", "-D", data], CancellationToken.None);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            await Console.Error.WriteLineAsync($"PostgresServer: could not stop the server in {data}: {e.Message}");
        }
    }

    private static async Task DeleteAsync(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"PostgresServer: could not delete {root}: {e.Message}");
        }
    }

    private static string? FindBinDirectory()
    {
        static bool HasServer(string directory) =>
            File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

        const string debianRoot = "/usr/lib/postgresql";
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return PathDirectories().Concat(debian).FirstOrDefault(HasServer);
    }

    private static string[] PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return RunAsync(program, arguments, cancellationToken);
        }

        // runuser lives in /usr/sbin, which a root PATH may lack; su is everywhere but takes one shell command line.
        if (PathDirectories().Select(d => Path.Combine(d, "runuser")).FirstOrDefault(File.Exists) is { } runuser)
        {
            return RunAsync(runuser, ["-u", "postgres", "--", program, .. arguments], cancellationToken);
        }

        static string Quote(string word) => $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
        string[] command = [program, .. arguments];
        return RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", string.Join(' ', command.Select(Quote))], cancellationToken);
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{await output}{await errors}");
        }
    }
}
