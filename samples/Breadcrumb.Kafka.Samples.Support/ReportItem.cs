namespace Breadcrumb.Kafka.Samples;

/// <summary>One element of a <see cref="SectionReport"/>: a finding, a background note, a table or a picture.</summary>
public abstract record ReportItem;
