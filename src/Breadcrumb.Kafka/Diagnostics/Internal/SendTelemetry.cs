using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Diagnostics;

/// <summary>
/// One send being observed: its activity (ended at the delivery report), its start time, and the delivery handler it
/// wraps. Created only while something listens, so an unobserved send allocates nothing here.
/// </summary>
internal sealed class SendTelemetry
{
    private readonly string topic;
    private readonly Action<DeliveryReport<byte[], byte[]>> inner;
    private readonly Activity? activity;
    private readonly long startedAt;

    private SendTelemetry(string topic, Action<DeliveryReport<byte[], byte[]>> inner, Activity? activity)
    {
        this.topic = topic;
        this.inner = inner;
        this.activity = activity;
        startedAt = Stopwatch.GetTimestamp();
        Handler = OnDelivery;
    }

    /// <summary>Gets the handler to give the client in place of the wrapped one.</summary>
    public Action<DeliveryReport<byte[], byte[]>> Handler { get; }

    /// <summary>
    /// Starts observing one send when anything listens: starts the send activity, writes its <c>traceparent</c> into
    /// <paramref name="message"/>'s headers and returns a handler that records the outcome; otherwise returns
    /// <paramref name="handler"/> unchanged.
    /// </summary>
    public static Action<DeliveryReport<byte[], byte[]>> Wrap(
        string topic, string clientId, string? key, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        if (!KafkaTelemetry.ProducerEnabled)
        {
            return handler;
        }

        var previous = Activity.Current;
        var activity = KafkaTelemetry.Source.HasListeners()
            ? KafkaTelemetry.Source.StartActivity("send " + topic, ActivityKind.Producer)
            : null;
        if (activity is not null)
        {
            activity.SetTag(BreadcrumbDiagnostics.SystemTag, KafkaTelemetry.Kafka);
            activity.SetTag(BreadcrumbDiagnostics.OperationNameTag, "send");
            activity.SetTag(BreadcrumbDiagnostics.OperationTypeTag, "send");
            activity.SetTag(BreadcrumbDiagnostics.DestinationNameTag, topic);
            activity.SetTag(BreadcrumbDiagnostics.ClientIdTag, clientId);
            if (key is not null)
            {
                activity.SetTag(BreadcrumbDiagnostics.MessageKeyTag, key);
            }

            // A copy: the caller's headers are theirs, and may be sent again.
            var headers = new Headers();
            foreach (var header in message.Headers ?? [])
            {
                headers.Add(header);
            }

            headers.Add(new Header(BreadcrumbDiagnostics.TraceParentHeader, Encoding.ASCII.GetBytes(activity.Id!)));
            message.Headers = headers;

            // The send goes on after this call returns (until its delivery report): do not leave it as the caller's current activity.
            Activity.Current = previous;
        }

        return new SendTelemetry(topic, handler, activity).Handler;
    }

    private void OnDelivery(DeliveryReport<byte[], byte[]> report)
    {
        try
        {
            var partition = KafkaTelemetry.PartitionId(report.Partition.Value);
            var failed = report.Error is { IsError: true };
            var tags = new TagList
            {
                { BreadcrumbDiagnostics.SystemTag, KafkaTelemetry.Kafka },
                { BreadcrumbDiagnostics.OperationNameTag, "send" },
                { BreadcrumbDiagnostics.OperationTypeTag, "send" },
                { BreadcrumbDiagnostics.DestinationNameTag, topic },
                { BreadcrumbDiagnostics.PartitionIdTag, partition },
            };
            if (failed)
            {
                tags.Add(BreadcrumbDiagnostics.ErrorTypeTag, report.Error.Code.ToString());
            }

            KafkaTelemetry.Sent.Add(1, tags);
            KafkaTelemetry.Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
            if (activity is not null)
            {
                activity.SetTag(BreadcrumbDiagnostics.PartitionIdTag, partition);
                if (failed)
                {
                    activity.SetTag(BreadcrumbDiagnostics.ErrorTypeTag, report.Error.Code.ToString());
                    activity.SetStatus(ActivityStatusCode.Error, report.Error.Reason);
                }
                else
                {
                    activity.SetTag(BreadcrumbDiagnostics.OffsetTag, report.Offset.Value);
                }

                activity.Stop();
            }
        }
        finally
        {
            inner(report);
        }
    }
}
