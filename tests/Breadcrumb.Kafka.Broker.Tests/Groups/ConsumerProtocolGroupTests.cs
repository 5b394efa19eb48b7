using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Groups;

/// <summary>Consumer groups on the KIP-848 consumer protocol (group.protocol=consumer) with Confluent.Kafka: the broker assigns.</summary>
public sealed class ConsumerProtocolGroupTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory(Timeout = 60_000)]
    [InlineData(null)]
    [InlineData("range")]
    public async Task SecondMemberJoinsMidStream_TheySplitThePartitions_AndReadEveryRecordOnce(string? assignor)
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var ends = await GroupConsumption.ProduceAsync(fixture, topic, 600);
        var config = fixture.ConsumerConfig(c =>
        {
            c.GroupProtocol = GroupProtocol.Consumer;
            c.GroupRemoteAssignor = assignor;
            c.EnableAutoCommit = true;
        });
        using var group = new GroupConsumption();

        // "a" reads first, so the rebalance moves partitions it has read from: "b" must start where "a" committed
        // on revocation (enable.auto.commit), as on Kafka; without that commit it would read them again.
        group.Start(config, topic, "a");
        await GroupConsumption.WaitUntilAsync(() => group.Count >= 100, TimeSpan.FromSeconds(20), "\"a\" to read 100 records");
        group.Start(config, topic, "b");
        await group.WaitUntilSplitAndAtEndsAsync(ends, partitionsEach: 3, TimeSpan.FromSeconds(40));

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
