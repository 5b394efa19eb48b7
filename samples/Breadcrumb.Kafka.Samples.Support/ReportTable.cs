namespace Breadcrumb.Kafka.Samples;

/// <summary>A table of measured figures.</summary>
/// <param name="Title">The caption.</param>
/// <param name="Headers">The column headers.</param>
/// <param name="Rows">The rows, each cell already formatted.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportItem;
