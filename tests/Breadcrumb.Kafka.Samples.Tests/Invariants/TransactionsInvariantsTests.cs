using Breadcrumb.Kafka.Samples.Transactions;

namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class TransactionsInvariantsTests
{
    private static readonly TransactionTags Tags = new("lab-i-test");

    [Fact]
    public void CheckInvariants_OnlyCommittedSeen_Holds() => HealthySummaries.I().CheckInvariants(0).Should().BeEmpty();

    [Fact]
    public void CheckInvariants_AnyAbortedRecordSeen_ReportsBroken()
    {
        var healthy = HealthySummaries.I();
        var sut = healthy with { AbortedSeen = 1, Parts = [healthy.Parts[0], healthy.Parts[1] with { AbortedSeen = 1 }] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Be("two topics: the read_committed consumer received 1 records of aborted transactions.");
    }

    [Fact]
    public void CheckInvariants_OlderRecordsInTheTopic_ReportsBroken()
    {
        var healthy = HealthySummaries.I();
        var sut = healthy with { Parts = [healthy.Parts[0] with { PreexistingRecords = 2000 }, healthy.Parts[1]] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("2000 records older than the part");
    }

    [Fact]
    public void CheckInvariants_CommittedRecordMissed_ReportsBroken()
    {
        var healthy = HealthySummaries.I();
        var sut = healthy with { Parts = [healthy.Parts[0] with { Missed = 4 }, healthy.Parts[1]] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().StartWith("one topic: 4 committed records were never received");
    }

    [Fact]
    public void Classify_RecordsNamingTheirTransaction_SortedByThatTransactionsOutcome()
    {
        var outcomes = new Dictionary<int, bool> { [1] = true, [2] = false };
        (string, int, long, string?)[] received =
        [
            ("t", 0, 0, Tags.Key(1, 0)), ("t", 0, 1, Tags.Key(1, 1)), ("t", 1, 0, Tags.Key(2, 0)),
            ("t", 0, 1, Tags.Key(1, 1)), ("t", 2, 7, "an-older-record"), ("t", 2, 8, "lab-i-other/t1/r0"),
        ];

        var sut = ReadClassifier.Classify(Tags, outcomes, committedRecords: 3, received);

        sut.Should().Be((2, 1, 1, 1, 2), "committed seen, aborted seen, seen twice, missed, preexisting");
    }

    [Fact]
    public void Transaction_KeyOfThisProducer_ReadsTheNumberBack()
    {
        Tags.Transaction(Tags.Key(12, 3)).Should().Be(12);
        Tags.Transaction("lab-i-test/tX/r0").Should().BeNull();
        Tags.Transaction(null).Should().BeNull();
    }
}
