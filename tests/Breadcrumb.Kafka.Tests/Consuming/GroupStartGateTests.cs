using Breadcrumb.Kafka.Lab.Consuming.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Tests.Consuming;

public sealed class GroupStartGateTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void Report_OpensOnlyWhenEveryMemberHoldsAPartition()
    {
        var sut = new GroupStartGate(members: 2, partitions: 6, TimeSpan.FromSeconds(15), time);

        sut.Report(0, 6);
        sut.IsOpen.Should().BeFalse("the first member holds everything until the second joins");
        sut.Report(0, 3);
        sut.Report(1, 3);

        sut.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void Report_MoreMembersThanPartitions_OpensWhenEveryPartitionHasAnOwner()
    {
        var sut = new GroupStartGate(members: 3, partitions: 2, TimeSpan.FromSeconds(15), time);

        sut.Report(0, 1);
        sut.Report(2, 1);

        sut.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void CheckOpen_AfterTimeout_OpensEvenIfAMemberHasNothing()
    {
        var sut = new GroupStartGate(members: 2, partitions: 6, TimeSpan.FromSeconds(15), time);
        sut.Report(0, 6);

        time.Advance(TimeSpan.FromSeconds(14));
        sut.CheckOpen().Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        sut.CheckOpen().Should().BeTrue();
        sut.WhenOpen.IsCompletedSuccessfully.Should().BeTrue();
    }
}
