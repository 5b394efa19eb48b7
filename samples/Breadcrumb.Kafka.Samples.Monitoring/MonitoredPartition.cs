namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>One partition in a <see cref="MonitoringSnapshot"/>.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Low">The low watermark.</param>
/// <param name="High">The high watermark.</param>
/// <param name="Records">Records stored (high minus low).</param>
/// <param name="Bytes">Bytes stored, or <see langword="null"/> when not reported.</param>
public sealed record MonitoredPartition(int Partition, long Low, long High, long Records, long? Bytes);
