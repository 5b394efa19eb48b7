using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Groups;

/// <summary>Consumer groups on the classic protocol with Confluent.Kafka, eager and cooperative assignors, default settings.</summary>
public sealed class ClassicGroupTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<string> Strategies => new() { "range", "roundrobin", "cooperative-sticky" };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Strategies))]
    public async Task SecondMemberJoinsMidStream_TheySplitThePartitions_AndReadEveryRecordOnce(string strategy)
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var ends = await GroupConsumption.ProduceAsync(fixture, topic, 600);
        var config = fixture.ConsumerConfig(c =>
        {
            c.PartitionAssignmentStrategy = Enum.Parse<PartitionAssignmentStrategy>(strategy.Replace("-", ""), ignoreCase: true);
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
        var config = fixture.ConsumerConfig(c => c.HeartbeatIntervalMs = 100);
        using var group = new GroupConsumption();
        var first = group.Start(config, topic, "a");
        group.Start(config, topic, "b");
        await GroupConsumption.WaitUntilAsync(() => group.Assigned.Count == 2 && group.Assigned.Values.All(a => a.Count == 2), TimeSpan.FromSeconds(30), "a 2/2 split");

        group.Close(first);

        await GroupConsumption.WaitUntilAsync(() => group.Assigned["b"].Count == 4, TimeSpan.FromSeconds(10), "the survivor to hold all 4 partitions");
    }

    [Fact(Timeout = 60_000)]
    public async Task CommittedOffsets_AreWhereANewMemberOfTheGroupStarts()
    {
        var topic = fixture.CreateTopic(partitions: 2);
        await GroupConsumption.ProduceAsync(fixture, topic, 100);
        var config = fixture.ConsumerConfig();
        using (var consumer = new ConsumerBuilder<string, string>(config).Build())
        {
            consumer.Subscribe(topic);
            var read = 0;
            while (read < 100)
            {
                if (consumer.Consume(TimeSpan.FromSeconds(10)) is { } result)
                {
                    read++;
                    consumer.Commit(result);
                }
            }

            consumer.Close();
        }

        await GroupConsumption.ProduceAsync(fixture, topic, 10, from: 100);
        using var next = new ConsumerBuilder<string, string>(config).Build();
        next.Subscribe(topic);
        var values = new List<string>();
        while (values.Count < 10)
        {
            var result = next.Consume(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"only {values.Count} of the 10 new records arrived");
            values.Add(result.Message.Value);
        }

        values.Should().BeEquivalentTo(Enumerable.Range(100, 10).Select(i => $"v{i}"));
        next.Consume(TimeSpan.FromMilliseconds(300)).Should().BeNull("the group's committed offsets skip the 100 records read before");
    }
}
