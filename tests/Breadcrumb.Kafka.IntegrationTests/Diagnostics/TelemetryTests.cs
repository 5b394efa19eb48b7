using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Diagnostics;

public sealed class TelemetryTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private ActivityTraceId traceId;

    private static KeyFilteredConsumerOptions ConsumerOptions(string topic) => LabPreset.Apply(new KeyFilteredConsumerOptions()
    {
        Topic = topic,
        GroupId = $"g-{Guid.NewGuid():N}",
        StopAtEndOfPartitions = true,
        IdleTimeout = TimeSpan.FromSeconds(20),
    });

    [Fact(Timeout = 90_000)]
    public async Task MeterListener_ThousandRecordRun_SeesExactlyThousandSentAndThousandConsumed()
    {
        var topic = fixture.CreateTopic(6);
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BreadcrumbDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) =>
        {
            if (i.Name != BreadcrumbDiagnostics.ConsumerLag && OnTopic(tags, topic))
            {
                totals.AddOrUpdate(i.Name, value, (_, v) => v + value);
            }
        });
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) =>
        {
            if (OnTopic(tags, topic))
            {
                totals.AddOrUpdate(i.Name + "/" + Operation(tags), 1, (_, v) => v + 1);
            }
        });
        listener.Start();

        await using (var producer = new BreadcrumbProducer(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions() { Topic = topic, KeyStrategy = KeyStrategy.Random1To5(3) })))
        {
            (await producer.ProduceAllAsync(BreadcrumbFile.Generate(1000, 5), TestContext.Current.CancellationToken)).Delivered.Should().Be(1000);
        }

        await using var consumer = new KeyFilteredConsumer(fixture.Connection, ConsumerOptions(topic));
        (await consumer.RunAsync(TestContext.Current.CancellationToken)).Total.Should().Be(1000);

        totals.GetValueOrDefault(BreadcrumbDiagnostics.SentMessages).Should().Be(1000);
        totals.GetValueOrDefault(BreadcrumbDiagnostics.ConsumedMessages).Should().Be(1000);
        totals.GetValueOrDefault(BreadcrumbDiagnostics.OperationDuration + "/send").Should().Be(1000);
        totals.GetValueOrDefault(BreadcrumbDiagnostics.OperationDuration + "/poll").Should().Be(1000);
    }

    [Fact(Timeout = 90_000)]
    public async Task ActivityListener_ConsumedRecord_HasItsSendActivityAsParent()
    {
        var topic = fixture.CreateTopic(3);
        using var root = new ActivitySource("TelemetryTests." + Guid.NewGuid().ToString("N"));
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == root.Name || s.Name == BreadcrumbDiagnostics.ActivitySourceName,

            // Only this test's trace: records of tests running in parallel stay untraced (no header written).
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
                o.Source.Name == root.Name || (o.Parent.TraceId != default && o.Parent.TraceId == traceId)
                    ? ActivitySamplingResult.AllDataAndRecorded
                    : ActivitySamplingResult.None,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem(BreadcrumbDiagnostics.DestinationNameTag), topic))
                {
                    stopped.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using (var trace = root.StartActivity("produce"))
        {
            traceId = trace!.TraceId;
            await using var producer = new BreadcrumbProducer(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions() { Topic = topic, KeyStrategy = KeyStrategy.Random1To5(9) }));
            foreach (var record in BreadcrumbFile.Generate(20, 1))
            {
                (await producer.SendAsync(record, TestContext.Current.CancellationToken)).Error.Should().BeNull();
            }
        }

        await using var consumer = new KeyFilteredConsumer(fixture.Connection, ConsumerOptions(topic));
        (await consumer.RunAsync(TestContext.Current.CancellationToken)).Total.Should().Be(20);

        var sends = stopped.Where(a => a.Kind == ActivityKind.Producer).ToDictionary(Position);
        var receives = stopped.Where(a => a.Kind == ActivityKind.Consumer).ToList();
        sends.Should().HaveCount(20);
        receives.Should().HaveCount(20);
        foreach (var receive in receives)
        {
            var send = sends[Position(receive)];
            receive.TraceId.Should().Be(send.TraceId);
            receive.ParentSpanId.Should().Be(send.SpanId);
            receive.GetTagItem(BreadcrumbDiagnostics.MessageKeyTag).Should().Be(send.GetTagItem(BreadcrumbDiagnostics.MessageKeyTag));
        }
    }

    private static (object?, object?) Position(Activity a) =>
        (a.GetTagItem(BreadcrumbDiagnostics.PartitionIdTag), a.GetTagItem(BreadcrumbDiagnostics.OffsetTag));

    private static bool OnTopic(ReadOnlySpan<KeyValuePair<string, object?>> tags, string topic)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == BreadcrumbDiagnostics.DestinationNameTag)
            {
                return Equals(tag.Value, topic);
            }
        }

        return false;
    }

    private static object? Operation(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == BreadcrumbDiagnostics.OperationNameTag)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
