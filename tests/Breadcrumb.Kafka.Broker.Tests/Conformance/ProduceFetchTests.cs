using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Produce and Fetch with Confluent.Kafka (librdkafka): what goes in comes out, in order, with its offsets.</summary>
public sealed class ProduceFetchTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task ProduceAsync_ThenAssignedConsumer_ReadsEveryRecordInOrder()
    {
        var topic = fixture.CreateTopic();
        using (var producer = new ProducerBuilder<string, string>(fixture.ProducerConfig()).Build())
        {
            for (var i = 0; i < 100; i++)
            {
                var report = await producer.ProduceAsync(topic, new Message<string, string> { Key = $"k{i}", Value = $"v{i}" }, TestContext.Current.CancellationToken);
                report.Offset.Value.Should().Be(i);
            }
        }

        using var consumer = new ConsumerBuilder<string, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var values = new List<string>();
        while (values.Count < 100)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"only {values.Count} of 100 records arrived");
            result.Offset.Value.Should().Be(values.Count);
            values.Add(result.Message.Value);
        }

        values.Should().Equal(Enumerable.Range(0, 100).Select(i => $"v{i}"));
    }
}
