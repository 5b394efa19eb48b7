using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>One refresh of the monitor.</summary>
/// <param name="Seconds">Seconds since the monitor started.</param>
/// <param name="Records">Records the topic holds (sum of high − low watermarks).</param>
/// <param name="InPerSecond">Records appended per second since the last refresh.</param>
/// <param name="OutPerSecond">Records the watched group committed per second since the last refresh.</param>
/// <param name="Lag">Records the watched group has yet to read.</param>
/// <param name="Bytes">Bytes stored, when the broker reports them.</param>
public sealed record MonitorTick(double Seconds, long Records, double InPerSecond, double OutPerSecond, long Lag, long? Bytes);

/// <summary>Section B's measured figures.</summary>
public sealed record MonitoringSummary : SectionSummary
{
    /// <summary>Gets the consumer group whose progress was watched.</summary>
    public required string Group { get; init; }

    /// <summary>Gets each refresh.</summary>
    public required IReadOnlyList<MonitorTick> Ticks { get; init; }

    /// <summary>Gets the final per-partition view.</summary>
    public required IReadOnlyList<PartitionStats> Partitions { get; init; }

    /// <summary>Gets why bytes are missing, if they are.</summary>
    public string? BytesNote { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records) =>
        Ticks.Count == 0 ? ["the monitor took no reading."] : [];

    /// <inheritdoc/>
    public override SectionReport ToReport() => new SectionReport()
        .Finding($"Watched topic '{Topic}' and group '{Group}' for {(Ticks.Count == 0 ? 0 : Ticks[^1].Seconds):0.#} s while {Produced} records were produced and {Consumed} consumed.")
        .Finding("The console's numbers are reasonable when records in ≈ the producer's rate, records out follow once the consumer runs, "
            + "lag returns to 0, and partitions grow unevenly (keyless records go to one partition at a time)." + (BytesNote is null ? string.Empty : $" Bytes: {BytesNote}."))
        .Table(
            "Monitor readings",
            ["t (s)", "records held", "in/s", "out/s (group commits)", "group lag", "bytes"],
            Ticks.Select(t => (IReadOnlyList<object?>)[Math.Round(t.Seconds, 1), t.Records, Math.Round(t.InPerSecond), Math.Round(t.OutPerSecond), t.Lag, t.Bytes]))
        .Table(
            "Partitions at the end",
            ["partition", "low", "high", "records", "bytes"],
            Partitions.Select(p => (IReadOnlyList<object?>)[p.Partition, p.Low, p.High, p.Messages, p.BytesStored]));
}
