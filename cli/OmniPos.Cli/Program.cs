using System.CommandLine;

namespace OmniPos.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        new RootCommand("OmniPos.Analytics: the retail transaction core, warehouse, models and dashboards")
        {
            ServeCommand.Create(),
            DemoCommand.Create(),
            SimulateCommand.Create(),
            KeysCommand.Create(),
            ImportCommand.Create(),
            WebhooksCommand.Create(),
            LandCommand.Create(),
            JobsCommand.Create(),
            QueryCommand.Create(),
            ImportHistoryCommand.Create(),
            TrainCommand.Create(),
            ForecastCommand.Create(),
            FraudCommand.Create(),
            PromoCommand.Create(),
        }.Parse(args).InvokeAsync();
}
