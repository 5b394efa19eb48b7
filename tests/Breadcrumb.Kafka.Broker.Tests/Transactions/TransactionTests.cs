using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Transactions;

/// <summary>Transactions with Confluent.Kafka: committed, aborted, open and timed-out transactions across two topics, read_committed and fencing.</summary>
public sealed class TransactionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task CommittedAndAbortedAcrossTwoTopics_ReadCommittedSeesOnlyCommitted()
    {
        var (left, right) = (fixture.CreateTopic(2), fixture.CreateTopic(2));
        using var producer = TransactionalProducer(out _);
        await Task.Run(() => producer.InitTransactions(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);

        await Batch(producer, [left, right], "committed", commit: true);
        await Batch(producer, [left, right], "aborted", commit: false);
        await Batch(producer, [left, right], "committed-again", commit: true);

        var committed = ReadAll([left, right], IsolationLevel.ReadCommitted, expected: 8);
        committed.Should().HaveCount(8).And.OnlyContain(v => v.StartsWith("committed", StringComparison.Ordinal));
        ReadAll([left, right], IsolationLevel.ReadUncommitted, expected: 12).Should().HaveCount(12, "read_uncommitted sees the aborted records too");
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenTransaction_HoldsReadCommittedBackUntilItEnds()
    {
        var topic = fixture.CreateTopic(1);
        using var open = TransactionalProducer(out _);
        await Task.Run(() => open.InitTransactions(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        open.BeginTransaction();
        await open.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "open" }, TestContext.Current.CancellationToken);
        using (var plain = new ProducerBuilder<string, string>(fixture.ProducerConfig()).Build())
        {
            await plain.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "after" }, TestContext.Current.CancellationToken);
        }

        ReadAll([topic], IsolationLevel.ReadCommitted, expected: 0, settle: TimeSpan.FromMilliseconds(800)).Should().BeEmpty("the open transaction's first offset is the last stable offset");

        await Task.Run(() => open.CommitTransaction(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        ReadAll([topic], IsolationLevel.ReadCommitted, expected: 2).Should().Equal("open", "after");
    }

    [Fact(Timeout = 60_000)]
    public async Task TransactionPastItsTimeout_IsAborted_AndItsProducerFenced()
    {
        var topic = fixture.CreateTopic(1);
        using var producer = TransactionalProducer(out _, c => c.TransactionTimeoutMs = 1000);
        await Task.Run(() => producer.InitTransactions(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        producer.BeginTransaction();
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "forgotten" }, TestContext.Current.CancellationToken);

        // The coordinator aborts it after transaction.timeout.ms; read_committed then moves past it.
        using var plain = new ProducerBuilder<string, string>(fixture.ProducerConfig()).Build();
        await plain.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "later" }, TestContext.Current.CancellationToken);
        ReadAll([topic], IsolationLevel.ReadCommitted, expected: 1, settle: TimeSpan.FromMilliseconds(300)).Should().Equal("later");

        var commit = () => producer.CommitTransaction(TimeSpan.FromSeconds(10));
        commit.Should().Throw<KafkaException>("the coordinator bumped the epoch when it aborted the transaction");
    }

    [Fact(Timeout = 60_000)]
    public async Task SecondInstanceWithTheSameTransactionalId_FencesTheFirst()
    {
        var topic = fixture.CreateTopic(1);
        using var first = TransactionalProducer(out var transactionalId);
        await Task.Run(() => first.InitTransactions(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        first.BeginTransaction();
        await first.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "first" }, TestContext.Current.CancellationToken);

        using var second = new ProducerBuilder<string, string>(fixture.ProducerConfig(c => { c.TransactionalId = transactionalId; c.EnableIdempotence = true; })).Build();
        await Task.Run(() => second.InitTransactions(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);

        var commit = () => first.CommitTransaction(TimeSpan.FromSeconds(10));
        commit.Should().Throw<KafkaException>().Which.Error.Code.Should().BeOneOf(ErrorCode.Local_Fenced, ErrorCode.ProducerFenced, ErrorCode.InvalidProducerEpoch);
        ReadAll([topic], IsolationLevel.ReadCommitted, expected: 0, settle: TimeSpan.FromMilliseconds(800)).Should().BeEmpty("the fenced transaction was aborted");
    }

    [Fact(Timeout = 60_000)]
    public async Task SendOffsetsToTransaction_CommitsOffsetsOnlyWithTheTransaction()
    {
        var (input, output) = (fixture.CreateTopic(1), fixture.CreateTopic(1));
        using (var seed = new ProducerBuilder<string, string>(fixture.ProducerConfig()).Build())
        {
            for (var i = 0; i < 4; i++)
            {
                await seed.ProduceAsync(input, new Message<string, string> { Key = "k", Value = $"in{i}" }, TestContext.Current.CancellationToken);
            }
        }

        var consumerConfig = fixture.ConsumerConfig();
        using var consumer = new ConsumerBuilder<string, string>(consumerConfig).Build();
        consumer.Subscribe(input);
        using var producer = TransactionalProducer(out _);
        await Task.Run(() => producer.InitTransactions(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        foreach (var commit in new[] { false, true })
        {
            producer.BeginTransaction();
            var last = consumer.Consume(TimeSpan.FromSeconds(10))!;
            last = consumer.Consume(TimeSpan.FromSeconds(10))!;
            await producer.ProduceAsync(output, new Message<string, string> { Key = "k", Value = "out" }, TestContext.Current.CancellationToken);
            producer.SendOffsetsToTransaction([new TopicPartitionOffset(last.TopicPartition, last.Offset + 1)], consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(10));
            if (commit)
            {
                await Task.Run(() => producer.CommitTransaction(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
            }
            else
            {
                await Task.Run(() => producer.AbortTransaction(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
            }

            var committed = consumer.Committed([new TopicPartition(input, 0)], TimeSpan.FromSeconds(10)).Single().Offset;
            committed.Value.Should().Be(commit ? 4 : Offset.Unset.Value, commit ? "the committed transaction stored the offset" : "the aborted transaction's offset is dropped");
        }
    }

    private IProducer<string, string> TransactionalProducer(out string transactionalId, Action<ProducerConfig>? tweak = null)
    {
        var id = "tx-" + Guid.NewGuid().ToString("N");
        transactionalId = id;
        return new ProducerBuilder<string, string>(fixture.ProducerConfig(c =>
        {
            c.TransactionalId = id;
            c.EnableIdempotence = true;
            tweak?.Invoke(c);
        })).Build();
    }

    private static async Task Batch(IProducer<string, string> producer, string[] topics, string value, bool commit)
    {
        producer.BeginTransaction();
        foreach (var topic in topics)
        {
            for (var p = 0; p < 2; p++)
            {
                await producer.ProduceAsync(new TopicPartition(topic, p), new Message<string, string> { Key = "k", Value = value }, TestContext.Current.CancellationToken);
            }
        }

        await Task.Run(() => (commit ? (Action)(() => producer.CommitTransaction(TimeSpan.FromSeconds(10))) : () => producer.AbortTransaction(TimeSpan.FromSeconds(10)))(), TestContext.Current.CancellationToken);
    }

    /// <summary>Reads until <paramref name="expected"/> values arrived (10 s at most), then for <paramref name="settle"/> more to catch any extra.</summary>
    private List<string> ReadAll(string[] topics, IsolationLevel isolation, int expected, TimeSpan settle = default)
    {
        using var consumer = new ConsumerBuilder<string, string>(fixture.ConsumerConfig(c => c.IsolationLevel = isolation)).Build();
        consumer.Assign(topics.SelectMany(t => fixture.Cluster.DescribeTopic(t)!.Partitions.Select(p => new TopicPartitionOffset(t, p.Partition, Offset.Beginning))));
        var values = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        DateTime? settleUntil = expected == 0 ? DateTime.UtcNow + settle : null;
        while (DateTime.UtcNow < (settleUntil ?? deadline))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(50)) is { Message: { } message })
            {
                values.Add(message.Value);
            }

            if (settleUntil is null && values.Count >= expected)
            {
                settleUntil = DateTime.UtcNow + settle;
            }
        }

        return values;
    }
}
