using Breadcrumb.Kafka.Broker;
using Breadcrumb.Kafka.IntegrationTests.Reliability.Support;
using Breadcrumb.Kafka.IntegrationTests.Transactions;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>
/// Issue 9: transaction coordinator failures (EndTxn and AddPartitionsToTxn answered with errors) leave every batch
/// committed or aborted, never half visible to a read_committed consumer.
/// </summary>
public sealed class TransactionCoordinatorFaultTests(TransactionProbeFixture fixture) : IClassFixture<TransactionProbeFixture>
{
    private const int Partitions = 3;
    private const int Batches = 18;

    [Fact(Timeout = 90_000)]
    public async Task CoinFlipBatches_CoordinatorErrorsOnEndTxnAndAddPartitions_ReadCommittedSeesWholeCommittedBatchesOnly()
    {
        var capability = await fixture.ProbeAsync(BrokerRequirement.ReadCommitted);
        if (!capability.IsSupported)
        {
            Assert.Skip($"embedded broker: {capability}");
        }

        var topic = fixture.CreateTopic(Partitions, "txn-faults");
        var results = new List<TransactionBatchResult>();
        await using (var sut = CreateSut(topic))
        {
            for (var batch = 0; batch < Batches; batch++)
            {
                Inject(batch);
                results.Add(await sut.RunBatchAsync([.. Ids.Records(batch * 4L, 4)], TestContext.Current.CancellationToken));
            }
        }

        var summary = new TransactionRunSummary(results, [topic]);
        var seen = await TestConsumer.ReadAsync(
            fixture.Connection, IsolationLevel.ReadCommitted, TestConsumer.Partitions(topic, Partitions), summary.CommittedRecords.Count);

        // Each Produce answered INVALID_RECORD makes its batch abortable. librdkafka then bumps its epoch, and the batch right
        // after may lose records it queued meanwhile ("Purged in queue"): a client-side consequence, never a broker error.
        var failed = results.Where(r => r.Outcome == TransactionOutcome.Failed).ToList();
        failed.Count(r => r.Reason.Contains("failed to validate record", StringComparison.Ordinal)).Should().Be(3, Describe(results));
        failed.Where(r => !r.Reason.Contains("failed to validate record", StringComparison.Ordinal))
            .Should().OnlyContain(r => r.Reason.Contains("Purged", StringComparison.Ordinal), Describe(results));
        summary.CommittedBatches.Should().BePositive();
        summary.AbortedBatches.Should().BePositive("the seeded coin must abort some batches for the check to mean anything");
        var report = ReadCommittedVerifier.Verify(summary, seen);
        report.OnlyCommittedSeen.Should().BeTrue(report.ToString());
        seen.Should().HaveCount(summary.CommittedBatches * 4, "every committed batch is seen whole, and nothing else");
    }

    private void Inject(int batch)
    {
        switch (batch % 6)
        {
            case 1:
                // Retriable: librdkafka retries EndTxn itself until the coordinator answers.
                fixture.Cluster.FailNextRequests(
                    KafkaApiKey.EndTxn, ErrorCode.GroupCoordinatorNotAvailable, ErrorCode.NotCoordinatorForGroup, ErrorCode.ConcurrentTransactions);
                break;
            case 3:
                fixture.Cluster.FailNextRequests(KafkaApiKey.AddPartitionsToTxn, ErrorCode.GroupLoadInProgress, ErrorCode.ConcurrentTransactions);
                break;
            case 5 when batch < 18:
                // Not retriable: the transaction can only be aborted. (On the transaction's first AddPartitionsToTxn it would
                // be fatal, as on Kafka: nothing was added, so the coordinator answers the abort INVALID_TXN_STATE.)
                fixture.Cluster.FailNextRequests(KafkaApiKey.Produce, ErrorCode.InvalidRecord);
                break;
        }
    }

    private static string Describe(List<TransactionBatchResult> results) =>
        string.Join("; ", results.Select(r => $"#{r.BatchNumber} {r.Outcome}{(r.Outcome == TransactionOutcome.Failed ? $" ({r.Reason})" : string.Empty)}"));

    private TransactionalBatchProducer CreateSut(string topic)
    {
        var options = LabPreset.Apply(new TransactionalBatchOptions
        {
            TransactionalId = $"txn-faults-{Guid.NewGuid():N}",
            BatchSize = 4,
            DecisionDelay = TimeSpan.Zero,
            Decision = TransactionDecision.CoinFlip(9),
            KeySelector = r => r.EventNoStop,
            MaxRetries = 10,
            RetryBackoff = TimeSpan.FromMilliseconds(20),
        });
        options.Topics.Add(topic);
        return new TransactionalBatchProducer(fixture.Connection, options);
    }
}
