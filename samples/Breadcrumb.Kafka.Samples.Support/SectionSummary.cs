using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// The measured figures every section reports; each section's summary adds its own.
/// Serialized as the <c>--json</c> contract documented in docs/samples.md.
/// </summary>
public abstract record SectionSummary
{
    /// <summary>Gets the lab section, "A" to "I".</summary>
    [JsonPropertyOrder(-10)]
    public required string Section { get; init; }

    /// <summary>Gets the topic the section used.</summary>
    [JsonPropertyOrder(-9)]
    public required string Topic { get; init; }

    /// <summary>Gets the number of records whose delivery the broker confirmed.</summary>
    [JsonPropertyOrder(-8)]
    public required long Produced { get; init; }

    /// <summary>Gets the number of records the section's consumers received.</summary>
    [JsonPropertyOrder(-7)]
    public required long Consumed { get; init; }

    /// <summary>Gets how long the section took, in seconds.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Returns the lab invariants this summary breaks, as sentences; empty when all hold.</summary>
    /// <param name="records">The number of records each producer was asked to send.</param>
    /// <returns>One sentence per broken invariant.</returns>
    public abstract IReadOnlyList<string> CheckInvariants(int records);

    /// <summary>Describes the invariants <see cref="CheckInvariants"/> checks: the criteria, not their outcome.</summary>
    /// <returns>One sentence per invariant.</returns>
    public abstract IReadOnlyList<string> DescribeInvariants();

    /// <summary>Describes what the section observed, as sentences and tables.</summary>
    /// <returns>The report.</returns>
    public abstract SectionReport ToReport();
}
