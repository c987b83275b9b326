using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// The keys the simulated chain posts with, as its real devices would: one per register and online channel, a back-office
/// (admin) key for price changes, and a finance key for the processor's files.
/// </summary>
public sealed record SimulationKeys(IReadOnlyDictionary<string, string> Devices, string Admin, string Finance)
{
    public static async Task<SimulationKeys> CreateAsync(IOperationalStore store, RetailWorld world, CancellationToken cancellationToken)
    {
        var devices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in world.Locations.SelectMany(l => l.Devices))
        {
            var role = device.Kind is DeviceKind.Storefront or DeviceKind.Marketplace ? AccessRole.Storefront : AccessRole.Register;
            devices[device.DeviceId] = (await store.CreateKeyAsync(role, device.StoreId, device.DeviceId, cancellationToken)).Token;
        }

        var admin = await store.CreateKeyAsync(AccessRole.Admin, null, null, cancellationToken);
        var finance = await store.CreateKeyAsync(AccessRole.Finance, null, null, cancellationToken);
        return new SimulationKeys(devices, admin.Token, finance.Token);
    }
}
