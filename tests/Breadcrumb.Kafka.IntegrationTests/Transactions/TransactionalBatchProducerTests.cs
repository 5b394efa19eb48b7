using Breadcrumb.Kafka.Broker;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>The transactional producer on the embedded broker: transactions, markers, fencing.</summary>
public sealed class TransactionalBatchProducerTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private const int Seed = 2026;

    [Fact(Timeout = 120_000)]
    public async Task RunAsync_TwentySeededCoinFlipBatchesOfFour_ReportsOutcomesAndOffsetsWithMarkerGaps()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        await using var sut = CreateSut(o =>
        {
            o.Topics.Add(topic);
            o.Decision = new CoinFlipDecision(Seed);
        });

        var summary = await sut.RunAsync(TestRecords.Make(80), 20, cancellationToken: TestContext.Current.CancellationToken);

        var coin = new CoinFlipDecision(Seed);
        var expected = Enumerable.Range(1, 20).Select(_ => coin.ShouldCommit(new TransactionDecisionContext(0, [])) ? TransactionOutcome.Committed : TransactionOutcome.Aborted).ToList();
        summary.Batches.Select(b => b.Outcome).Should().Equal(expected);
        summary.CommittedBatches.Should().Be(expected.Count(o => o == TransactionOutcome.Committed)).And.BeInRange(1, 19);
        summary.Topics[topic].Should().Be(new TopicTransactionCounts(topic, summary.CommittedBatches * 4, summary.AbortedBatches * 4));

        // Each transaction ends with a control marker that takes one offset: batch i holds offsets 5i..5i+3, 5i+4 is its marker.
        summary.Batches.Select(b => b.Records.Select(r => r.Offset)).Should().BeEquivalentTo(
            Enumerable.Range(0, 20).Select(i => Enumerable.Range(5 * i, 4).Select(o => (long)o)), o => o.WithStrictOrdering());
        HighWatermark(topic, 0).Should().Be(100);
    }

    [Fact(Timeout = 120_000)]
    public async Task RunAsync_TwoPlusTwoAcrossTwoTopics_ReportsCountsAndOffsetsPerTopic()
    {
        var first = fixture.CreateTopic(partitions: 1);
        var second = fixture.CreateTopic(partitions: 1);
        await using var sut = CreateSut(o =>
        {
            o.Topics.Add(first);
            o.Topics.Add(second);
            o.RecordsPerTopic.Add(2);
            o.RecordsPerTopic.Add(2);
            o.Decision = new CoinFlipDecision(Seed);
        });

        var summary = await sut.RunAsync(TestRecords.Make(80), 20, cancellationToken: TestContext.Current.CancellationToken);

        summary.BatchCount.Should().Be(20);
        summary.Topics[first].Should().Be(new TopicTransactionCounts(first, summary.CommittedBatches * 2, summary.AbortedBatches * 2));
        summary.Topics[second].Should().Be(new TopicTransactionCounts(second, summary.CommittedBatches * 2, summary.AbortedBatches * 2));
        foreach (var (batch, i) in summary.Batches.Select((b, i) => (b, i)))
        {
            // Two records and one marker per topic and transaction.
            batch.Records.Select(r => (r.Topic, r.Offset)).Should().Equal((first, 3L * i), (first, (3L * i) + 1), (second, 3L * i), (second, (3L * i) + 1));
        }

        HighWatermark(first, 0).Should().Be(60);
        HighWatermark(second, 0).Should().Be(60);
    }

    [Fact(Timeout = 120_000)]
    public async Task RunAsync_ExceptionMidBatch_AbortsThatBatchAndLaterBatchesCommit()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        await using var sut = CreateSut(o =>
        {
            o.Topics.Add(topic);
            o.KeySelector = r => r.EventNoTrip == "trip-6" ? throw new FormatException("trip 6 cannot be keyed") : r.EventNoTrip;
        });

        var summary = await sut.RunAsync(TestRecords.Make(12), 3, cancellationToken: TestContext.Current.CancellationToken);

        summary.Batches.Select(b => b.Outcome).Should().Equal(TransactionOutcome.Committed, TransactionOutcome.Failed, TransactionOutcome.Committed);
        var failed = summary.Batches[1];
        failed.Error.Should().BeOfType<FormatException>().Which.Message.Should().Be("trip 6 cannot be keyed");
        failed.Records.Select(r => (r.Key, r.Offset)).Should().Equal(("trip-4", 5L), ("trip-5", 6L));
        summary.Batches[2].Records.Select(r => r.Offset).Should().Equal(8, 9, 10, 11);
        var all = await TestConsumer.ReadAsync(fixture.Connection, IsolationLevel.ReadUncommitted, TestConsumer.Partitions(topic, 1), 10);
        all.Select(p => p.Offset.Value).Should().Equal(0, 1, 2, 3, 5, 6, 8, 9, 10, 11);
    }

    [Fact(Timeout = 120_000)]
    public async Task RunBatchAsync_BrokerAnswersProducerFenced_ThrowsFencedThenRefusesUse()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        await using var sut = CreateSut(o => o.Topics.Add(topic));
        await sut.InitAsync(TestContext.Current.CancellationToken);

        // The coordinator's answer is injected to test the handling of a fenced EndTxn alone;
        // ReadCommittedScenarios.SecondProducerWithSameTransactionalId_FencesTheFirst fences for real.
        fixture.Cluster.FailNextRequests(KafkaApiKey.EndTxn, ErrorCode.ProducerFenced);
        var act = () => sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);

        var thrown = (await act.Should().ThrowAsync<TransactionalProducerFatalException>()).Which;
        thrown.IsFenced.Should().BeTrue(thrown.Message);
        thrown.Message.Should().Contain($"Another producer with transactional.id '{sut.TransactionalId}' started").And.Contain("can no longer be used");
        (await sut.Invoking(p => p.RunBatchAsync(TestRecords.Make(4), CancellationToken.None)).Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Be(thrown.Message);
    }

    [Fact(Timeout = 120_000)]
    public async Task RunBatchAsync_BrokerRejectsRecords_AbortsThatBatchAndLaterBatchesCommit()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        await using var sut = CreateSut(o => o.Topics.Add(topic));
        await sut.InitAsync(TestContext.Current.CancellationToken);

        fixture.Cluster.FailNextRequests(KafkaApiKey.Produce, ErrorCode.MsgSizeTooLarge);
        var rejected = await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);
        var later = new List<TransactionBatchResult>();
        for (var i = 0; i < 3; i++)
        {
            later.Add(await sut.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken));
        }

        rejected.Outcome.Should().Be(TransactionOutcome.Failed, rejected.Reason);
        rejected.Error.Should().BeAssignableTo<KafkaException>().Which.Error.Code.Should().Be(ErrorCode.MsgSizeTooLarge);

        // Measured: librdkafka's epoch bump after the abortable error can still purge the next batch's records
        // (Local_PurgeQueue); that batch is reported Failed too, and the batches after it commit.
        later.Should().OnlyContain(b => b.Outcome != TransactionOutcome.Aborted);
        later[^1].Outcome.Should().Be(TransactionOutcome.Committed, string.Join(" | ", later.Select(b => b.Reason)));
    }

    private TransactionalBatchProducer CreateSut(Action<TransactionalBatchOptions> configure)
    {
        var options = LabPreset.Apply(new TransactionalBatchOptions { TransactionalId = $"tx-{Guid.NewGuid():N}", DecisionDelay = TimeSpan.Zero });
        configure(options);
        return new TransactionalBatchProducer(fixture.Connection, options);
    }

    private long HighWatermark(string topic, int partition)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(fixture.Connection.CreateConsumerConfig("watermarks")).Build();
        return consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10)).High.Value;
    }
}
