namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>Everything the lab report is written from: the sections' outcomes and how the run was made.</summary>
/// <param name="Results">Each section run, in order.</param>
/// <param name="Broker">A one-line description of the broker.</param>
/// <param name="Quick">Whether the lab's waits were shortened.</param>
/// <param name="Elapsed">The run's wall time.</param>
public sealed record LabRun(IReadOnlyList<LabResult> Results, string Broker, bool Quick, TimeSpan Elapsed)
{
    /// <summary>Gets the sections whose invariants broke or that failed.</summary>
    public int Failed => Results.Count(r => r.Broken.Count > 0 || r.Error is not null);
}
