namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>One reading of the monitor.</summary>
/// <param name="Seconds">Seconds since the monitor started, taken when the reading began (its watermarks are read first).</param>
/// <param name="Records">Records the topic holds (sum of high − low watermarks).</param>
/// <param name="High">Sum of the partitions' high watermarks: records ever appended.</param>
/// <param name="InPerSecond">Records appended per second since the last reading.</param>
/// <param name="OutPerSecond">Records the watched group committed per second since the last reading.</param>
/// <param name="Lag">Records the watched group has yet to read.</param>
/// <param name="Bytes">Bytes stored, when the broker reports them.</param>
public sealed record MonitorTick(double Seconds, long Records, long High, double InPerSecond, double OutPerSecond, long Lag, long? Bytes);
