using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Groups;

/// <summary>Consumer groups on the KIP-848 consumer protocol (group.protocol=consumer) with Confluent.Kafka: the broker assigns.</summary>
public sealed class ConsumerProtocolGroupTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory(Timeout = 60_000)]
    [InlineData(null)]
    [InlineData("range")]
    public async Task TwoMembers_SplitThePartitions_AndReadEveryRecordOnce(string? assignor)
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await GroupConsumption.ProduceAsync(fixture, topic, 600);
        var config = fixture.ConsumerConfig(c =>
        {
            c.GroupProtocol = GroupProtocol.Consumer;
            c.GroupRemoteAssignor = assignor;
        });
        using var group = new GroupConsumption();

        group.Start(config, topic, "a");
        group.Start(config, topic, "b");
        await GroupConsumption.WaitUntilAsync(() => group.Count >= 600 && group.Assigned.Count == 2 && group.Assigned.Values.All(a => a.Count == 3), TimeSpan.FromSeconds(40),
            "600 records and a 3/3 split");

        group.Assigned["a"].Should().NotIntersectWith(group.Assigned["b"]);
        group.Received.Values.SelectMany(q => q).Select(r => r.Value).Should().OnlyHaveUniqueItems().And.HaveCount(600);
    }

    [Fact(Timeout = 60_000)]
    public async Task MemberLeaves_SurvivorTakesAllPartitions()
    {
        var topic = fixture.CreateTopic(partitions: 4);
        var config = fixture.ConsumerConfig(c => c.GroupProtocol = GroupProtocol.Consumer);
        using var group = new GroupConsumption();
        var first = group.Start(config, topic, "a");
        group.Start(config, topic, "b");
        await GroupConsumption.WaitUntilAsync(() => group.Assigned.Count == 2 && group.Assigned.Values.All(a => a.Count == 2), TimeSpan.FromSeconds(30), "a 2/2 split");

        group.Close(first);

        await GroupConsumption.WaitUntilAsync(() => group.Assigned["b"].Count == 4, TimeSpan.FromSeconds(10), "the survivor to hold all 4 partitions");
    }
}
