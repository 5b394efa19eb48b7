using Confluent.Kafka;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Tests.Support;

public sealed class ConsumerReportTests
{
    [Fact]
    public void From_MemberGaveUpHalfThenClosed_PartitionsAreTheFinalAssignmentAndTheTimelineReplaysIt()
    {
        var summary = Summary(
            final: [0, 1, 2],
            (0.1, PartitionAssignmentKind.Assigned, [0, 1, 2, 3, 4, 5]),
            (0.4, PartitionAssignmentKind.Revoked, [3, 4, 5]),
            (2.0, PartitionAssignmentKind.Revoked, [0, 1, 2]));

        var sut = ConsumerReport.From(summary);

        sut.Partitions.Should().Equal(0, 1, 2);
        sut.History.Select(h => (h.Change, string.Join(",", h.Held))).Should().Equal(
            ("assigned", "0,1,2,3,4,5"), ("revoked", "0,1,2"), ("revoked on close", string.Empty));
    }

    [Fact]
    public void From_LostPartitionsBeforeStopping_NoCloseLabelAndNothingHeld()
    {
        var summary = Summary(final: [], (0.1, PartitionAssignmentKind.Assigned, [0, 1]), (0.5, PartitionAssignmentKind.Lost, [0, 1]));

        var sut = ConsumerReport.From(summary);

        sut.Partitions.Should().BeEmpty();
        sut.History[^1].Change.Should().Be("lost");
        sut.History[^1].Held.Should().BeEmpty();
    }

    private static ConsumeResultSummary Summary(int[] final, params (double Seconds, PartitionAssignmentKind Kind, int[] Partitions)[] changes) => new()
    {
        ConsumerName = "consumer0",
        GroupId = "g",
        Topics = ["t"],
        FilterDescription = "any",
        Total = 0,
        Skipped = 0,
        PerKey = new Dictionary<string, long>(),
        PerPartition = [],
        OrderHeld = true,
        OrderViolations = [],
        PartitionsAssigned = [],
        FinalAssignment = [.. final.Select(p => new TopicPartition("t", p))],
        AssignmentHistory = [.. changes.Select(c => new PartitionAssignmentChange(TimeSpan.FromSeconds(c.Seconds), c.Kind, [.. c.Partitions.Select(p => new TopicPartition("t", p))]))],
        StopReason = ConsumeStopReason.Cancelled,
        Elapsed = TimeSpan.FromSeconds(2),
        Warnings = [],
    };
}
