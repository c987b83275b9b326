using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using OmniPos.Core.Events;
using OmniPos.Ingest.Simulation;

namespace OmniPos.Ingest.Tests.Simulation;

public sealed class SimulationDeterminismTests : IDisposable
{
    private static readonly SimulationOptions Small = new() { Days = 21, Stores = 3, Skus = 120, Customers = 200 };

    private readonly string _folder = Directory.CreateTempSubdirectory("omnipos-simulation-").FullName;

    [Fact]
    public void The_same_seed_gives_byte_identical_event_streams_processor_files_and_ground_truth()
    {
        var first = Run(Small, "first");
        var second = Run(Small, "second");

        Assert.True(first.Events > 1_000, $"only {first.Events} events");
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Truth, second.Truth);
    }

    [Fact]
    public void Another_seed_gives_another_stream()
    {
        var seven = Run(Small, "seven");
        var eight = Run(Small with { Seed = 8 }, "eight");

        Assert.NotEqual(seven.Digest, eight.Digest);
    }

    [Fact]
    public void Options_out_of_range_are_refused_naming_each()
    {
        var refused = Assert.Throws<ArgumentException>(() => RetailWorld.Create(Small with { Days = 3, Skus = 5 }));

        Assert.Contains("days must be 7 to 3660, not 3", refused.Message, StringComparison.Ordinal);
        Assert.Contains("skus must be 20 to 50000, not 5", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The SHA-256 of every event's canonical text and every processor record, in order; the ground truth's text.</summary>
    private (string Digest, long Events, string Truth) Run(SimulationOptions options, string name)
    {
        var truthFolder = Path.Combine(_folder, name);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var events = 0L;
        using (var truth = new GroundTruthWriter(truthFolder))
        {
            foreach (var day in new ChainSimulator(RetailWorld.Create(options), truth).Run())
            {
                foreach (var e in day.Events)
                {
                    hash.AppendData(EventJson.SerializeToUtf8(e));
                    events++;
                }

                hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', day.Settlements.Select(s => s.ToString()).Concat(day.Chargebacks.Select(c => c.ToString())))));
            }
        }

        using var demand = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(truthFolder, GroundTruthWriter.DemandFile)), CompressionMode.Decompress));
        var truthText = demand.ReadToEnd() + string.Concat(new[] { GroundTruthWriter.PromotionsFile, GroundTruthWriter.FraudCasesFile, GroundTruthWriter.FraudEventsFile,
                GroundTruthWriter.OfflineEventsFile, GroundTruthWriter.CustomersFile }
            .Select(f => File.ReadAllText(Path.Combine(truthFolder, f))));
        return (Convert.ToHexString(hash.GetHashAndReset()), events, truthText);
    }
}
