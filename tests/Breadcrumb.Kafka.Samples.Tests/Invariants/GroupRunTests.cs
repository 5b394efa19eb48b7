namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

/// <summary>Sections E and H's group invariants, as pure functions of a group's figures.</summary>
public sealed class GroupRunTests
{
    [Fact]
    public void Check_DisjointCoveringAssignmentsEveryRecordOnce_Holds() => HealthySummaries.Group("5", "g", 1000).Check().Should().BeEmpty();

    [Fact]
    public void Check_TwoMembersEndHoldingOnePartition_ReportsOverlap()
    {
        var healthy = HealthySummaries.Group("5", "g", 1000);
        var sut = healthy with { Members = [healthy.Members[0], healthy.Members[1] with { Partitions = [2, 3, 4, 5] }] };

        sut.Check().Should().ContainSingle().Which.Should().Be("5 g: consumer0 and consumer1 both ended holding partition(s) 2.");
    }

    [Fact]
    public void Check_NoMemberHoldsAPartition_ReportsUncovered()
    {
        var healthy = HealthySummaries.Group("5", "g", 1000);
        var sut = healthy with { Members = [healthy.Members[0], healthy.Members[1] with { Partitions = [3, 4] }] };

        sut.Check().Should().ContainSingle().Which.Should().Be("5 g: no member held partition(s) 5 at the end.");
    }

    [Fact]
    public void Check_RecordReadTwiceWithinTheGroup_ReportsDuplicates()
    {
        var sut = HealthySummaries.Group("5", "g", 1000) with { Reads = 1003 };

        sut.ReadTwice.Should().Be(3);
        sut.Check().Should().ContainSingle().Which.Should().Be("5 g: 3 records were consumed twice within the group.");
    }

    [Fact]
    public void Check_MemberSkipsRecords_ReportsMissing()
    {
        // consumer1 held partitions 3–5 but never read records 500–599 of them: the group's ids have a hole.
        var sut = HealthySummaries.Group("5", "g", 1000) with { Reads = 900, ConsumedIds = [new OffsetRange(0, 0, 499), new OffsetRange(0, 600, 999)] };

        sut.Missing.Should().Be(100);
        sut.Check().Should().ContainSingle().Which.Should().Be("5 g: 1000 records were produced for the group; it missed 100 and read 0 others.");
    }

    [Fact]
    public void Check_GroupReadsRecordsOfAnotherStep_ReportsExtra()
    {
        var sut = HealthySummaries.Group("5", "g", 1000) with { Reads = 1010, ConsumedIds = [new OffsetRange(0, 0, 1009)] };

        sut.Check().Should().ContainSingle().Which.Should().Contain("missed 0 and read 10 others");
    }

    [Fact]
    public void ConcurrentCheckInvariants_MembersSplitWithoutLoss_Holds() => HealthySummaries.E().CheckInvariants(0).Should().BeEmpty();

    [Fact]
    public void ConcurrentCheckInvariants_ProducerLostRecords_ReportsBroken()
    {
        var healthy = HealthySummaries.E();
        var sut = healthy with { Producers = [.. healthy.Producers.Take(2), healthy.Producers[2] with { Delivered = 79 }] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Be("producer2: 79 of 80 records confirmed.");
    }

    [Fact]
    public void ConsumerGroupsCheckInvariants_EveryGroupWhole_Holds() => HealthySummaries.H().CheckInvariants(0).Should().BeEmpty();

    [Fact]
    public void ConsumerGroupsCheckInvariants_OneGroupMissesRecords_ReportsThatGroup()
    {
        var healthy = HealthySummaries.H();
        var sut = healthy with { Groups = [.. healthy.Groups.Take(3), healthy.Groups[3] with { Reads = 999, ConsumedIds = [new OffsetRange(0, 1, 999)] }] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().StartWith("5 group2: 1000 records were produced for the group; it missed 1");
    }
}
