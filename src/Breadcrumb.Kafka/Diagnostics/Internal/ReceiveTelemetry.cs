using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Diagnostics;

/// <summary>Records one consumed record's figures and receive activity; called only while something listens.</summary>
internal static class ReceiveTelemetry
{
    /// <summary>Returns a start timestamp for a poll when anything listens, else 0 (no clock read).</summary>
    public static long PollStarted() => KafkaTelemetry.ConsumerEnabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records a received record: counter, poll duration, lag, and a receive activity parented by its send.</summary>
    public static void OnReceived<TKey>(IConsumer<TKey, byte[]> consumer, ConsumeResult<TKey, byte[]> result, string clientId, string? groupId, long pollStarted)
    {
        if (pollStarted == 0 || !KafkaTelemetry.ConsumerEnabled)
        {
            return;
        }

        var partition = KafkaTelemetry.PartitionId(result.Partition.Value);
        var tags = new TagList
        {
            { BreadcrumbDiagnostics.SystemTag, KafkaTelemetry.Kafka },
            { BreadcrumbDiagnostics.OperationNameTag, "poll" },
            { BreadcrumbDiagnostics.OperationTypeTag, "receive" },
            { BreadcrumbDiagnostics.DestinationNameTag, result.Topic },
            { BreadcrumbDiagnostics.PartitionIdTag, partition },
        };
        if (groupId is not null)
        {
            tags.Add(BreadcrumbDiagnostics.ConsumerGroupTag, groupId);
        }

        KafkaTelemetry.Consumed.Add(1, tags);
        KafkaTelemetry.Duration.Record(Stopwatch.GetElapsedTime(pollStarted).TotalSeconds, tags);
        if (KafkaTelemetry.Lag.Enabled)
        {
            // The client caches the high watermark from each fetch: no broker round trip.
            var high = consumer.GetWatermarkOffsets(result.TopicPartition).High;
            if (high != Offset.Unset)
            {
                KafkaTelemetry.Lag.Record(Math.Max(0, high.Value - result.Offset.Value - 1), tags);
            }
        }

        if (KafkaTelemetry.Source.HasListeners())
        {
            StartReceive(result, clientId, groupId, partition)?.Stop();
        }
    }

    private static Activity? StartReceive<TKey>(ConsumeResult<TKey, byte[]> result, string clientId, string? groupId, string partition)
    {
        ActivityContext parent = default;
        if (result.Message.Headers is { } headers && headers.TryGetLastBytes(BreadcrumbDiagnostics.TraceParentHeader, out var bytes))
        {
            ActivityContext.TryParse(Encoding.ASCII.GetString(bytes), null, isRemote: true, out parent);
        }

        var activity = KafkaTelemetry.Source.StartActivity("poll " + result.Topic, ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(BreadcrumbDiagnostics.SystemTag, KafkaTelemetry.Kafka);
        activity.SetTag(BreadcrumbDiagnostics.OperationNameTag, "poll");
        activity.SetTag(BreadcrumbDiagnostics.OperationTypeTag, "receive");
        activity.SetTag(BreadcrumbDiagnostics.DestinationNameTag, result.Topic);
        activity.SetTag(BreadcrumbDiagnostics.PartitionIdTag, partition);
        activity.SetTag(BreadcrumbDiagnostics.OffsetTag, result.Offset.Value);
        activity.SetTag(BreadcrumbDiagnostics.ClientIdTag, clientId);
        if (groupId is not null)
        {
            activity.SetTag(BreadcrumbDiagnostics.ConsumerGroupTag, groupId);
        }

        if (result.Message.Key is { } key)
        {
            activity.SetTag(BreadcrumbDiagnostics.MessageKeyTag, key.ToString());
        }

        return activity;
    }
}
