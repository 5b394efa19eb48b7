using System.Text.Json.Serialization;

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

/// <summary>One partition in a <see cref="MonitoringSnapshot"/>.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Low">The low watermark.</param>
/// <param name="High">The high watermark.</param>
/// <param name="Records">Records stored (high minus low).</param>
/// <param name="Bytes">Bytes stored, or <see langword="null"/> when not reported.</param>
public sealed record MonitoredPartition(int Partition, long Low, long High, long Records, long? Bytes);

/// <summary>One consumer group in a <see cref="MonitoringSnapshot"/>.</summary>
/// <param name="Group">The group id.</param>
/// <param name="Committed">Records the group has committed past, summed over partitions.</param>
/// <param name="Lag">Records the group has still to read.</param>
public sealed record MonitoredGroup(string Group, long Committed, long Lag);

/// <summary>The source-generated JSON context for snapshots (camelCase for the page).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MonitoringSnapshot))]
internal sealed partial class MonitoringJsonContext : JsonSerializerContext;
