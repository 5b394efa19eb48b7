namespace Breadcrumb.Kafka.Diagnostics;

/// <summary>
/// Names the <see cref="System.Diagnostics.Metrics.Meter"/>, <see cref="System.Diagnostics.ActivitySource"/>, instruments
/// and attributes through which <c>BreadcrumbProducer</c> and <c>KeyFilteredConsumer</c> report, following
/// OpenTelemetry's semantic conventions for messaging (Kafka).
/// </summary>
/// <remarks>
/// <para>Subscribe with OpenTelemetry (<c>AddMeter(BreadcrumbDiagnostics.MeterName)</c>,
/// <c>AddSource(BreadcrumbDiagnostics.ActivitySourceName)</c>) or with a <c>MeterListener</c> / <c>ActivityListener</c>.
/// When nothing listens, sending and consuming pay one flag check per record and allocate nothing extra.</para>
/// <para>The producer writes a W3C <c>traceparent</c> header on each record it sends while a trace listener samples
/// the send; the consumer reads it so that the record's receive activity is a child of its send activity.</para>
/// </remarks>
public static class BreadcrumbDiagnostics
{
    /// <summary>The name of the library's meter and activity source.</summary>
    public const string MeterName = "Breadcrumb.Kafka";

    /// <summary>The name of the library's activity source (the same as <see cref="MeterName"/>).</summary>
    public const string ActivitySourceName = "Breadcrumb.Kafka";

    /// <summary>The record header carrying the W3C trace context of the send.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>The counter of records the producer attempted to send (counted at their delivery report), in <c>{message}</c>.</summary>
    public const string SentMessages = "messaging.client.sent.messages";

    /// <summary>The counter of records the consumer received, in <c>{message}</c>.</summary>
    public const string ConsumedMessages = "messaging.client.consumed.messages";

    /// <summary>The histogram of operation durations in seconds: send (hand-off to delivery report) and poll.</summary>
    public const string OperationDuration = "messaging.client.operation.duration";

    /// <summary>The gauge of consumer lag per partition (high watermark minus next offset), in <c>{message}</c>.</summary>
    /// <remarks>Not (yet) part of the stable conventions; named as OpenTelemetry's Kafka consumer lag metric.</remarks>
    public const string ConsumerLag = "messaging.kafka.consumer.lag";

    /// <summary>The <c>messaging.system</c> attribute; its value is always <c>kafka</c>.</summary>
    public const string SystemTag = "messaging.system";

    /// <summary>The <c>messaging.operation.name</c> attribute: <c>send</c> or <c>poll</c>.</summary>
    public const string OperationNameTag = "messaging.operation.name";

    /// <summary>The <c>messaging.operation.type</c> attribute: <c>send</c> or <c>receive</c>.</summary>
    public const string OperationTypeTag = "messaging.operation.type";

    /// <summary>The <c>messaging.destination.name</c> attribute: the topic.</summary>
    public const string DestinationNameTag = "messaging.destination.name";

    /// <summary>The <c>messaging.destination.partition.id</c> attribute: the partition number as a string.</summary>
    public const string PartitionIdTag = "messaging.destination.partition.id";

    /// <summary>The <c>messaging.consumer.group.name</c> attribute on consumer figures.</summary>
    public const string ConsumerGroupTag = "messaging.consumer.group.name";

    /// <summary>The <c>messaging.kafka.offset</c> attribute on activities.</summary>
    public const string OffsetTag = "messaging.kafka.offset";

    /// <summary>The <c>messaging.kafka.message.key</c> attribute on activities (only when the record has a key).</summary>
    public const string MessageKeyTag = "messaging.kafka.message.key";

    /// <summary>The <c>messaging.client.id</c> attribute on activities: the producer's or consumer's name.</summary>
    public const string ClientIdTag = "messaging.client.id";

    /// <summary>The <c>error.type</c> attribute on a failed send: the Kafka error code's name.</summary>
    public const string ErrorTypeTag = "error.type";
}
