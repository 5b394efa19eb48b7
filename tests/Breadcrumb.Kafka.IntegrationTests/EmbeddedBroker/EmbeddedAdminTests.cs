using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker;

/// <summary>Confluent's AdminClient runs unchanged on the embedded broker.</summary>
public sealed class EmbeddedAdminTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 60_000)]
    public async Task CreateTopicsAsync_SixPartitions_MetadataReportsSix()
    {
        using var admin = CreateSut();
        var topic = $"admin-{Guid.NewGuid():N}";

        await admin.CreateTopicsAsync(
            [new TopicSpecification { Name = topic, NumPartitions = 6, ReplicationFactor = 1 }],
            new CreateTopicsOptions { RequestTimeout = Timeout });

        var stats = await fixture.Cluster.GetPartitionStatsAsync(topic, TestContext.Current.CancellationToken);
        stats.Should().HaveCount(6);
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateTopicsAsync_ExistingTopic_FailsWithTopicAlreadyExists()
    {
        using var admin = CreateSut();
        var topic = fixture.CreateTopic(partitions: 2);

        var act = () => admin.CreateTopicsAsync(
            [new TopicSpecification { Name = topic, NumPartitions = 3, ReplicationFactor = 1 }],
            new CreateTopicsOptions { RequestTimeout = Timeout });

        (await act.Should().ThrowAsync<CreateTopicsException>())
            .Which.Results.Single().Error.Code.Should().Be(ErrorCode.TopicAlreadyExists);
    }

    [Fact(Timeout = 60_000)]
    public async Task DeleteTopicsAsync_ExistingTopic_IsGone()
    {
        using var admin = CreateSut();
        var topic = fixture.CreateTopic(partitions: 2);

        await admin.DeleteTopicsAsync([topic], new DeleteTopicsOptions { RequestTimeout = Timeout });

        var metadata = await Task.Run(() => admin.GetMetadata(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        metadata.Topics.Select(t => t.Topic).Should().NotContain(topic);
    }

    [Fact(Timeout = 60_000)]
    public async Task DeleteRecordsAsync_MovesLowWatermark_AndTheGuardKnows()
    {
        using var admin = CreateSut();
        var topic = fixture.CreateTopic(partitions: 1);
        using (var producer = new ProducerBuilder<Null, string>(fixture.Connection.CreateProducerConfig()).Build())
        {
            for (var i = 0; i < 10; i++)
            {
                await producer.ProduceAsync(topic, new Message<Null, string> { Value = $"v{i}" }, TestContext.Current.CancellationToken);
            }
        }

        var results = await admin.DeleteRecordsAsync(
            [new TopicPartitionOffset(topic, 0, 6)], new DeleteRecordsOptions { RequestTimeout = Timeout });

        results.Single().Offset.Value.Should().Be(6);
        (await fixture.Cluster.GetPartitionStatsAsync(topic, TestContext.Current.CancellationToken)).Single().LowWatermark.Should().Be(6);
    }

    [Fact(Timeout = 60_000)]
    public async Task DescribeConfigsAsync_Topic_AnswersInsteadOfHanging()
    {
        using var admin = CreateSut();
        var topic = fixture.CreateTopic(partitions: 1);

        var results = await admin.DescribeConfigsAsync(
            [new ConfigResource { Type = ResourceType.Topic, Name = topic }], new DescribeConfigsOptions { RequestTimeout = Timeout });

        results.Single().ConfigResource.Name.Should().Be(topic);
    }

    private IAdminClient CreateSut() => new AdminClientBuilder(fixture.Connection.CreateAdminConfig()).Build();
}
