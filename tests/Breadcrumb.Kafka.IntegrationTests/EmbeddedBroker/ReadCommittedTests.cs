using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;
using static Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker.TxnClients;

namespace Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker;

/// <summary>read_committed consumers on the embedded broker get Kafka's answers.</summary>
public sealed class ReadCommittedTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 90_000)]
    public async Task ReadCommitted_TwentySeededCoinFlipBatches_SeesExactlyTheCommittedOnce()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var coin = new Random(12);
        var committed = new List<string>();
        var aborted = new List<string>();
        using (var producer = Producer(fixture.Connection))
        {
            for (var batch = 0; batch < 20; batch++)
            {
                var commit = coin.Next(2) == 0;
                var values = await TransactionAsync(producer, [topic], $"b{batch}", count: 4, commit);
                (commit ? committed : aborted).AddRange(values);
            }
        }

        var seen = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadCommitted, (topic, 6));

        aborted.Should().NotBeEmpty("the seed must abort some batches for the scenario to mean anything");
        seen.Should().BeEquivalentTo(committed, "a read_committed consumer sees each committed record once and no aborted one");
        var everything = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadUncommitted, (topic, 6));
        everything.Should().HaveCount(80, "read_uncommitted still sees aborted records, as on Kafka");
    }

    [Fact(Timeout = 90_000)]
    public async Task ReadCommitted_TwoPlusTwoAcrossTwoTopics_SeesOnlyCommittedTransactions()
    {
        var first = fixture.CreateTopic(partitions: 3);
        var second = fixture.CreateTopic(partitions: 3);
        var committed = new List<string>();
        using (var producer = Producer(fixture.Connection))
        {
            committed.AddRange(await TransactionAsync(producer, [first, second], "t1", count: 2, commit: true));
            await TransactionAsync(producer, [first, second], "t2", count: 2, commit: false);
            committed.AddRange(await TransactionAsync(producer, [first, second], "t3", count: 2, commit: true));
        }

        var seen = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadCommitted, (first, 3), (second, 3));

        seen.Should().BeEquivalentTo(committed);
        seen.Should().HaveCount(8);
    }

    [Fact(Timeout = 90_000)]
    public async Task OpenTransaction_InvisibleToReadCommittedUntilCommit_VisibleAtOnceToReadUncommitted()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        using var producer = Producer(fixture.Connection);
        producer.BeginTransaction();
        for (var i = 0; i < 5; i++)
        {
            await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = $"open-{i}" }, TestContext.Current.CancellationToken);
        }

        var uncommitted = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadUncommitted, (topic, 1));
        var before = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadCommitted, (topic, 1));
        using var readUncommitted = Reader(fixture.Connection, IsolationLevel.ReadUncommitted);
        var watermarks = readUncommitted.QueryWatermarkOffsets(new TopicPartition(topic, 0), Deadline);
        await Task.Run(() => producer.CommitTransaction(Deadline), TestContext.Current.CancellationToken);
        var after = await ReadToEndAsync(fixture.Connection, IsolationLevel.ReadCommitted, (topic, 1));

        uncommitted.Should().HaveCount(5, "read_uncommitted sees an open transaction's records at once");
        before.Should().BeEmpty("read_committed stops at the last stable offset, before the open transaction");
        watermarks.High.Value.Should().Be(5, "the high watermark counts the open records");
        after.Should().Equal("open-0", "open-1", "open-2", "open-3", "open-4");
    }

    [Fact(Timeout = 90_000)]
    public async Task AbortedTransaction_ReadCommittedMovesPastIt_AndSeesLaterCommits()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        using var producer = Producer(fixture.Connection);
        await TransactionAsync(producer, [topic], "aborted", count: 7, commit: false);
        var committed = await TransactionAsync(producer, [topic], "committed", count: 3, commit: true);

        using var consumer = Reader(fixture.Connection, IsolationLevel.ReadCommitted);
        var seen = await Task.Run(() => ReadToEnd(consumer, [(topic, 1)]), TestContext.Current.CancellationToken);
        var position = consumer.Position(new TopicPartition(topic, 0));

        seen.Should().Equal(committed);
        position.Value.Should().Be(12, "7 aborted + marker + 3 committed + marker: the reader moved past everything");
    }

    [Fact(Timeout = 90_000)]
    public async Task ListOffsets_ReadCommittedLatest_IsTheLastStableOffset()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        var partition = new TopicPartition(topic, 0);
        using var producer = Producer(fixture.Connection);
        await TransactionAsync(producer, [topic], "done", count: 2, commit: true);
        producer.BeginTransaction();
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "open" }, TestContext.Current.CancellationToken);

        using var committed = Reader(fixture.Connection, IsolationLevel.ReadCommitted);
        using var uncommitted = Reader(fixture.Connection, IsolationLevel.ReadUncommitted);
        var stable = committed.QueryWatermarkOffsets(partition, Deadline);
        var high = uncommitted.QueryWatermarkOffsets(partition, Deadline);
        await Task.Run(() => producer.AbortTransaction(Deadline), TestContext.Current.CancellationToken);
        var afterAbort = committed.QueryWatermarkOffsets(partition, Deadline);

        stable.High.Value.Should().Be(3, "read_committed's latest offset stops before the open transaction (2 records + marker)");
        high.High.Value.Should().Be(4, "read_uncommitted's latest offset is the high watermark");
        afterAbort.High.Value.Should().Be(5, "once the transaction is aborted the stable offset moves past it and its marker");
    }
}
