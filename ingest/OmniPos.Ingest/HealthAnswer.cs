namespace OmniPos.Ingest;

internal sealed record HealthAnswer(string Status);
