namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>One sample of a topic's figures, as sent to the page.</summary>
/// <param name="Time">When it was taken.</param>
/// <param name="Topic">The topic.</param>
/// <param name="RecordsIn">Records ever written to the topic (sum of high watermarks).</param>
/// <param name="Stored">Records readable now (sum of high minus low watermarks).</param>
/// <param name="InPerSecond">Records per second written since the previous sample.</param>
/// <param name="OutPerSecond">Records per second committed by the watched groups since the previous sample.</param>
/// <param name="BytesStored">Bytes stored, or <see langword="null"/> when the broker does not report them.</param>
/// <param name="BytesNote">Why bytes are missing, when they are.</param>
/// <param name="Partitions">Per-partition watermarks.</param>
/// <param name="Groups">Per-group lag.</param>
public sealed record MonitoringSnapshot(
    DateTimeOffset Time,
    string Topic,
    long RecordsIn,
    long Stored,
    double InPerSecond,
    double OutPerSecond,
    long? BytesStored,
    string? BytesNote,
    IReadOnlyList<MonitoredPartition> Partitions,
    IReadOnlyList<MonitoredGroup> Groups);
