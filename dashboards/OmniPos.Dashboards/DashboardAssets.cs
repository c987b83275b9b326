using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OmniPos.Dashboards;

/// <summary>
/// The pages, their script and style, and Apache ECharts: files embedded in this assembly, served as they are. Each goes
/// out with its content's hash as its entity tag and <c>Cache-Control: no-cache</c>: a browser keeps it (and what it
/// compiled of a script) and asks each time whether it changed, so a page comes back in a round trip per file, never stale.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboards/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, EmbeddedFile> Files = Load();

    /// <summary>The page of that name (its file <c>Pages/&lt;name&gt;.html</c>), or 404.</summary>
    public static IResult Page(string name, HttpContext http) => File($"{name}.html", http);

    /// <summary>A script, style sheet or library the pages load, or 404.</summary>
    public static IResult Asset(string name, HttpContext http) => name.EndsWith(".html", StringComparison.Ordinal) ? Results.NotFound() : File(name, http);

    private static IResult File(string name, HttpContext http)
    {
        if (!Files.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: asset.Tag);
    }

    private static FrozenDictionary<string, EmbeddedFile> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            name => name[Prefix.Length..],
            name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                return new EmbeddedFile(bytes, ContentTypes[Path.GetExtension(name)], new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\""));
            },
            StringComparer.Ordinal);
    }

    private sealed record EmbeddedFile(byte[] Bytes, string ContentType, EntityTagHeaderValue Tag);
}
