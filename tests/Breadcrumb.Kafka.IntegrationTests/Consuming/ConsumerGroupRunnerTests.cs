using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Consuming;

public sealed class ConsumerGroupRunnerTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private static KeyFilteredConsumerOptions Options(string topic) => LabPreset.Apply(new KeyFilteredConsumerOptions()
    {
        Topic = topic,
        GroupId = $"g-{Guid.NewGuid():N}",
        StopAtEndOfPartitions = true,
        IdleTimeout = TimeSpan.FromSeconds(20),
    });

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_TwoConsumersOneGroupSixPartitions_SplitWithNoOverlapAndNoLoss()
    {
        var topic = fixture.CreateTopic(6);
        var delivered = await RawProducer.ProduceAsync(fixture.Connection, topic, 1200, i => $"k{i}");
        await using var sut = new ConsumerGroupRunner(fixture.Connection, Options(topic), consumerCount: 2);

        var summary = await sut.RunAsync(TestContext.Current.CancellationToken);

        summary.Consumers.Select(c => c.ConsumerName).Should().Equal("consumer0", "consumer1");
        summary.Total.Should().Be(1200);
        summary.Consumers.Should().AllSatisfy(c => c.Total.Should().BePositive());
        var readers = summary.Consumers
            .SelectMany(c => c.PerPartition.Where(p => p.Received > 0).Select(p => (p.Partition, c.ConsumerName, p.Received)))
            .ToList();
        readers.Select(r => r.Partition).Should().OnlyHaveUniqueItems("each partition is read by one member only");
        foreach (var (partition, _, received) in readers)
        {
            received.Should().Be(delivered.Count(d => d.Partition == partition));
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_TwoGroups_EachGetsEverything()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 1000, i => $"k{i}");
        await using var first = new ConsumerGroupRunner(fixture.Connection, Options(topic), consumerCount: 1);
        await using var second = new ConsumerGroupRunner(fixture.Connection, Options(topic), consumerCount: 1);

        var summaries = await Task.WhenAll(first.RunAsync(TestContext.Current.CancellationToken), second.RunAsync(TestContext.Current.CancellationToken));

        summaries.Should().AllSatisfy(s => s.Total.Should().Be(1000));
        summaries[0].GroupId.Should().NotBe(summaries[1].GroupId);
    }

    [Fact(Timeout = 60_000)]
    public async Task RunAsync_ConsumersStartedBeforeProducers_EachReportsItsPartitionsAndCounts()
    {
        var topic = fixture.CreateTopic(6);
        var options = Options(topic);
        options.StopAtEndOfPartitions = false;
        options.IdleTimeout = TimeSpan.FromSeconds(2);
        await using var sut = new ConsumerGroupRunner(fixture.Connection, options, consumerCount: 2);

        var run = sut.RunAsync(TestContext.Current.CancellationToken);
        await sut.WaitForAssignmentAsync(TestContext.Current.CancellationToken);
        var delivered = await RawProducer.ProduceAsync(fixture.Connection, topic, 900, i => $"k{i}");
        var summary = await run;

        summary.Total.Should().Be(900);
        summary.Consumers.SelectMany(c => c.PerPartition.Select(p => p.Partition)).Should().OnlyHaveUniqueItems();
        foreach (var consumer in summary.Consumers)
        {
            var read = consumer.PerPartition.Select(p => p.Partition).ToHashSet();
            consumer.Total.Should().BePositive().And.Be(delivered.Count(d => read.Contains(d.Partition)));
            consumer.PartitionsAssigned.Select(p => p.Partition.Value).Should().Contain(read, $"{consumer.ConsumerName} reads only partitions it was assigned");
            consumer.StopReason.Should().Be(ConsumeStopReason.IdleTimeout);
        }
    }

    [Fact]
    public void Constructor_ExplicitPartitions_SaysTheGroupAssignsThem()
    {
        var options = Options("t");
        options.Partitions = [0];

        var act = () => new ConsumerGroupRunner(fixture.Connection, options, 2);

        act.Should().Throw<ArgumentException>().WithMessage("KeyFilteredConsumerOptions.Partitions must be null for a ConsumerGroupRunner*");
    }
}
