using System.Reflection;
using System.Runtime.InteropServices;

namespace OmniPos.Warehouse.DuckDb;

/// <summary>
/// Finds <c>libduckdb.so</c>: the file <c>OMNIPOS_DUCKDB_LIB</c> names, else the one npm installs with
/// <c>@duckdb/node-bindings</c> (its platform package), in the <c>node_modules</c> of the working directory, of the
/// application's folder, or of a folder above either.
/// </summary>
internal static class DuckDbLibrary
{
    public const string Name = "duckdb";
    public const string PathVariable = "OMNIPOS_DUCKDB_LIB";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the resolver for this assembly; called before the first native call, once per process.</summary>
    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(DuckDbLibrary).Assembly, Resolve);
            _registered = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name)
        {
            return IntPtr.Zero;
        }

        var candidates = Candidates().Distinct().ToList();
        foreach (var path in candidates.Where(File.Exists))
        {
            return NativeLibrary.Load(path);
        }

        throw new DllNotFoundException(
            $"libduckdb.so was not found. Run `npm ci` in the repository (it installs @duckdb/node-bindings) or set {PathVariable} to the library's path. Looked at: {string.Join(", ", candidates)}");
    }

    private static IEnumerable<string> Candidates()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            yield return configured;
            yield break;
        }

        var platformPackage = Path.Combine("node_modules", "@duckdb", $"node-bindings-linux-{Architecture()}", "libduckdb.so");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }.Distinct())
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                yield return Path.Combine(folder.FullName, platformPackage);
            }
        }
    }

    private static string Architecture() => RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        _ => "x64",
    };
}
