using OmniPos.Ingest.Simulation;
using OmniPos.Warehouse;
using OmniPos.Warehouse.Queries;
using Spectre.Console;

namespace OmniPos.Cli.Demo;

/// <summary>What the demo's year looks like from the warehouse: stores, orders, revenue, returns, reconciliation and till exceptions.</summary>
internal static class DemoSummary
{
    public static void Print(AnalyticsWarehouse warehouse, SimulationOptions options, SimulationTally tally)
    {
        var year = new QueryFilter(options.FirstDay, options.LastDay);
        var sales = warehouse.Query(AnalyticQueries.SalesByChannelDay, year);
        var returns = warehouse.Query(AnalyticQueries.ReturnRate, year);
        var reconciliation = warehouse.Query(AnalyticQueries.TenderReconciliation, year);
        var tills = warehouse.Query(AnalyticQueries.TillShifts, year);
        var returnedUnits = returns.Sum(r => r.ReturnedUnits);
        var soldUnits = returns.GroupBy(r => r.Channel).Sum(g => g.First().SoldUnits);

        var table = new Table().AddColumns("From the warehouse", "").HideHeaders().Title("Demo summary");
        var stores = warehouse.Query(AnalyticQueries.TaxByJurisdiction, year).Select(t => t.StoreId).Distinct().Count();
        table.AddRow("Stores", $"{stores} selling: {options.Stores} shops in 2 regions, the web storefront and the marketplace");
        foreach (var channel in sales.GroupBy(s => s.Channel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow($"  {channel.Key}", $"{channel.Sum(s => s.Orders):N0} orders, {channel.Sum(s => s.Revenue):N2} USD net sales, {channel.Sum(s => s.Units):N0} units");
        }

        table.AddRow("Orders", $"{sales.Sum(s => s.Orders):N0}");
        table.AddRow("Revenue (net sales before tax)", $"{sales.Sum(s => s.Revenue):N2} USD");
        table.AddRow("Returns", $"{returnedUnits:N0} units, {(soldUnits == 0 ? 0 : 100.0 * returnedUnits / soldUnits):N1}% of units sold");
        table.AddRow("Card items not matched to a settlement", $"{reconciliation.Sum(r => r.Unmatched):N0}");
        table.AddRow("Till shifts short by more than 5.00", $"{tills.Count(t => t.OverShort < -5m):N0} of {tills.Count:N0}");
        table.AddRow("Injected fraud cases (ground truth)", $"{tally.FraudCases:N0}");
        AnsiConsole.Write(table);
    }
}
