using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>DescribeConfigs: every topic config with its value and source (topic, cluster default, Kafka default); broker configs read-only.</summary>
public sealed class DescribeConfigsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task DescribeConfigsAsync_Topic_GivesValuesAndWhereTheyComeFrom()
    {
        var topic = fixture.CreateTopic(configs: new Dictionary<string, string> { ["retention.ms"] = "1234", ["cleanup.policy"] = "delete" });
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var entries = (await admin.DescribeConfigsAsync([new ConfigResource { Type = ResourceType.Topic, Name = topic }])).Single().Entries;

        entries["retention.ms"].Value.Should().Be("1234");
        entries["retention.ms"].Source.Should().Be(ConfigSource.DynamicTopicConfig);
        entries["retention.ms"].IsDefault.Should().BeFalse();
        entries["max.message.bytes"].Value.Should().Be("1048588");
        entries["max.message.bytes"].Source.Should().Be(ConfigSource.DefaultConfig);
        entries["retention.bytes"].Value.Should().Be("-1");
        entries["message.timestamp.type"].Value.Should().Be("CreateTime");
        entries.Values.Should().AllSatisfy(e => e.IsReadOnly.Should().BeFalse());
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeConfigsAsync_ClusterTopicDefault_IsReportedAsAStaticBrokerConfig()
    {
        var options = new KafkaClusterOptions();
        options.TopicDefaults["retention.ms"] = "86400000";
        await using var cluster = KafkaCluster.Start(options);
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();

        var entry = (await admin.DescribeConfigsAsync([new ConfigResource { Type = ResourceType.Topic, Name = topic }])).Single().Entries["retention.ms"];

        entry.Value.Should().Be("86400000");
        entry.Source.Should().Be(ConfigSource.StaticBrokerConfig);
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeConfigsAsync_UnknownTopic_IsUnknownTopicOrPartition()
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var describe = () => admin.DescribeConfigsAsync([new ConfigResource { Type = ResourceType.Topic, Name = ClusterFixture.NewTopicName() }]);

        (await describe.Should().ThrowAsync<DescribeConfigsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.UnknownTopicOrPart);
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeConfigsAsync_Broker_ListsReadOnlyConfigs()
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        var nodeId = fixture.Cluster.Brokers[0].NodeId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var entries = (await admin.DescribeConfigsAsync([new ConfigResource { Type = ResourceType.Broker, Name = nodeId }])).Single().Entries;

        entries.Should().NotBeEmpty();
        entries.Values.Should().AllSatisfy(e => e.IsReadOnly.Should().BeTrue());
    }
}
