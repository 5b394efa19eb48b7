using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>CreateTopics with Kafka's checks: names, partitions, replication factor, configs, validate_only, duplicates.</summary>
public sealed class CreateTopicsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<string> IllegalNames() => [".", "..", "a/b", "a b", "tópico", new string('x', 250)];

    [Fact(Timeout = 30_000)]
    public async Task CreateTopicsAsync_LegalNames_CreatesThemWithTheirPartitions()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var names = new[] { "A-b_c.1" + suffix, "x" + suffix, new string('y', 249 - suffix.Length) + suffix };
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        await admin.CreateTopicsAsync(names.Select((n, i) => new TopicSpecification { Name = n, NumPartitions = i + 1, ReplicationFactor = 1 }));

        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            metadata.Topics.Single(t => t.Topic == name).Partitions.Should().HaveCount(i + 1);
        }
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(IllegalNames))]
    public async Task CreateTopicsAsync_IllegalName_IsInvalidTopicAndNothingIsCreated(string name)
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var create = () => admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = 1, ReplicationFactor = 1 }]);

        var error = (await create.Should().ThrowAsync<CreateTopicsException>()).Which.Results.Single().Error;
        error.Code.Should().Be(ErrorCode.TopicException);
        fixture.Cluster.TopicNames.Should().NotContain(name);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopics_EmptyNameOrZeroPartitions_AreRefusedAsKafkaDoes()
    {
        // librdkafka checks these itself, so the broker is asked directly.
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var name = ClusterFixture.NewTopicName();

        var response = await connection.SendAsync<CreateTopicsResponse>(new CreateTopicsRequest
        {
            TimeoutMs = 5000,
            Topics =
            [
                new CreateTopicsRequest.NewTopic { Name = "", NumPartitions = 1, ReplicationFactor = 1 },
                new CreateTopicsRequest.NewTopic { Name = name, NumPartitions = 0, ReplicationFactor = 1 },
                new CreateTopicsRequest.NewTopic { Name = name + "-neg", NumPartitions = -5, ReplicationFactor = 1 },
            ],
        }, 7);

        response.Topics.Select(t => t.ErrorCode).Should().Equal(
            (short)Broker.Protocol.ErrorCode.InvalidTopicException, (short)Broker.Protocol.ErrorCode.InvalidPartitions, (short)Broker.Protocol.ErrorCode.InvalidPartitions);
        fixture.Cluster.TopicNames.Should().NotContain([name, name + "-neg"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopicsAsync_UnknownConfigOrBadValue_IsInvalidConfig()
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        var unknown = ClusterFixture.NewTopicName();
        var bad = ClusterFixture.NewTopicName();

        var create = () => admin.CreateTopicsAsync(
        [
            new TopicSpecification { Name = unknown, NumPartitions = 1, ReplicationFactor = 1, Configs = new() { ["no.such.config"] = "1" } },
            new TopicSpecification { Name = bad, NumPartitions = 1, ReplicationFactor = 1, Configs = new() { ["retention.ms"] = "soon" } },
        ]);

        var results = (await create.Should().ThrowAsync<CreateTopicsException>()).Which.Results;
        results.Should().AllSatisfy(r => r.Error.Code.Should().Be(ErrorCode.InvalidConfig));
        results.Single(r => r.Topic == unknown).Error.Reason.Should().Contain("no.such.config");
        fixture.Cluster.TopicNames.Should().NotContain([unknown, bad]);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopicsAsync_ValidateOnly_ChecksWithoutCreating()
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        var name = ClusterFixture.NewTopicName();

        await admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = 3, ReplicationFactor = 1 }], new CreateTopicsOptions { ValidateOnly = true });
        var invalid = () => admin.CreateTopicsAsync([new TopicSpecification { Name = "a b", NumPartitions = 3, ReplicationFactor = 1 }], new CreateTopicsOptions { ValidateOnly = true });

        fixture.Cluster.TopicNames.Should().NotContain(name);
        (await invalid.Should().ThrowAsync<CreateTopicsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.TopicException);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopicsAsync_ExistingTopic_IsTopicAlreadyExists()
    {
        var name = fixture.CreateTopic();
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var create = () => admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = 2, ReplicationFactor = 1 }]);

        (await create.Should().ThrowAsync<CreateTopicsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.TopicAlreadyExists);
        fixture.Cluster.DescribeTopic(name)!.Partitions.Should().HaveCount(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopics_SameNameTwiceInOneRequest_IsInvalidRequestForBoth()
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var name = ClusterFixture.NewTopicName();
        var topic = new CreateTopicsRequest.NewTopic { Name = name, NumPartitions = 1, ReplicationFactor = 1 };

        var response = await connection.SendAsync<CreateTopicsResponse>(new CreateTopicsRequest { TimeoutMs = 5000, Topics = [topic, topic] }, 7);

        response.Topics.Should().AllSatisfy(t => t.ErrorCode.Should().Be((short)Broker.Protocol.ErrorCode.InvalidRequest));
        fixture.Cluster.TopicNames.Should().NotContain(name);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopicsAsync_NamesCollidingOnDotAndUnderscore_SecondIsInvalidTopic()
    {
        var suffix = Guid.NewGuid().ToString("N");
        fixture.Cluster.CreateTopic("a.b" + suffix);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var create = () => admin.CreateTopicsAsync([new TopicSpecification { Name = "a_b" + suffix, NumPartitions = 1, ReplicationFactor = 1 }]);

        (await create.Should().ThrowAsync<CreateTopicsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.TopicException);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopicsAsync_ReplicationFactorAboveBrokerCount_IsInvalidReplicationFactor()
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        var name = ClusterFixture.NewTopicName();

        var create = () => admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = 1, ReplicationFactor = 3 }]);

        (await create.Should().ThrowAsync<CreateTopicsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.InvalidReplicationFactor);
        fixture.Cluster.TopicNames.Should().NotContain(name);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopicsAsync_DefaultPartitionsAndConfigs_ReportsWhatWasCreated()
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var name = ClusterFixture.NewTopicName();

        var response = await connection.SendAsync<CreateTopicsResponse>(new CreateTopicsRequest
        {
            TimeoutMs = 5000,
            Topics = [new CreateTopicsRequest.NewTopic { Name = name, NumPartitions = -1, ReplicationFactor = -1, Configs = [new() { Name = "retention.ms", Value = "1234" }] }],
        }, 7);

        var result = response.Topics.Single();
        result.ErrorCode.Should().Be(0);
        result.NumPartitions.Should().Be(1);
        result.ReplicationFactor.Should().Be(1);
        result.TopicId.Should().Be(fixture.Cluster.DescribeTopic(name)!.TopicId);
        result.Configs!.Single(c => c.Name == "retention.ms").Value.Should().Be("1234");
        result.Configs!.Single(c => c.Name == "max.message.bytes").Value.Should().Be("1048588");
    }
}
