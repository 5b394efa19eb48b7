namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>A heading of the lab report.</summary>
/// <param name="Level">1 for the title, 2 for a section.</param>
/// <param name="Text">The heading.</param>
public sealed record LabHeading(int Level, string Text) : ReportItem;
