using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>AlterConfigs and IncrementalAlterConfigs: checked first, all or nothing, and a change takes effect at once.</summary>
public sealed class AlterConfigsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task IncrementalAlterConfigsAsync_SetThenDelete_ChangesAndRestoresTheDefault()
    {
        var topic = fixture.CreateTopic();
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        var resource = new ConfigResource { Type = ResourceType.Topic, Name = topic };

        await admin.IncrementalAlterConfigsAsync(new() { [resource] = [new ConfigEntry { Name = "retention.bytes", Value = "5000", IncrementalOperation = AlterConfigOpType.Set }] });
        var set = await DescribeAsync(admin, topic, "retention.bytes");
        await admin.IncrementalAlterConfigsAsync(new() { [resource] = [new ConfigEntry { Name = "retention.bytes", IncrementalOperation = AlterConfigOpType.Delete }] });
        var deleted = await DescribeAsync(admin, topic, "retention.bytes");

        (set.Value, set.Source).Should().Be(("5000", ConfigSource.DynamicTopicConfig));
        (deleted.Value, deleted.Source).Should().Be(("-1", ConfigSource.DefaultConfig));
    }

    [Fact(Timeout = 30_000)]
    public async Task IncrementalAlterConfigsAsync_OneBadValue_IsInvalidConfigAndChangesNothing()
    {
        var topic = fixture.CreateTopic();
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        var resource = new ConfigResource { Type = ResourceType.Topic, Name = topic };

        var alter = () => admin.IncrementalAlterConfigsAsync(new()
        {
            [resource] =
            [
                new ConfigEntry { Name = "retention.ms", Value = "1000", IncrementalOperation = AlterConfigOpType.Set },
                new ConfigEntry { Name = "max.message.bytes", Value = "-7", IncrementalOperation = AlterConfigOpType.Set },
            ],
        });

        (await alter.Should().ThrowAsync<IncrementalAlterConfigsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.InvalidConfig);
        (await DescribeAsync(admin, topic, "retention.ms")).Value.Should().Be("-1");
    }

    [Fact(Timeout = 30_000)]
    public async Task IncrementalAlterConfigsAsync_UnknownConfigOrTopic_IsRefused()
    {
        var topic = fixture.CreateTopic();
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var unknownConfig = () => admin.IncrementalAlterConfigsAsync(new()
        {
            [new ConfigResource { Type = ResourceType.Topic, Name = topic }] = [new ConfigEntry { Name = "no.such.config", Value = "1", IncrementalOperation = AlterConfigOpType.Set }],
        });
        var unknownTopic = () => admin.IncrementalAlterConfigsAsync(new()
        {
            [new ConfigResource { Type = ResourceType.Topic, Name = ClusterFixture.NewTopicName() }] = [new ConfigEntry { Name = "retention.ms", Value = "1", IncrementalOperation = AlterConfigOpType.Set }],
        });

        (await unknownConfig.Should().ThrowAsync<IncrementalAlterConfigsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.InvalidConfig);
        (await unknownTopic.Should().ThrowAsync<IncrementalAlterConfigsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.UnknownTopicOrPart);
    }

    [Fact(Timeout = 30_000)]
    public async Task AlterConfigs_ReplacesEveryOverride()
    {
        var topic = fixture.CreateTopic(configs: new Dictionary<string, string> { ["retention.ms"] = "1234" });
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var response = await connection.SendAsync<AlterConfigsResponse>(new AlterConfigsRequest
        {
            Resources = [new AlterConfigsRequest.ConfigResource { ResourceType = 2, ResourceName = topic, Configs = [new() { Name = "retention.bytes", Value = "999" }] }],
        }, 2);

        response.Responses.Single().ErrorCode.Should().Be(0);
        var config = fixture.Cluster.Core.Topics.Find(topic)!.Config;
        config.RetentionBytes.Should().Be(999);
        config.RetentionMs.Should().Be(-1, "AlterConfigs replaces the whole set: an override left out goes back to its default");
    }

    [Fact(Timeout = 30_000)]
    public async Task IncrementalAlterConfigsAsync_MaxMessageBytesLowered_NextLargeProduceIsRefused()
    {
        var topic = fixture.CreateTopic();
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        await admin.IncrementalAlterConfigsAsync(new()
        {
            [new ConfigResource { Type = ResourceType.Topic, Name = topic }] = [new ConfigEntry { Name = "max.message.bytes", Value = "500", IncrementalOperation = AlterConfigOpType.Set }],
        });
        using var producer = new ProducerBuilder<Null, byte[]>(fixture.ProducerConfig()).Build();

        var produce = () => producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[1000] }, TestContext.Current.CancellationToken);

        (await produce.Should().ThrowAsync<ProduceException<Null, byte[]>>()).Which.Error.Code.Should().Be(ErrorCode.MsgSizeTooLarge);
    }

    [Fact(Timeout = 30_000)]
    public async Task IncrementalAlterConfigsAsync_RetentionMsLowered_OldRecordsAreDeleted()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { TimeProvider = clock });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        using (var producer = new ProducerBuilder<Null, string>(TestClients.ProducerConfig(cluster.BootstrapServers)).Build())
        {
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = "old", Timestamp = new Timestamp(now - 3_600_000, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = "new", Timestamp = new Timestamp(now, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset.Should().Be(0, "the default keeps everything");
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        await admin.IncrementalAlterConfigsAsync(new()
        {
            [new ConfigResource { Type = ResourceType.Topic, Name = topic }] = [new ConfigEntry { Name = "retention.ms", Value = "60000", IncrementalOperation = AlterConfigOpType.Set }],
        });

        await Eventually.AdvanceUntilAsync(clock, TimeSpan.FromSeconds(1), () => cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset == 1, "the hour-old record expires", maxSteps: 5);
        cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(2);
    }

    private static async Task<ConfigEntryResult> DescribeAsync(IAdminClient admin, string topic, string name) =>
        (await admin.DescribeConfigsAsync([new ConfigResource { Type = ResourceType.Topic, Name = topic }])).Single().Entries[name];
}
