using Breadcrumb.Kafka.IntegrationTests.Reliability.Support;
using Breadcrumb.Kafka.IntegrationTests.Transactions;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>
/// Issue 9: fault-free scenarios that hold on any Kafka (counts, group splits, a new group reading history), written
/// once and run on every broker tier by a one-line subclass. A tier that is unavailable skips with the reason.
/// </summary>
public abstract partial class ReliabilityScenarios
{
    private const int Partitions = 6;
    private const int Count = 1_000;

    /// <summary>Gives a broker to run on, or skips the test with the reason.</summary>
    protected abstract Task<ScenarioBroker> CreateBrokerAsync(BrokerRequirement? requirement = null);

    [Fact(Timeout = 120_000)]
    public async Task ProduceThousand_ConsumeToEnd_EachOnceInOrder()
    {
        var broker = await CreateBrokerAsync();
        var topic = await broker.CreateTopicAsync(Partitions);
        var produced = await ProduceAsync(broker, topic, 0, Count);

        await using var sut = new KeyFilteredConsumer(broker.Connection, Options(topic, $"counts-{Guid.NewGuid():N}"));
        var summary = await sut.RunAsync(TestContext.Current.CancellationToken);

        produced.Should().Match<ProduceRunSummary>(s => s.Delivered == Count && s.Failed == 0);
        summary.Total.Should().Be(Count, summary.ToString());
        summary.PerPartition.Sum(p => p.Kept).Should().Be(Count);
        summary.OrderHeld.Should().BeTrue(summary.ToString());
        var audit = DeliveryAudit.Of([.. Enumerable.Range(0, Count).Select(i => (long)i)], await TopicReader.ReadAllAsync(broker.Connection, topic, Partitions));
        audit.ExactlyOnceInOrder.Should().BeTrue(audit.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task TwoConsumersInOneGroup_SplitThePartitions_AndTogetherReadEachRecordOnce()
    {
        var broker = await CreateBrokerAsync();
        var topic = await broker.CreateTopicAsync(Partitions);
        await ProduceAsync(broker, topic, 0, Count);

        await using var sut = new ConsumerGroupRunner(broker.Connection, Options(topic, $"split-{Guid.NewGuid():N}"), 2);
        var group = await sut.RunAsync(TestContext.Current.CancellationToken);

        group.Total.Should().Be(Count, group.ToString());
        group.Consumers.Should().OnlyContain(c => c.Total > 0, "each member reads a share: " + group);
        var readers = group.Consumers.SelectMany(c => c.PerPartition.Where(p => p.Received > 0).Select(p => p.Partition)).ToList();
        readers.Should().OnlyHaveUniqueItems("a partition's records are read by one member of the group only: " + group);
        readers.Should().BeEquivalentTo(Enumerable.Range(0, Partitions));
    }

    [Fact(Timeout = 120_000)]
    public async Task SameGroupRerun_ReadsOnlyNewRecords_WhileANewGroupReadsEverything()
    {
        var broker = await CreateBrokerAsync();
        var topic = await broker.CreateTopicAsync(Partitions);
        var group = $"rerun-{Guid.NewGuid():N}";
        await ProduceAsync(broker, topic, 0, Count);
        await using (var first = new KeyFilteredConsumer(broker.Connection, Options(topic, group)))
        {
            (await first.RunAsync(TestContext.Current.CancellationToken)).Total.Should().Be(Count);
        }

        await ProduceAsync(broker, topic, Count, 200);
        await using var rerun = new KeyFilteredConsumer(broker.Connection, Options(topic, group));
        await using var fresh = new KeyFilteredConsumer(broker.Connection, Options(topic, $"fresh-{Guid.NewGuid():N}"));
        var again = await rerun.RunAsync(TestContext.Current.CancellationToken);
        var everything = await fresh.RunAsync(TestContext.Current.CancellationToken);

        again.Total.Should().Be(200, "the group's committed offsets carry over: " + again);
        everything.Total.Should().Be(Count + 200, everything.ToString());
    }

    private static KeyFilteredConsumerOptions Options(string topic, string group) => LabPreset.Apply(new KeyFilteredConsumerOptions()
    {
        Topic = topic,
        GroupId = group,
        StopAtEndOfPartitions = true,
        IdleTimeout = TimeSpan.FromSeconds(30),
    });

    private static async Task<ProduceRunSummary> ProduceAsync(ScenarioBroker broker, string topic, long from, int count)
    {
        await using var producer = new BreadcrumbProducer(broker.Connection, LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = topic,
            KeyStrategy = KeyStrategy.Custom(c => c.Record.EventNoStop),
        }));
        return await producer.ProduceAllAsync(Ids.Records(from, count), TestContext.Current.CancellationToken);
    }
}
