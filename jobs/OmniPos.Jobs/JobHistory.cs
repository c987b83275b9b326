using System.Data.Common;
using Microsoft.Extensions.Options;

namespace OmniPos.Jobs;

/// <summary>
/// The run history in the job store (<c>job_runs</c>). Starting a run claims the job: at most one row per job is running,
/// whichever process writes it, and a running row whose heartbeat has stopped is marked interrupted by the next claim.
/// </summary>
public sealed class JobHistory(JobStoreDatabase database, IOptions<JobsOptions> settings, TimeProvider clock)
{
    private const string Columns = "run_id, job, instance, cause, attempt, scheduled_at, started_at, ended_at, outcome, rows_done, summary, error, retry_at";

    private readonly JobsOptions _options = settings.Value;

    /// <summary>Records a run as started, unless another run of the job is going.</summary>
    /// <returns>The run, or null with the other run's id when the job is taken.</returns>
    public async Task<(JobRun? Run, string? RunningId)> TryStartAsync(string job, string cause, int attempt, DateTimeOffset? scheduledAt,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = new JobRun(Guid.NewGuid().ToString("N"), job, _options.Instance, cause, attempt, scheduledAt, now, null, RunOutcomes.Running,
            null, null, null, null);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE job_runs SET outcome = 'interrupted', ended_at = heartbeat_at, error = 'its process stopped mid-run (no heartbeat since it ended)'
            WHERE job = @job AND outcome = 'running' AND heartbeat_at < @stale
            """, cancellationToken, ("job", job), ("stale", Millis(now - TimeSpan.FromSeconds(_options.StaleAfterSeconds))));
        var started = await ExecuteAsync(connection, transaction, """
            INSERT INTO job_runs (run_id, job, instance, cause, attempt, scheduled_at, started_at, heartbeat_at, outcome)
            VALUES (@run, @job, @instance, @cause, @attempt, @scheduled, @now, @now, 'running')
            ON CONFLICT DO NOTHING
            """, cancellationToken, ("run", run.RunId), ("job", job), ("instance", run.Instance), ("cause", cause), ("attempt", attempt),
            ("scheduled", scheduledAt is { } at ? Millis(at) : null), ("now", Millis(now)));
        string? runningId = null;
        if (started == 1)
        {
            // On PostgreSQL the insert may have waited for the run before to commit its end: the start is when it got in.
            now = clock.GetUtcNow();
            await ExecuteAsync(connection, transaction, "UPDATE job_runs SET started_at = @now, heartbeat_at = @now WHERE run_id = @run", cancellationToken,
                ("now", Millis(now)), ("run", run.RunId));
        }
        else
        {
            await using var query = Command(connection, transaction, "SELECT run_id FROM job_runs WHERE job = @job AND outcome = 'running'", ("job", job));
            runningId = await query.ExecuteScalarAsync(cancellationToken) as string;
        }

        await transaction.CommitAsync(cancellationToken);
        return started == 1 ? (run with { StartedAt = now }, null) : (null, runningId);
    }

    /// <summary>Records that a run is still going.</summary>
    public async Task BeatAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "UPDATE job_runs SET heartbeat_at = @now WHERE run_id = @run AND outcome = 'running'", cancellationToken,
            ("now", Millis(clock.GetUtcNow())), ("run", runId));
    }

    /// <summary>Records how a run ended.</summary>
    public async Task EndAsync(string runId, string outcome, long? rows, string? summary, string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            UPDATE job_runs SET outcome = @outcome, ended_at = @now, heartbeat_at = @now, rows_done = @rows, summary = @summary, error = @error, retry_at = @retry
            WHERE run_id = @run
            """, cancellationToken, ("outcome", outcome), ("now", Millis(clock.GetUtcNow())), ("rows", rows), ("summary", summary), ("error", error),
            ("retry", retryAt is { } at ? Millis(at) : null), ("run", runId));
    }

    /// <summary>The latest runs, newest first, of one job or all.</summary>
    public async Task<IReadOnlyList<JobRun>> ListAsync(string? job, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = job is null
            ? Command(connection, null, $"SELECT {Columns} FROM job_runs ORDER BY started_at DESC, run_id LIMIT @limit", ("limit", limit))
            : Command(connection, null, $"SELECT {Columns} FROM job_runs WHERE job = @job ORDER BY started_at DESC, run_id LIMIT @limit", ("job", job), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<JobRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new JobRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                Time(reader, 5), Time(reader, 6)!.Value, Time(reader, 7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetInt64(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11), Time(reader, 12)));
        }

        return runs;
    }

    /// <summary>Removes the runs that ended more than <see cref="JobsOptions.KeepHistoryDays"/> ago.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM job_runs WHERE ended_at < @before", cancellationToken,
            ("before", Millis(clock.GetUtcNow() - TimeSpan.FromDays(_options.KeepHistoryDays))));
    }

    private static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset? Time(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
