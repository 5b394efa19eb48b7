namespace Breadcrumb.Kafka.Samples;

/// <summary>A sentence computed from the run's own figures: a claim about this run.</summary>
/// <param name="Text">The sentence (plain text; Markdown inline code allowed).</param>
public sealed record ReportFinding(string Text) : ReportItem;
