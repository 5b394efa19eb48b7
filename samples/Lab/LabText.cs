namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>A paragraph of the lab report that is neither a finding nor background (how the report was made, a label).</summary>
/// <param name="Text">The paragraph (Markdown inline code allowed).</param>
/// <param name="Bold">Whether it is a label such as "Measured answer:".</param>
public sealed record LabText(string Text, bool Bold = false) : ReportItem;
