using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Breadcrumb.Kafka.Diagnostics;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Diagnostics;

[CollectionDefinition(nameof(SendTelemetryTests), DisableParallelization = true)]
public sealed class TelemetryListenersRunAlone;

// Listeners are process-wide: this class runs alone so no other test listens (or is observed) meanwhile.
[Collection(nameof(SendTelemetryTests))]
public sealed class SendTelemetryTests
{
    private static DeliveryReport<byte[], byte[]> Report(string topic, int partition, long offset, ErrorCode code = ErrorCode.NoError) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(topic, partition, offset),
        Error = new Error(code),
        Message = new Message<byte[], byte[]>(),
    };

    [Fact]
    public void Names_FollowOpenTelemetryMessagingConventions()
    {
        BreadcrumbDiagnostics.MeterName.Should().Be("Breadcrumb.Kafka");
        BreadcrumbDiagnostics.ActivitySourceName.Should().Be("Breadcrumb.Kafka");
        KafkaTelemetry.Sent.Name.Should().Be("messaging.client.sent.messages");
        KafkaTelemetry.Sent.Unit.Should().Be("{message}");
        KafkaTelemetry.Consumed.Name.Should().Be("messaging.client.consumed.messages");
        KafkaTelemetry.Duration.Name.Should().Be("messaging.client.operation.duration");
        KafkaTelemetry.Duration.Unit.Should().Be("s");
        KafkaTelemetry.Lag.Name.Should().Be("messaging.kafka.consumer.lag");
        KafkaTelemetry.Sent.Meter.Name.Should().Be(BreadcrumbDiagnostics.MeterName);
        KafkaTelemetry.Source.Name.Should().Be(BreadcrumbDiagnostics.ActivitySourceName);
    }

    [Fact]
    public void Wrap_NothingListens_ReturnsTheSameHandlerAndLeavesHeadersEmpty()
    {
        var topic = $"t-{Guid.NewGuid():N}";
        Action<DeliveryReport<byte[], byte[]>> handler = _ => { };
        var message = new Message<byte[], byte[]> { Headers = [] };

        // This collection runs alone and each test disposes its listeners.
        KafkaTelemetry.ProducerEnabled.Should().BeFalse();

        var sut = SendTelemetry.Wrap(topic, "p", "1", message, handler);

        sut.Should().BeSameAs(handler);
        message.Headers.Should().BeEmpty();
    }

    [Fact]
    public void Wrap_MeterListening_CountsDeliveryWithConventionTagsAndCallsInnerHandler()
    {
        var topic = $"t-{Guid.NewGuid():N}";
        var seen = new ConcurrentQueue<(string Instrument, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BreadcrumbDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Collect(i, tags));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Collect(i, tags));
        listener.Start();
        var inner = 0;

        var sut = SendTelemetry.Wrap(topic, "p", "3", new Message<byte[], byte[]> { Headers = [] }, _ => inner++);
        sut(Report(topic, 2, 41));
        sut = SendTelemetry.Wrap(topic, "p", "3", new Message<byte[], byte[]> { Headers = [] }, _ => inner++);
        sut(Report(topic, 2, -1, ErrorCode.Local_MsgTimedOut));

        inner.Should().Be(2);
        var sent = seen.Where(s => s.Instrument == BreadcrumbDiagnostics.SentMessages).ToList();
        sent.Should().HaveCount(2);
        sent[0].Tags.Should().Contain(new Dictionary<string, object?>
        {
            ["messaging.system"] = "kafka",
            ["messaging.operation.name"] = "send",
            ["messaging.operation.type"] = "send",
            ["messaging.destination.name"] = topic,
            ["messaging.destination.partition.id"] = "2",
        });
        sent[0].Tags.Should().NotContainKey("error.type");
        sent[1].Tags["error.type"].Should().Be("Local_MsgTimedOut");
        seen.Count(s => s.Instrument == BreadcrumbDiagnostics.OperationDuration).Should().Be(2);

        void Collect(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var dictionary = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                dictionary[tag.Key] = tag.Value;
            }

            if (Equals(dictionary.GetValueOrDefault("messaging.destination.name"), topic))
            {
                seen.Enqueue((instrument.Name, dictionary));
            }
        }
    }

    [Fact]
    public void Wrap_TraceListening_WritesTraceparentOfTheSendActivityAndStopsItAtDelivery()
    {
        using var root = new ActivitySource("SendTelemetryTests." + Guid.NewGuid().ToString("N"));
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == root.Name || s.Name == BreadcrumbDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
                o.Source.Name == root.Name || o.Parent.TraceId != default ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var test = root.StartActivity("test")!;
        var message = new Message<byte[], byte[]> { Headers = [] };

        var sut = SendTelemetry.Wrap("orders", "p", "5", message, _ => { });

        Activity.Current.Should().BeSameAs(test);
        message.Headers.Should().ContainSingle(h => h.Key == "traceparent");
        var traceparent = System.Text.Encoding.ASCII.GetString(message.Headers.GetLastBytes("traceparent"));
        traceparent.Should().StartWith($"00-{test.TraceId}-");
        sut(Report("orders", 1, 7));
        var send = stopped.Should().ContainSingle(a => a.Source.Name == BreadcrumbDiagnostics.ActivitySourceName).Subject;
        send.Id.Should().Be(traceparent);
        send.Kind.Should().Be(ActivityKind.Producer);
        send.DisplayName.Should().Be("send orders");
        send.ParentSpanId.Should().Be(test.SpanId);
        send.GetTagItem("messaging.kafka.offset").Should().Be(7L);
        send.GetTagItem("messaging.kafka.message.key").Should().Be("5");
        send.GetTagItem("messaging.destination.partition.id").Should().Be("1");
    }
}
