namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>Keeps what went wrong inside the layer, so tests can assert it stayed quiet and users can see why.</summary>
internal sealed class FidelityDiagnostics
{
    private readonly Lock gate = new();
    private readonly List<string> problems = [];

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (gate)
            {
                return [.. problems];
            }
        }
    }

    public void Report(Exception exception)
    {
        lock (gate)
        {
            if (problems.Count < 100)
            {
                problems.Add($"{exception.GetType().Name}: {exception.Message}");
            }
        }
    }
}
