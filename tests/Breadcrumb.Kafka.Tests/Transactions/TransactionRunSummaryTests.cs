using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Transactions;

public sealed class TransactionRunSummaryTests
{
    [Fact]
    public void Counts_MixedOutcomesAcrossTwoTopics_AddUpPerTopic()
    {
        var sut = new TransactionRunSummary(
        [
            Batch(1, TransactionOutcome.Committed, ("a", 0), ("a", 1), ("b", 0), ("b", 1)),
            Batch(2, TransactionOutcome.Aborted, ("a", 3), ("a", 4), ("b", 3), ("b", 4)),
            Batch(3, TransactionOutcome.Failed, ("a", 6)),
            Batch(4, TransactionOutcome.Committed, ("a", 8), ("a", 9), ("b", 6), ("b", 7)),
        ]);

        sut.BatchCount.Should().Be(4);
        sut.CommittedBatches.Should().Be(2);
        sut.AbortedBatches.Should().Be(1);
        sut.FailedBatches.Should().Be(1);
        sut.CommittedRecords.Should().HaveCount(8);
        sut.AbortedRecords.Should().HaveCount(5);
        sut.Topics["a"].Should().Be(new TopicTransactionCounts("a", 4, 3));
        sut.Topics["b"].Should().Be(new TopicTransactionCounts("b", 4, 2));
        sut.Topics["a"].TotalRecords.Should().Be(7);
        sut.ToString().Should().Be("4 batches: 2 committed (8 records), 1 aborted, 1 failed (5 records)");
    }

    [Fact]
    public void Topics_GivenTopicWithoutRecords_ListedWithZeros()
    {
        var sut = new TransactionRunSummary([Batch(1, TransactionOutcome.Aborted, ("a", 0))], ["a", "empty"]);

        sut.Topics.Keys.Should().BeEquivalentTo("a", "empty");
        sut.Topics["empty"].Should().Be(new TopicTransactionCounts("empty", 0, 0));
        sut.Topics["a"].Should().Be(new TopicTransactionCounts("a", 0, 1));
    }

    [Fact]
    public void Empty_HasNoBatches()
    {
        var sut = new TransactionRunSummary([]);

        sut.BatchCount.Should().Be(0);
        sut.Topics.Should().BeEmpty();
        sut.CommittedRecords.Should().BeEmpty();
    }

    internal static TransactionBatchResult Batch(int number, TransactionOutcome outcome, params (string Topic, long Offset)[] records) =>
        new(number, outcome, [.. records.Select(r => new TransactionRecord(r.Topic, 0, r.Offset, null))], outcome.ToString());
}
