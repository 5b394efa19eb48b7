namespace Breadcrumb.Kafka.Samples;

/// <summary>A sentence about what Kafka does in general, with no claim about this run; reports mark it as background.</summary>
/// <param name="Text">The sentence (plain text; Markdown inline code allowed).</param>
public sealed record ReportBackground(string Text) : ReportItem
{
    /// <summary>The label every rendering puts before a background sentence.</summary>
    public const string Label = "Background (how Kafka works, not a measurement):";
}
