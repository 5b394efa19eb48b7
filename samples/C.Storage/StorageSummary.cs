using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Storage;

/// <summary>Section C's measured figures.</summary>
public sealed record StorageSummary : SectionSummary
{
    /// <summary>Gets the bcsample.json measured.</summary>
    public required string File { get; init; }

    /// <summary>Gets the file's size as <c>wc</c> counts it.</summary>
    public required BreadcrumbFileCounts Wc { get; init; }

    /// <summary>Gets a value indicating whether the file is one JSON array (else one object per line).</summary>
    public required bool FileIsJsonArray { get; init; }

    /// <summary>Gets the records the broker held for the topic after the producer ran and before any consumer did.</summary>
    public required long HeldBeforeConsumers { get; init; }

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
    public override IReadOnlyList<string> DescribeInvariants() =>
    [
        "before any consumer runs the broker holds every record produced",
        "the first run of a group and a new group each receive every record; a second run of the same group receives none",
        "topic_clean reads every record and leaves its group nothing to read",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        if (HeldBeforeConsumers != Produced)
        {
            broken.Add($"{Produced} records produced, but the broker held {HeldBeforeConsumers} before any consumer ran.");
        }

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
        .Finding($"`wc {Path.GetFileName(File)}` prints `{Wc.Lines} {Wc.Words} {Wc.Bytes} {Path.GetFileName(File)}`: {Wc.Lines} lines, {Wc.Words} words, "
            + $"{Wc.Bytes} bytes, {Wc.Bytes / Math.Max(1, Produced)} bytes per record. " + (Wc.Lines == 0
                ? $"0 lines because wc counts newline characters and this file has none: {(FileIsJsonArray ? "it is one JSON array" : "its records")} on a single line with no final newline (the lab's own wc output shows 0 lines too)."
                : $"{Wc.Lines} newline characters: {(FileIsJsonArray ? "a JSON array spread over several lines" : "one record per line")}."))
        .Finding($"One group, consumer run twice after one producer run: first {FirstRunSameGroup}, second {SecondRunSameGroup}. A new group: {NewGroup}.")
        .Background("A consumer group's committed offsets record how far it has read, so a rerun in the same group starts after them; a new group has none and starts at the beginning.")
        .Finding($"After the producer ran and before any consumer did, the broker already held {HeldBeforeConsumers} records for the topic (sum of high − low watermarks).")
        .Background("Before (and after) a consumer reads them, records sit in the broker's log for the topic, one append-only log per partition, kept until retention "
            + "(time or size) removes them; reading does not remove them. Confluent Cloud shows the stored bytes in its console and metrics API.")
        .Finding(StoredBytes is { } bytes
            ? $"The broker reports {bytes} bytes stored for the topic ({StoredBytesNote ?? "reported"}), {bytes / Math.Max(1, Partitions.Sum(p => p.Messages))} bytes per record held."
            : $"Stored bytes: {StoredBytesNote}. The record counts per partition below come from the watermarks.")
        .Finding($"topic_clean (drain): read and discarded {Drained} records; the drain group has {RemainingAfterDrain} left.")
        .Table(
            "What the topic holds, per partition (after the consumers ran)",
            ["partition", "low watermark", "high watermark", "records", "bytes"],
            Partitions.Select(p => (IReadOnlyList<object?>)[p.Partition, p.Low, p.High, p.Messages, p.BytesStored]));
}
