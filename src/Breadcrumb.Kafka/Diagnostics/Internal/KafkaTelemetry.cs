using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Breadcrumb.Kafka.Diagnostics;

/// <summary>The library's meter, activity source and instruments; one set per process.</summary>
internal static class KafkaTelemetry
{
    public const string Kafka = "kafka";

    private static readonly string? Version = typeof(KafkaTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private static readonly string[] PartitionIds = Enumerable.Range(0, 128).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public static readonly ActivitySource Source = new(BreadcrumbDiagnostics.ActivitySourceName, Version);

    public static readonly Meter Meter = new(BreadcrumbDiagnostics.MeterName, Version);

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        BreadcrumbDiagnostics.SentMessages, "{message}", "Number of records the producer attempted to send, counted at their delivery report.");

    public static readonly Counter<long> Consumed = Meter.CreateCounter<long>(
        BreadcrumbDiagnostics.ConsumedMessages, "{message}", "Number of records the consumer received.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        BreadcrumbDiagnostics.OperationDuration,
        "s",
        "Duration of a send (hand-off to delivery report) or of a poll that returned a record.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    public static readonly Gauge<long> Lag = Meter.CreateGauge<long>(
        BreadcrumbDiagnostics.ConsumerLag, "{message}", "Records between the consumer's position and the partition's high watermark.");

    /// <summary>Gets a value indicating whether anything listens to the producer's figures.</summary>
    public static bool ProducerEnabled => Sent.Enabled || Duration.Enabled || Source.HasListeners();

    /// <summary>Gets a value indicating whether anything listens to the consumer's figures.</summary>
    public static bool ConsumerEnabled => Consumed.Enabled || Duration.Enabled || Lag.Enabled || Source.HasListeners();

    public static string PartitionId(int partition) =>
        (uint)partition < (uint)PartitionIds.Length ? PartitionIds[partition] : partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
