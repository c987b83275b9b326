namespace OmniPos.Jobs;

/// <summary>Every job registered with <see cref="JobsServices.AddScheduledJob"/>, by name.</summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, JobDefinition> _byName;

    public JobCatalog(IEnumerable<JobDefinition> definitions)
    {
        All = [.. definitions];
        _byName = new Dictionary<string, JobDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in All)
        {
            if (!_byName.TryAdd(job.Name, job))
            {
                throw new InvalidOperationException($"two jobs are named {job.Name}");
            }
        }

        if (All.SelectMany(j => j.Then.Select(next => (j.Name, next))).FirstOrDefault(link => !_byName.ContainsKey(link.next)) is { Name: not null } broken)
        {
            throw new InvalidOperationException($"job {broken.Name} is followed by {broken.next}, which is not a job");
        }
    }

    public IReadOnlyList<JobDefinition> All { get; }

    public JobDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The job named <paramref name="name"/>; the error names the jobs there are.</summary>
    public JobDefinition Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"no job is named '{name}'; the jobs are {string.Join(", ", All.Select(j => j.Name))}");
}
