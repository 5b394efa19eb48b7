namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>One section's outcome in a lab run.</summary>
/// <param name="Id">The section, "A" to "I".</param>
/// <param name="Summary">What the section measured, or null when it failed.</param>
/// <param name="Broken">The invariants the summary breaks, as sentences.</param>
/// <param name="Error">Why the section failed, or null.</param>
public sealed record LabResult(string Id, SectionSummary? Summary, IReadOnlyList<string> Broken, string? Error)
{
    /// <summary>Gets the status the overview shows: hold, BROKEN or error.</summary>
    public string Status => Error is not null ? "error" : Broken.Count == 0 ? "hold" : "BROKEN";
}
