using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Storage;

/// <summary>Section C's measured figures.</summary>
public sealed record StorageSummary : SectionSummary
{
    /// <summary>Gets the bcsample.json measured.</summary>
    public required string File { get; init; }

    /// <summary>Gets the file's size as <c>wc</c> counts it.</summary>
    public required BreadcrumbFileCounts Wc { get; init; }

    /// <summary>Gets the records the first consumer run of one group received.</summary>
    public required long FirstRunSameGroup { get; init; }

    /// <summary>Gets the records the second run of the same group received.</summary>
    public required long SecondRunSameGroup { get; init; }

    /// <summary>Gets the records a new group received.</summary>
    public required long NewGroup { get; init; }

    /// <summary>Gets the bytes the broker stores for the topic, or null when it does not report them.</summary>
    public long? StoredBytes { get; init; }

    /// <summary>Gets why the bytes are not reported, or how they were measured.</summary>
    public string? StoredBytesNote { get; init; }

    /// <summary>Gets the records per partition the broker keeps (high − low watermark).</summary>
    public required IReadOnlyList<PartitionStats> Partitions { get; init; }

    /// <summary>Gets the records the drain (topic_clean) read and discarded.</summary>
    public required long Drained { get; init; }

    /// <summary>Gets the records the drain group has left to read afterwards (its lag).</summary>
    public required long RemainingAfterDrain { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        if (FirstRunSameGroup != Produced || NewGroup != Produced)
        {
            broken.Add($"first run got {FirstRunSameGroup} and a new group {NewGroup}, expected {Produced} each.");
        }

        if (SecondRunSameGroup != 0)
        {
            broken.Add($"the second run in the same group got {SecondRunSameGroup}, expected 0.");
        }

        if (Drained != Produced || RemainingAfterDrain != 0)
        {
            broken.Add($"the drain read {Drained} of {Produced} and left {RemainingAfterDrain}.");
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport() => new SectionReport()
        .Finding($"`wc {Path.GetFileName(File)}`: {Wc.Lines} lines, {Wc.Words} words, {Wc.Bytes} bytes ({Wc.Bytes / Math.Max(1, Produced)} bytes per record).")
        .Finding($"One group, consumer run twice after one producer run: first {FirstRunSameGroup}, second {SecondRunSameGroup} — the group's committed offsets remember what it read. A new group: {NewGroup}.")
        .Finding("Before any consumer runs, the records sit in the broker's log for the topic (each partition an append-only log), kept by retention, not by being read.")
        .Finding(StoredBytes is { } bytes
            ? $"The broker stores about {bytes} bytes for the topic ({StoredBytesNote ?? "reported"})."
            : $"Stored bytes: {StoredBytesNote}. The record counts per partition below come from the watermarks.")
        .Finding($"topic_clean (drain): read and discarded {Drained} records; the drain group has {RemainingAfterDrain} left.")
        .Table(
            "What the topic holds, per partition",
            ["partition", "low watermark", "high watermark", "records", "bytes"],
            Partitions.Select(p => (IReadOnlyList<object?>)[p.Partition, p.Low, p.High, p.Messages, p.BytesStored]));
}
