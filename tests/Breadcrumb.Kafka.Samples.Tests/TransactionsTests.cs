using Breadcrumb.Kafka.Samples.Transactions;

namespace Breadcrumb.Kafka.Samples.Tests;

public sealed class TransactionsTests(SectionFixture fixture) : IClassFixture<SectionFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task I_EmbeddedBroker_ReadCommittedConsumerSeesExactlyTheCommittedRecords()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await TransactionsSection.RunAsync(sut, new TransactionsOptions { Batches = 6, Wait = TimeSpan.FromMilliseconds(50), SecondTopic = fixture.CreateTopic() });

        summary.BrokerFiltersAborted.Should().BeTrue(summary.ProbeReason);
        summary.AbortedRecords.Should().BeGreaterThan(0, "seed 42's coin flips abort some batches, so the check means something");
        summary.ConsumedRecords.Should().Be(summary.CommittedRecords);
        summary.OnlyCommittedSeen.Should().BeTrue();
        summary.Parts.Should().OnlyContain(p => p.AbortedSeen == 0 && p.Missed == 0 && p.PreexistingRecords == 0);
        summary.Limitation.Should().BeNull();
        summary.CheckInvariants(0).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task I_ReadUncommittedConsumer_SeesAbortedRecordsAndIsReportedBroken()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await TransactionsSection.RunAsync(sut, new TransactionsOptions
        {
            Batches = 6, Wait = TimeSpan.FromMilliseconds(50), SecondTopic = fixture.CreateTopic(), IsolationLevel = Confluent.Kafka.IsolationLevel.ReadUncommitted,
        });

        summary.AbortedRecords.Should().BeGreaterThan(0);
        summary.AbortedSeen.Should().Be(summary.AbortedRecords, "read_uncommitted shows every aborted record, and each names its transaction");
        summary.PreexistingRecords.Should().Be(0);
        summary.CheckInvariants(0).Should().Contain(s => s.Contains("read_uncommitted consumer received", StringComparison.Ordinal));
    }
}
