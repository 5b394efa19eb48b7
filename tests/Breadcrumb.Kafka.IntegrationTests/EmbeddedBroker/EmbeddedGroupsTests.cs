using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker;

/// <summary>Issue 12: the fast group profile; waits on conditions, never on sleeps.</summary>
public sealed class EmbeddedGroupsTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 60_000)]
    public async Task TwoMembers_JoinTogether_SplitSixPartitionsThreeAndThree()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var group = $"g-{Guid.NewGuid():N}";
        using var first = Consumer(group);
        using var second = Consumer(group);
        first.Subscribe(topic);
        second.Subscribe(topic);

        var settled = await Task.Run(() => PollUntil([first, second], () => first.Assignment.Count + second.Assignment.Count == 6 && first.Assignment.Count > 0 && second.Assignment.Count > 0), TestContext.Current.CancellationToken);

        settled.Should().BeTrue("two members of one group split the topic's partitions");
        first.Assignment.Should().HaveCount(3);
        first.Assignment.Should().NotIntersectWith(second.Assignment);
        first.Close();
        second.Close();
    }

    [Fact(Timeout = 60_000)]
    public async Task Rejoin_RightAfterClose_GetsEveryPartitionAgain()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var group = $"g-{Guid.NewGuid():N}";
        using (var leaving = Consumer(group))
        {
            leaving.Subscribe(topic);
            (await Task.Run(() => PollUntil([leaving], () => leaving.Assignment.Count == 6), TestContext.Current.CancellationToken)).Should().BeTrue();
            leaving.Close();
        }

        using var joining = Consumer(group);
        joining.Subscribe(topic);
        var settled = await Task.Run(() => PollUntil([joining], () => joining.Assignment.Count == 6), TestContext.Current.CancellationToken);

        settled.Should().BeTrue("a member joining right after the last one closed gets all partitions (no session-timeout stall)");
        joining.Close();
    }

    [Fact(Timeout = 60_000)]
    public async Task BrokerDownThenUp_ProducingResumes()
    {
        await using var cluster = EmbeddedKafkaCluster.Start();
        var topic = $"down-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, 1);
        using var producer = new ProducerBuilder<Null, string>(cluster.Connection.CreateProducerConfig()).Build();
        await producer.ProduceAsync(topic, new Message<Null, string> { Value = "before" }, TestContext.Current.CancellationToken);

        await cluster.SetBrokerDownAsync(1);
        var during = producer.ProduceAsync(topic, new Message<Null, string> { Value = "during" }, TestContext.Current.CancellationToken);
        cluster.SetBrokerUp(1);
        var delivered = await during;

        delivered.Offset.Value.Should().Be(1, "the producer reconnects once the broker is back");
    }

    private IConsumer<Ignore, Ignore> Consumer(string group)
    {
        var config = fixture.Connection.CreateConsumerConfig(group);
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        return new ConsumerBuilder<Ignore, Ignore>(config).Build();
    }

    private static bool PollUntil(IConsumer<Ignore, Ignore>[] members, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var member in members)
            {
                member.Consume(TimeSpan.FromMilliseconds(20));
            }

            if (condition())
            {
                return true;
            }
        }

        return false;
    }
}
