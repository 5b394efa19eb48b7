using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Transactions;

public sealed class ReadCommittedVerifierTests
{
    [Fact]
    public void Verify_ExactlyCommittedSeenOnce_OnlyCommittedSeen()
    {
        var sut = ReadCommittedVerifier.Verify(P("a", 0, 1, 2), P("a", 4, 5), [], P("a", 2, 0, 1));

        sut.OnlyCommittedSeen.Should().BeTrue();
        sut.Topics["a"].Seen.Should().Equal(P("a", 0, 1, 2));
        sut.ToString().Should().StartWith("only committed records seen, each once");
    }

    [Fact]
    public void Verify_AbortedLeaked_ReportsLeakAndFails()
    {
        var sut = ReadCommittedVerifier.Verify(P("a", 0, 1), P("a", 3, 4), [], P("a", 0, 1, 3, 4));

        sut.OnlyCommittedSeen.Should().BeFalse();
        sut.Topics["a"].LeakedAborted.Should().Equal(P("a", 3, 4));
        sut.Topics["a"].Missed.Should().BeEmpty();
        sut.Topics["a"].ToString().Should().Be(
            "a: 2 committed, 2 seen, 0 missed, 0 seen twice, 2 aborted leaked, 0 open leaked, 0 unexpected; aborted leaked: [0]@3, [0]@4");
    }

    [Fact]
    public void Verify_OpenLeaked_ReportsOpenLeak()
    {
        var sut = ReadCommittedVerifier.Verify(P("a", 0), [], P("a", 2, 3), P("a", 0, 2));

        sut.OnlyCommittedSeen.Should().BeFalse();
        sut.Topics["a"].LeakedOpen.Should().Equal(P("a", 2));
        sut.Topics["a"].LeakedAborted.Should().BeEmpty();
    }

    [Fact]
    public void Verify_CommittedNotSeen_ReportsMissed()
    {
        var sut = ReadCommittedVerifier.Verify(P("a", 0, 1, 2), [], [], P("a", 0));

        sut.OnlyCommittedSeen.Should().BeFalse();
        sut.Topics["a"].Missed.Should().Equal(P("a", 1, 2));
        sut.Topics["a"].Seen.Should().Equal(P("a", 0));
    }

    [Fact]
    public void Verify_CommittedSeenTwice_ReportsDuplicateOnce()
    {
        var sut = ReadCommittedVerifier.Verify(P("a", 0, 1), [], [], P("a", 0, 1, 1, 1));

        sut.OnlyCommittedSeen.Should().BeFalse();
        sut.Topics["a"].SeenTwice.Should().Equal(P("a", 1));
        sut.Topics["a"].Missed.Should().BeEmpty();
    }

    [Fact]
    public void Verify_RecordOfNoTransaction_ReportsUnexpected()
    {
        var sut = ReadCommittedVerifier.Verify(P("a", 0), [], [], P("a", 0).Concat(P("other", 7)));

        sut.OnlyCommittedSeen.Should().BeFalse();
        sut.Topics["other"].Unexpected.Should().Equal(P("other", 7));
        sut.Topics["a"].OnlyCommittedSeen.Should().BeTrue();
    }

    [Fact]
    public void Verify_TwoTopics_ReportsEachSeparately()
    {
        var committed = P("a", 0, 1).Concat(P("b", 0, 1));
        var aborted = P("a", 3, 4).Concat(P("b", 3, 4));

        var sut = ReadCommittedVerifier.Verify(committed, aborted, [], P("a", 0, 1).Concat(P("b", 0, 1, 4)));

        sut.Topics["a"].OnlyCommittedSeen.Should().BeTrue();
        sut.Topics["b"].OnlyCommittedSeen.Should().BeFalse();
        sut.Topics["b"].LeakedAborted.Should().Equal(P("b", 4));
    }

    [Fact]
    public void Verify_SamePositionInTwoPartitions_NotConfused()
    {
        var committed = new[] { new TopicPartitionOffset("a", 0, 5) };
        var aborted = new[] { new TopicPartitionOffset("a", 1, 5) };

        var sut = ReadCommittedVerifier.Verify(committed, aborted, [], [new TopicPartitionOffset("a", 1, 5)]);

        sut.Topics["a"].Missed.Should().Equal(committed);
        sut.Topics["a"].LeakedAborted.Should().Equal(aborted);
    }

    [Fact]
    public void Verify_PositionBothCommittedAndAborted_ThrowsSayingWhich()
    {
        var act = () => ReadCommittedVerifier.Verify(P("a", 0), P("a", 0), [], []);

        act.Should().Throw<ArgumentException>().WithMessage("a [0] @0 is given as both Committed and Aborted*");
    }

    [Fact]
    public void Verify_FromRunSummary_UsesItsCommittedAndAbortedRecords()
    {
        var summary = new TransactionRunSummary(
        [
            TransactionRunSummaryTests.Batch(1, TransactionOutcome.Committed, ("a", 0), ("a", 1)),
            TransactionRunSummaryTests.Batch(2, TransactionOutcome.Failed, ("a", 3)),
        ]);

        var clean = ReadCommittedVerifier.Verify(summary, P("a", 0, 1));
        var leaky = ReadCommittedVerifier.Verify(summary, P("a", 0, 1, 3));

        clean.OnlyCommittedSeen.Should().BeTrue();
        leaky.Topics["a"].LeakedAborted.Should().Equal(P("a", 3));
    }

    [Fact]
    public void Verify_NothingConsumedNothingWritten_Passes()
    {
        ReadCommittedVerifier.Verify([], [], [], []).Topics.Should().BeEmpty();
    }

    private static TopicPartitionOffset[] P(string topic, params long[] offsets) =>
        [.. offsets.Select(o => new TopicPartitionOffset(topic, 0, o))];
}
