using Breadcrumb.Kafka.IntegrationTests.Reliability.Support;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>Issue 9: a consumer that stops mid-stream and a new one in the same group together process every record.</summary>
public sealed class ConsumerRestartTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private const int Partitions = 6;
    private const int Count = 3_000;

    [Theory(Timeout = 60_000)]
    [InlineData(1_000)]
    [InlineData(10)]
    public async Task ReadAll_StoppedMidStreamThenRestartedInSameGroup_EveryRecordProcessedAtLeastOnce(int processedBeforeStop)
    {
        var topic = fixture.CreateTopic(Partitions, "restart");
        await ProduceAsync(topic);
        var group = $"restart-{Guid.NewGuid():N}";
        var processed = new List<long>();

        var first = new KeyFilteredConsumer(fixture.Connection, Options(topic, group, stopAtEnd: false));
        await using (first)
        {
            await foreach (var record in first.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                // The record is handled only when the loop comes back for the next one: stopping here leaves it unprocessed.
                if (processed.Count == processedBeforeStop)
                {
                    break;
                }

                processed.Add(Ids.Of(record.Value.Span));
            }
        }

        var second = new KeyFilteredConsumer(fixture.Connection, Options(topic, group, stopAtEnd: true));
        await using (second)
        {
            await foreach (var record in second.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                processed.Add(Ids.Of(record.Value.Span));
            }
        }

        var missing = Enumerable.Range(0, Count).Select(i => (long)i).Except(processed).ToList();
        missing.Should().BeEmpty(
            "a record the first consumer read ahead but never handed over must be read again by the next member of the group "
            + $"({missing.Count} of {Count} never processed; second consumer: {second.Summary})");
        (processed.Count - processed.Distinct().Count()).Should().BeLessThanOrEqualTo(
            Partitions, "the first consumer commits what it handed over, so the second re-reads at most the record it was holding");
    }

    private static KeyFilteredConsumerOptions Options(string topic, string group, bool stopAtEnd) => LabPreset.Apply(new KeyFilteredConsumerOptions()
    {
        Topic = topic,
        GroupId = group,
        StopAtEndOfPartitions = stopAtEnd,
        IdleTimeout = TimeSpan.FromSeconds(20),
        ConfigureConsumer = c => c.FetchWaitMaxMs = 50,
    });

    private async Task ProduceAsync(string topic)
    {
        await using var producer = new BreadcrumbProducer(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = topic,
            KeyStrategy = KeyStrategy.Custom(c => c.Record.EventNoStop),
        }));
        var summary = await producer.ProduceAllAsync(Ids.Records(0, Count), TestContext.Current.CancellationToken);
        summary.Delivered.Should().Be(Count);
    }
}
