namespace Breadcrumb.Kafka.Samples.Tests.Support;

public sealed class GroupAssignmentTests
{
    [Fact]
    public void AtFirstClose_PartnerClosedFirstAndItsPartitionsMovedOver_EachKeepsWhatItHeldBeforeTheFirstClose()
    {
        // Seen in a lab run: consumer1 closed at 1.06 s, and the broker gave its partitions to consumer0 at 1.12 s,
        // before consumer0 itself closed.
        var consumer0 = Member("consumer0", [0, 1, 2, 3, 4, 5],
            Step(0.01, "assigned", [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5]),
            Step(0.12, "revoked", [3, 4, 5], [0, 1, 2]),
            Step(1.12, "assigned", [3, 4, 5], [0, 1, 2, 3, 4, 5]),
            Step(1.125, ConsumerReport.ClosedChange, [0, 1, 2, 3, 4, 5], []));
        var consumer1 = Member("consumer1", [3, 4, 5], Step(0.16, "assigned", [3, 4, 5], [3, 4, 5]), Step(1.06, ConsumerReport.ClosedChange, [3, 4, 5], []));

        var sut = GroupAssignment.AtFirstClose([consumer0, consumer1]);

        sut.Select(m => string.Join(",", m.Partitions)).Should().Equal("0,1,2", "3,4,5");
    }

    [Fact]
    public void AtFirstClose_PartitionsMovedBetweenMembersBeforeTheStop_KeepsTheLaterOwner()
    {
        var consumer0 = Member("consumer0", [0, 1],
            Step(0.01, "assigned", [0, 1, 2], [0, 1, 2]), Step(0.2, "revoked", [2], [0, 1]), Step(1.0, ConsumerReport.ClosedChange, [0, 1], []));
        var consumer1 = Member("consumer1", [2], Step(0.3, "assigned", [2], [2]), Step(1.1, ConsumerReport.ClosedChange, [2], []));

        GroupAssignment.AtFirstClose([consumer0, consumer1]).Select(m => string.Join(",", m.Partitions)).Should().Equal("0,1", "2");
    }

    [Fact]
    public void AtFirstClose_NoCloseRecorded_KeepsTheMembersOwnFinalAssignment()
    {
        var member = Member("consumer0", [1, 2], Step(0.1, "assigned", [1, 2], [1, 2]));

        GroupAssignment.AtFirstClose([member]).Single().Partitions.Should().Equal(1, 2);
    }

    private static AssignmentStep Step(double seconds, string change, int[] partitions, int[] held) => new(seconds, change, partitions, held);

    private static ConsumerReport Member(string name, int[] final, params AssignmentStep[] history) =>
        new(name, "g", final, 0, new Dictionary<int, long>(), history);
}
