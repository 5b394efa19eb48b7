namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>A numbered list of the lab report: a section's questions, quoted from the course text.</summary>
/// <param name="Lines">The entries, in order.</param>
public sealed record LabNumbered(IReadOnlyList<string> Lines) : ReportItem;
