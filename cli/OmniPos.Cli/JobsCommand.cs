using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Storage;
using OmniPos.Jobs;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos jobs list|history|run</c>: the scheduled jobs, their runs, and one run of a job now.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var jobs = new Command("jobs", "List the scheduled jobs, show their runs, or run one now");
        jobs.Subcommands.Add(List());
        jobs.Subcommands.Add(History());
        jobs.Subcommands.Add(Run());
        return jobs;
    }

    private static Command List() => WithJobs(new Command("list", "Every job: its schedule, next firing and last run"), async (_, services, ct) =>
    {
        var history = services.GetRequiredService<JobHistory>();
        var table = new Table().AddColumns("Job", "Schedule", "Next firing (UTC)", "State", "Last run", "What it does");
        foreach (var state in await services.GetRequiredService<JobScheduler>().DescribeAsync(ct))
        {
            var last = await history.ListAsync(state.Job.Name, 1, ct) is [var latest] ? latest : null;
            table.AddRow(state.Job.Name, Markup.Escape(state.Schedule ?? (state.Job.DefaultSchedule is null ? "after " + After(services, state.Job) : "not scheduled")),
                $"{state.NextFireAt:yyyy-MM-dd HH:mm:ss}{(state.PendingOneOffs > 0 ? $" (+{state.PendingOneOffs} one-off)" : "")}", state.State ?? "",
                last is null ? "never" : $"{last.Outcome} {last.StartedAt:yyyy-MM-dd HH:mm:ss}", Markup.Escape(state.Job.Description));
        }

        AnsiConsole.Write(table);
        return 0;
    });

    private static Command History()
    {
        var job = new Option<string?>("--job") { Description = "Only the runs of this job" };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first", DefaultValueFactory = _ => 20 };
        var errors = new Option<bool>("--errors") { Description = "Print each failed run's exception with its stack" };
        return WithJobs(new Command("history", "The latest runs: when, why, where, how long, how they ended") { job, limit, errors }, async (parse, services, ct) =>
        {
            var runs = await services.GetRequiredService<JobHistory>().ListAsync(parse.GetValue(job), parse.GetValue(limit), ct);
            var table = new Table().AddColumns("Started (UTC)", "Job", "Cause", "Attempt", "Node", "Seconds", "Outcome", "Rows", "Summary");
            foreach (var run in runs)
            {
                table.AddRow($"{run.StartedAt:yyyy-MM-dd HH:mm:ss}", run.Job, run.Cause, $"{run.Attempt}", Markup.Escape(run.Instance),
                    run.EndedAt is { } ended ? $"{(ended - run.StartedAt).TotalSeconds:N1}" : "", Outcome(run.Outcome), run.Rows is { } rows ? $"{rows:N0}" : "",
                    Markup.Escape((run.Summary ?? "") + (run.RetryAt is { } retry ? $" (retried at {retry:HH:mm:ss})" : "")));
            }

            AnsiConsole.Write(table);
            foreach (var failed in runs.Where(r => r.Error is not null && parse.GetValue(errors)))
            {
                AnsiConsole.MarkupLine($"[bold]{failed.Job} {failed.RunId}[/] ({failed.Outcome}):");
                Console.WriteLine(failed.Error);
            }

            return 0;
        });
    }

    private static Command Run()
    {
        var name = new Argument<string>("job") { Description = "The job to run (omnipos jobs list names them); the jobs that follow it run after" };
        return WithJobs(new Command("run", "Run a job once now, here, and then the jobs that follow it") { name }, async (parse, services, ct) =>
        {
            var catalog = services.GetRequiredService<JobCatalog>();
            if (catalog.Find(parse.GetValue(name)!) is not { } first)
            {
                await Console.Error.WriteLineAsync($"omnipos jobs run: no job is named '{parse.GetValue(name)}'; the jobs are {string.Join(", ", catalog.All.Select(j => j.Name))}");
                return 2;
            }

            var runner = services.GetRequiredService<JobRunner>();
            var pending = new Queue<(JobDefinition Job, string Cause)>([(first, RunCauses.Manual)]);
            while (pending.TryDequeue(out var next))
            {
                var end = await AnsiConsole.Status().StartAsync($"Running {next.Job.Name}…",
                    _ => runner.RunAsync(next.Job, next.Cause, 1, null, waitForTurn: false, mayRetry: false, ct));
                if (end.Run is null)
                {
                    AnsiConsole.MarkupLine($"[yellow]{next.Job.Name} is running already[/] (run {end.TakenBy}); not started.");
                    return 1;
                }

                if (!end.Succeeded)
                {
                    AnsiConsole.MarkupLine($"[red]{next.Job.Name} failed:[/] {Markup.Escape(end.Failure!.Message)} (omnipos jobs history --errors shows the stack)");
                    return 1;
                }

                AnsiConsole.MarkupLine($"[green]{next.Job.Name}[/]: {Markup.Escape(end.Run.Summary!)}");
                foreach (var follower in next.Job.Then)
                {
                    pending.Enqueue((catalog.Get(follower), RunCauses.Chained));
                }
            }

            return 0;
        });
    }

    private static string After(IServiceProvider services, JobDefinition job) =>
        string.Join(", ", services.GetRequiredService<JobCatalog>().All.Where(j => j.Then.Contains(job.Name)).Select(j => j.Name));

    private static string Outcome(string outcome) => outcome switch
    {
        RunOutcomes.Succeeded => "[green]succeeded[/]",
        RunOutcomes.Failed => "[red]failed[/]",
        RunOutcomes.Retrying or RunOutcomes.Interrupted => $"[yellow]{outcome}[/]",
        _ => outcome,
    };

    /// <summary>The command with the store's arguments, its action given the services a server would run jobs with.</summary>
    private static Command WithJobs(Command command, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> action) =>
        StoreArguments.WithStore(command, async (parse, store, dataDirectory, ct) =>
        {
            var configuration = StoreArguments.Configuration(parse);
            // The command prints what each run did; the runner's own log lines would say it twice.
            await using var services = JobsServices.Standalone(configuration, store, StoreArguments.StoreOptionsOf(configuration), dataDirectory,
                logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole().AddFilter("OmniPos.Jobs", LogLevel.Warning));
            return await action(parse, services, ct);
        });
}
