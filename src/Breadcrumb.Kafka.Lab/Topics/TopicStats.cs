namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes what a topic holds: per-partition watermarks and message counts, and bytes where the broker reports them.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partitions">One entry per partition, by partition number.</param>
/// <param name="BytesStored">Bytes stored for the whole topic, or <see langword="null"/> when not reported (never estimated).</param>
/// <param name="BytesNote">Why <paramref name="BytesStored"/> is missing, or <see langword="null"/> when it is reported.</param>
public sealed record TopicStats(string Topic, IReadOnlyList<PartitionStats> Partitions, long? BytesStored, string? BytesNote)
{
    /// <summary>Gets the offsets stored over all partitions (sum of high − low).</summary>
    public long Messages => Partitions.Sum(p => p.Messages);

    /// <summary>Returns a one-line summary, e.g. <c>breadcrumbs: 1000 messages in 6 partitions, bytes not reported</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Topic}: {Messages} messages in {Partitions.Count} partitions, " + (BytesStored is { } b ? $"{b} bytes stored" : "bytes not reported");
}
