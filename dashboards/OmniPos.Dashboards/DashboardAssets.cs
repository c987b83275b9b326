using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace OmniPos.Dashboards;

/// <summary>The pages, their script and style, and Apache ECharts: files embedded in this assembly, served as they are.</summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboards/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    /// <summary>The page of that name (its file <c>Pages/&lt;name&gt;.html</c>), or 404.</summary>
    public static IResult Page(string name) => File($"{name}.html");

    /// <summary>A script, style sheet or library the pages load, or 404.</summary>
    public static IResult Asset(string name) => name.EndsWith(".html", StringComparison.Ordinal) ? Results.NotFound() : File(name);

    private static IResult File(string name) =>
        Files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, ContentTypes[Path.GetExtension(name)]) : Results.NotFound();

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            name => name[Prefix.Length..],
            name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            },
            StringComparer.Ordinal);
    }
}
