using System.Globalization;
using Breadcrumb.Kafka.IntegrationTests.Reliability.Support;
using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>Issue 9: a broker of three taken down mid-run and brought back costs no record and duplicates none.</summary>
public sealed class BrokerDownTests(ThreeBrokerKafkaFixture fixture) : IClassFixture<ThreeBrokerKafkaFixture>
{
    private const int Partitions = 6;
    private const int DownBroker = 2;

    [Fact(Timeout = 90_000)]
    public async Task Produce_LeaderDownMidRunThenUp_NoLossNoDuplicates()
    {
        var topic = fixture.CreateTopic(Partitions, "broker-down");
        var onDownBroker = await PartitionsLedByAsync(topic, DownBroker);
        onDownBroker.Should().NotBeEmpty("the broker spreads partition leaders over its brokers");

        await using (var sut = CreateSut(topic))
        {
            await sut.ProduceAllAsync(Ids.Records(0, 1_000), TestContext.Current.CancellationToken);
            await fixture.Cluster.SetBrokerDownAsync(DownBroker);
            try
            {
                foreach (var record in Ids.Records(1_000, 1_000))
                {
                    sut.Send(record);
                }

                // Records for the live brokers' partitions get through; those for the down broker's must wait.
                var held = Ids.Records(1_000, 1_000).Count(r => onDownBroker.Contains(PartitionOf(r.EventNoStop)));
                await WaitUntilAsync(() => sut.GetSummary().Delivered == 2_000 - held, () => $"live partitions delivered; {sut.GetSummary()}");
                sut.GetSummary().Pending.Should().Be(held, "records for the down broker's partitions wait, they are not failed");
            }
            finally
            {
                fixture.Cluster.SetBrokerUp(DownBroker);
            }

            foreach (var record in Ids.Records(2_000, 1_000))
            {
                sut.Send(record);
            }

            await sut.FlushAsync(TestContext.Current.CancellationToken);
            var summary = sut.GetSummary();
            summary.Should().Match<ProduceRunSummary>(s => s.Sent == 3_000 && s.Delivered == 3_000 && s.Failed == 0, summary.ToString());
        }

        var audit = DeliveryAudit.Of([.. Enumerable.Range(0, 3_000).Select(i => (long)i)], await TopicReader.ReadAllAsync(fixture.Connection, topic, Partitions));
        audit.ExactlyOnceInOrder.Should().BeTrue(audit.ToString());
    }

    private static int PartitionOf(string? key) => int.Parse(key!, CultureInfo.InvariantCulture) % Partitions;

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 30 s for: {what()}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private async Task<HashSet<int>> PartitionsLedByAsync(string topic, int broker)
    {
        using var admin = new AdminClientBuilder(fixture.Connection.CreateAdminConfig()).Build();
        var metadata = await Task.Run(() => admin.GetMetadata(topic, TimeSpan.FromSeconds(10)));
        return [.. metadata.Topics.Single().Partitions.Where(p => p.Leader == broker).Select(p => p.PartitionId)];
    }

    private BreadcrumbProducer CreateSut(string topic) => new(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions
    {
        Topic = topic,
        KeyStrategy = KeyStrategy.Custom(c => c.Record.EventNoStop),
        Partition = ExplicitPartition.Custom(PartitionOf),
        ConfigureClient = c =>
        {
            c.RetryBackoffMs = 20;
            c.RetryBackoffMaxMs = 200;
            c.ReconnectBackoffMs = 20;
            c.ReconnectBackoffMaxMs = 200;
        },
    }));
}
