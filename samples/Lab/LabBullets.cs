namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>A bulleted list of the lab report that states how it was made (broker, waits, wall time).</summary>
/// <param name="Lines">The entries, in order.</param>
public sealed record LabBullets(IReadOnlyList<string> Lines) : ReportItem;
