using System.CommandLine;
using OmniPos.Ingest.Simulation;

namespace OmniPos.Cli;

/// <summary>The size of a simulated chain, as <c>simulate</c> and <c>demo</c> take it.</summary>
internal sealed class SimulationArguments(int defaultDays)
{
    private static readonly SimulationOptions Defaults = new();

    private readonly Option<int> _days = new("--days") { Description = "Days to simulate", DefaultValueFactory = _ => defaultDays };
    private readonly Option<int> _stores = new("--stores") { Description = "Shops (a web storefront and a marketplace come on top)", DefaultValueFactory = _ => Defaults.Stores };
    private readonly Option<int> _skus = new("--skus") { Description = "SKUs in the catalog", DefaultValueFactory = _ => Defaults.Skus };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed: the same seed gives the same events", DefaultValueFactory = _ => Defaults.Seed };
    private readonly Option<DateOnly?> _from = new("--from") { Description = "First simulated day (default 2026-01-01)" };
    private readonly Option<double> _fraudScale = new("--fraud-scale") { Description = "Multiplies every fraud scheme's rate (0: no fraud)", DefaultValueFactory = _ => 1.0 };
    private readonly Option<int> _dishonest = new("--dishonest-cashiers")
    {
        Description = "Cashiers who commit the in-store schemes",
        DefaultValueFactory = _ => Defaults.Fraud.DishonestCashiers,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_days);
        command.Options.Add(_stores);
        command.Options.Add(_skus);
        command.Options.Add(_seed);
        command.Options.Add(_from);
        command.Options.Add(_fraudScale);
        command.Options.Add(_dishonest);
    }

    public SimulationOptions Read(ParseResult parse) => Defaults with
    {
        Days = parse.GetValue(_days),
        Stores = parse.GetValue(_stores),
        Skus = parse.GetValue(_skus),
        Seed = parse.GetValue(_seed),
        FirstDay = parse.GetValue(_from) ?? Defaults.FirstDay,
        Fraud = Defaults.Fraud.Scaled(parse.GetValue(_fraudScale), parse.GetValue(_dishonest)),
    };
}
