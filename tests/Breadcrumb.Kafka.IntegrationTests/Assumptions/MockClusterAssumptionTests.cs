using Breadcrumb.Kafka.IntegrationTests.Fidelity;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using static Breadcrumb.Kafka.IntegrationTests.Fidelity.TxnClients;

namespace Breadcrumb.Kafka.IntegrationTests.Assumptions;

/// <summary>
/// Pins the librdkafka mock-cluster behaviours the embedded broker works around (librdkafka 2.16). When one of these
/// fails after an upgrade, the message names the assumption that broke: revisit the workaround it justifies.
/// </summary>
public sealed class MockClusterAssumptionTests(RawMockKafkaFixture fixture) : IClassFixture<RawMockKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task AutoCreatedTopic_HasFourPartitions()
    {
        var topic = $"auto-{Guid.NewGuid():N}";
        using (var producer = new ProducerBuilder<Null, string>(fixture.Connection.CreateProducerConfig()).Build())
        {
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = "x" }, TestContext.Current.CancellationToken);
        }

        var stats = await fixture.Cluster.GetPartitionStatsAsync(topic, TestContext.Current.CancellationToken);

        stats.Should().HaveCount(4, "ASSUMPTION BROKE: the mock auto-creates topics with 4 partitions (EmbeddedKafkaDefaults.AutoCreatedPartitions)");
    }

    [Fact(Timeout = 60_000)]
    public async Task RawMock_ReadCommitted_StillSeesAbortedRecords()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        using (var producer = Producer(fixture.Connection))
        {
            await TransactionAsync(producer, [topic], "aborted", count: 3, commit: false);
        }

        var seen = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadCommitted, (topic, 1));

        seen.Should().HaveCount(3, "ASSUMPTION BROKE: the raw mock ignores read_committed (LSO = high watermark, no aborted list); " +
            "if it now honours it, the fidelity layer's Fetch rewrite may be redundant");
    }

    [Fact(Timeout = 60_000)]
    public async Task RawMock_AdminCreateTopics_DoesNotSucceed()
    {
        var config = fixture.Connection.CreateAdminConfig();
        using var admin = new AdminClientBuilder(config).Build();
        var topic = $"admin-{Guid.NewGuid():N}";

        var act = () => admin.CreateTopicsAsync(
            [new TopicSpecification { Name = topic, NumPartitions = 6, ReplicationFactor = 1 }],
            new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(2), OperationTimeout = TimeSpan.FromSeconds(2) });

        await act.Should().ThrowAsync<KafkaException>(
            "ASSUMPTION BROKE: the mock cannot create topics through the admin API (it waits for a controller); " +
            "if it now can, EmbeddedKafkaCluster.CreateTopic's use of the mock API is optional");
    }

    [Fact(Timeout = 60_000)]
    public async Task RawMock_PastFiveMiB_SilentlyDropsTheOldest()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        var config = fixture.Connection.CreateProducerConfig();
        config.BatchSize = 1_000_000;
        using (var producer = new ProducerBuilder<Null, byte[]>(config).Build())
        {
            var value = new byte[900_000];
            for (var i = 0; i < 7; i++)
            {
                await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = value }, TestContext.Current.CancellationToken);
            }
        }

        var stats = (await fixture.Cluster.GetPartitionStatsAsync(topic, TestContext.Current.CancellationToken)).Single();
        var check = () => fixture.Cluster.AssertNothingDroppedAsync(topic, TestContext.Current.CancellationToken);

        stats.HighWatermark.Should().Be(7, "every produce was acknowledged");
        stats.LowWatermark.Should().BeGreaterThan(0,
            "ASSUMPTION BROKE: the mock keeps at most 5 MiB per partition and drops the oldest (EmbeddedKafkaDefaults.RetainedBytesPerPartition)");
        await check.Should().ThrowAsync<InvalidOperationException>().WithMessage("Embedded Kafka silently dropped records of*keeps at most 5,242,880 bytes*");
    }
}
