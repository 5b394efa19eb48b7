namespace Breadcrumb.Kafka.Samples;

/// <summary>A picture drawn from the run's figures (section G's timeline chart).</summary>
/// <param name="Caption">What it shows.</param>
/// <param name="Path">The PNG file.</param>
public sealed record ReportImage(string Caption, string Path) : ReportItem;
