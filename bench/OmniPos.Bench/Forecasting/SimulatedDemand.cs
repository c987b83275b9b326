using System.Globalization;
using System.IO.Compression;
using OmniPos.Ingest.Simulation;
using OmniPos.Warehouse.History;

namespace OmniPos.Bench.Forecasting;

/// <summary>
/// A simulated chain's daily sales per SKU and shop (no web: a forecast of the shelves), as the simulator's ground truth
/// records them (<see cref="GroundTruthWriter.DemandFile"/>), with the expected demand the simulator drew each day from.
/// A day the shelf ran out (fewer sold than wanted) is unknown demand, as the stock spans show it in the warehouse; a day a
/// shop was closed is unknown too, and its expected demand NaN. Prices are the list prices.
/// </summary>
internal sealed record SimulatedDemand(SalesHistory Observed, float[][] Expected)
{
    public static SimulatedDemand Simulate(SimulationOptions options, string folder, CancellationToken cancellationToken)
    {
        var world = RetailWorld.Create(options);
        using (var truth = new GroundTruthWriter(folder))
        {
            foreach (var _ in new ChainSimulator(world, truth).Run())
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return Read(world, Path.Combine(folder, GroundTruthWriter.DemandFile));
    }

    private static SimulatedDemand Read(RetailWorld world, string demandFile)
    {
        var days = world.Options.Days;
        var products = world.Products.ToDictionary(p => p.Sku);
        var series = new Dictionary<SeriesKey, (DemandSeries Series, float[] Expected)>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(demandFile), CompressionMode.Decompress));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields[1] is RetailWorld.WebStoreId or RetailWorld.MarketplaceStoreId)
            {
                continue;
            }

            var key = new SeriesKey(fields[0], fields[1]);
            if (!series.TryGetValue(key, out var entry))
            {
                var product = products[key.Sku];
                var department = Department.All[product.Department].Name;
                entry = (new DemandSeries(key, department, world.Subcategories[product.Subcategory].Category, "", Unknown(days),
                    Enumerable.Repeat((float)product.Product.UnitPrice, days).ToArray(), new bool[days]), Unknown(days));
                series[key] = entry;
            }

            var day = DateOnly.ParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - world.Options.FirstDay.DayNumber;
            var (demand, sold, other) = (int.Parse(fields[4], CultureInfo.InvariantCulture), int.Parse(fields[5], CultureInfo.InvariantCulture), int.Parse(fields[6], CultureInfo.InvariantCulture));
            entry.Series.Units[day] = sold < demand ? float.NaN : sold + other;
            entry.Expected[day] = float.Parse(fields[3], CultureInfo.InvariantCulture);
        }

        static float[] Unknown(int days)
        {
            var values = new float[days];
            Array.Fill(values, float.NaN);
            return values;
        }

        var ordered = series.OrderBy(s => s.Key.Sku, StringComparer.Ordinal).ThenBy(s => s.Key.Location, StringComparer.Ordinal).Select(s => s.Value).ToList();
        return new SimulatedDemand(
            new SalesHistory(SalesCalendar.Plain(world.Options.FirstDay, days), days, ordered.Select(s => s.Series).ToList()),
            ordered.Select(s => s.Expected).ToArray());
    }
}
