using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Simulation;

/// <summary>Saves the world's catalog — stores, devices, staff, products, promotions and members — as the back office would.</summary>
public static class WorldCatalog
{
    public static async Task SaveAsync(IOperationalStore store, RetailWorld world, CancellationToken cancellationToken)
    {
        foreach (var location in world.Locations)
        {
            await store.SaveStoreAsync(location.Store, cancellationToken);
            foreach (var device in location.Devices)
            {
                await store.SaveDeviceAsync(device, cancellationToken);
            }

            foreach (var employee in location.Cashiers.Append(location.Manager).OfType<Core.Catalog.Employee>())
            {
                await store.SaveEmployeeAsync(employee, cancellationToken);
            }
        }

        await store.SaveProductsAsync([.. world.Products.Select(p => p.Product)], cancellationToken);
        foreach (var plan in world.Promotions)
        {
            await store.SavePromotionAsync(plan.Promotion, cancellationToken);
        }

        foreach (var customer in world.Customers)
        {
            await store.SaveCustomerAsync(customer.Customer, cancellationToken);
        }
    }
}
