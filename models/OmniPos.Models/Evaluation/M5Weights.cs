using System.Globalization;
using System.IO.Compression;
using OmniPos.Warehouse.History;

namespace OmniPos.Models.Evaluation;

/// <summary>
/// The official M5 weights of the item × store series (level 12 of weights_validation.csv: item, store, weight), for the
/// series of a history; a series the file does not name weighs nothing.
/// </summary>
public static class M5Weights
{
    private const string ItemStoreLevel = "Level12";
    private static readonly string[] FileNames = ["weights_validation.csv", "weights_validation.csv.gz"];

    /// <summary>The weights file of an M5 folder (weights_validation.csv, possibly gzipped), or null when it has none.</summary>
    public static string? FileIn(string folder) =>
        FileNames.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    public static double[] Read(string path, SalesHistory history)
    {
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file);
        var weights = new Dictionary<SeriesKey, double>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length == 4 && fields[0] == ItemStoreLevel)
            {
                weights[new SeriesKey(fields[1], fields[2])] = double.Parse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return history.Series.Select(series => weights.GetValueOrDefault(series.Key)).ToArray();
    }
}
