using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Tests.Transactions;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>
/// Kafka's read_committed and exactly-once expectations, written once and run on every broker tier by a one-line subclass.
/// A tier that cannot run a scenario skips it with the reason; it never passes it.
/// </summary>
public abstract partial class ReadCommittedScenarios
{
    private const int Seed = 2026;

    /// <summary>Gives a broker that meets <paramref name="requirement"/>, or skips the test with the reason.</summary>
    protected abstract Task<ScenarioBroker> CreateBrokerAsync(BrokerRequirement requirement);

    [Fact(Timeout = 120_000)]
    public async Task CoinFlipBatches_OneTopic_ReadCommittedSeesExactlyCommittedOnce()
    {
        var broker = await CreateBrokerAsync(BrokerRequirement.ReadCommitted);
        var topic = await broker.CreateTopicAsync(3);
        await using var producer = CreateProducer(broker, o =>
        {
            o.Topics.Add(topic);
            o.Decision = new CoinFlipDecision(Seed);
        });

        var summary = await producer.RunAsync(TestRecords.Make(80), 20, cancellationToken: TestContext.Current.CancellationToken);
        var seen = await TestConsumer.ReadAsync(broker.Connection, IsolationLevel.ReadCommitted, TestConsumer.Partitions(topic, 3), summary.CommittedRecords.Count);

        summary.AbortedBatches.Should().BeGreaterThan(0, "the seed must abort some batches for the check to mean anything");
        var report = ReadCommittedVerifier.Verify(summary, seen);
        report.OnlyCommittedSeen.Should().BeTrue(report.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task CoinFlipBatches_TwoPlusTwoAcrossTwoTopics_ReadCommittedSeesExactlyCommittedOnce()
    {
        var broker = await CreateBrokerAsync(BrokerRequirement.ReadCommitted);
        var first = await broker.CreateTopicAsync(3);
        var second = await broker.CreateTopicAsync(3);
        await using var producer = CreateProducer(broker, o =>
        {
            o.Topics.Add(first);
            o.Topics.Add(second);
            o.RecordsPerTopic.Add(2);
            o.RecordsPerTopic.Add(2);
            o.Decision = new CoinFlipDecision(Seed);
        });

        var summary = await producer.RunAsync(TestRecords.Make(80), 20, cancellationToken: TestContext.Current.CancellationToken);
        var seen = await TestConsumer.ReadAsync(
            broker.Connection, IsolationLevel.ReadCommitted, [.. TestConsumer.Partitions(first, 3), .. TestConsumer.Partitions(second, 3)], summary.CommittedRecords.Count);

        summary.AbortedBatches.Should().BeGreaterThan(0);
        var report = ReadCommittedVerifier.Verify(summary, seen);
        report.Topics.Keys.Should().BeEquivalentTo(first, second);
        report.OnlyCommittedSeen.Should().BeTrue(report.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task OpenTransaction_InvisibleToReadCommittedUntilCommit_VisibleToReadUncommittedAtOnce()
    {
        var broker = await CreateBrokerAsync(BrokerRequirement.ReadCommitted);
        var topic = await broker.CreateTopicAsync(1);
        var partitions = TestConsumer.Partitions(topic, 1);
        var time = new TimerSignallingTimeProvider();
        await using var producer = CreateProducer(broker, o =>
        {
            o.Topics.Add(topic);
            o.TimeProvider = time;
            o.DecisionDelay = TimeSpan.FromSeconds(2);
        });

        var batch = producer.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);
        await time.TimerCreated.WaitAsync(TestContext.Current.CancellationToken);
        var uncommitted = await TestConsumer.ReadAsync(broker.Connection, IsolationLevel.ReadUncommitted, partitions, 4);
        var committedWhileOpen = await TestConsumer.ReadAsync(broker.Connection, IsolationLevel.ReadCommitted, partitions, 0);
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await batch;
        var committedAfter = await TestConsumer.ReadAsync(broker.Connection, IsolationLevel.ReadCommitted, partitions, 4);

        result.Outcome.Should().Be(TransactionOutcome.Committed);
        var open = result.Records.Select(r => r.ToTopicPartitionOffset()).ToList();
        uncommitted.Should().BeEquivalentTo(open, "read_uncommitted sees an open transaction's records at once");
        var whileOpen = ReadCommittedVerifier.Verify([], [], open, committedWhileOpen);
        whileOpen.OnlyCommittedSeen.Should().BeTrue(whileOpen.ToString());
        var after = ReadCommittedVerifier.Verify(new TransactionRunSummary([result]), committedAfter);
        after.OnlyCommittedSeen.Should().BeTrue(after.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task Abort_WhileReadCommittedConsumerWaits_ConsumerMovesPastToLaterCommit()
    {
        var broker = await CreateBrokerAsync(BrokerRequirement.ReadCommitted);
        var topic = await broker.CreateTopicAsync(1);
        var time = new TimerSignallingTimeProvider();
        await using var aborting = CreateProducer(broker, o =>
        {
            o.Topics.Add(topic);
            o.TimeProvider = time;
            o.DecisionDelay = TimeSpan.FromSeconds(2);
            o.Decision = TransactionDecision.AlwaysAbort;
        });
        await using var committing = CreateProducer(broker, o => o.Topics.Add(topic));

        var abortedBatch = aborting.RunBatchAsync(TestRecords.Make(4), TestContext.Current.CancellationToken);
        await time.TimerCreated.WaitAsync(TestContext.Current.CancellationToken);
        var reader = TestConsumer.ReadAsync(broker.Connection, IsolationLevel.ReadCommitted, TestConsumer.Partitions(topic, 1), 4);
        time.Advance(TimeSpan.FromSeconds(2));
        var aborted = await abortedBatch;
        var committed = await committing.RunBatchAsync(TestRecords.Make(4, first: 4), TestContext.Current.CancellationToken);
        var seen = await reader;

        aborted.Outcome.Should().Be(TransactionOutcome.Aborted);
        committed.Records.Min(r => r.Offset).Should().BeGreaterThan(aborted.Records.Max(r => r.Offset));
        var report = ReadCommittedVerifier.Verify(new TransactionRunSummary([aborted, committed]), seen);
        report.OnlyCommittedSeen.Should().BeTrue(report.ToString());
    }

    private static TransactionalBatchProducer CreateProducer(ScenarioBroker broker, Action<TransactionalBatchOptions> configure)
    {
        var options = LabPreset.Apply(new TransactionalBatchOptions
        {
            TransactionalId = $"scenario-{Guid.NewGuid():N}",
            DecisionDelay = TimeSpan.Zero,
            KeySelector = r => r.VehicleId,
        });
        configure(options);
        return new TransactionalBatchProducer(broker.Connection, options);
    }
}
