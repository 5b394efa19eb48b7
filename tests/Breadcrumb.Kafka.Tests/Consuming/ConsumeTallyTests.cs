using Breadcrumb.Kafka.Lab.Consuming.Internal;
using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Consuming;

public sealed class ConsumeTallyTests
{
    private static KeyFilteredConsumerOptions Options(IRecordFilter filter) => LabPreset.Apply(new KeyFilteredConsumerOptions()
    {
        Topic = "t",
        GroupId = "g",
        Filter = filter,
        IdleTimeout = TimeSpan.FromSeconds(1.5),
    });

    [Fact]
    public void ToSummary_NothingKeptByKeyFilter_SaysNoRecordHadThatKey()
    {
        var sut = new ConsumeTally();
        sut.Skip(sut.Partition("t", 0), 0);
        sut.Skip(sut.Partition("t", 0), 1);

        var summary = sut.ToSummary(Options(RecordFilter.Key("100")), ConsumeStopReason.IdleTimeout, TimeSpan.FromSeconds(2));

        summary.Total.Should().Be(0);
        summary.Message.Should().Be("no record had key '100' (2 other records read from 't'; stopped after 1.5 s with nothing new)");
    }

    [Fact]
    public void ToSummary_EmptyTopicWithAnyFilter_SaysNothingWasRead()
    {
        var summary = new ConsumeTally().ToSummary(Options(RecordFilter.Any), ConsumeStopReason.EndOfPartitions, TimeSpan.Zero);

        summary.Message.Should().Be("no record was read from 't' (stopped at the end of every partition)");
    }

    [Fact]
    public void ToSummary_CountsPerKeyAndPartitionWithOffsetRanges()
    {
        var sut = new ConsumeTally();
        sut.Keep(sut.Partition("t", 1), "1", 10);
        sut.Skip(sut.Partition("t", 1), 11);
        sut.Keep(sut.Partition("t", 0), "2", 3);
        sut.Keep(sut.Partition("t", 1), "1", 12);

        var summary = sut.ToSummary(Options(RecordFilter.Keys("1", "2")), ConsumeStopReason.MaxRecords, TimeSpan.Zero);

        summary.Total.Should().Be(3);
        summary.Skipped.Should().Be(1);
        summary.Message.Should().BeNull();
        summary.PerKey.Should().BeEquivalentTo(new Dictionary<string, long> { ["1"] = 2, ["2"] = 1 });
        summary.PerPartition.Should().Equal(new PartitionCount("t", 0, 1, 0, 3, 3), new PartitionCount("t", 1, 2, 1, 10, 12));
        summary.OrderHeld.Should().BeTrue();
    }

    [Fact]
    public void Assignments_AccumulateIncrementalChangesIncludingEmptyOnes()
    {
        var sut = new ConsumeTally();
        sut.OnAssigned(TimeSpan.Zero, [new TopicPartition("t", 0), new TopicPartition("t", 1), new TopicPartition("t", 2)]);
        sut.OnAssigned(TimeSpan.FromMilliseconds(50), []);
        sut.OnRemoved(TimeSpan.FromMilliseconds(100), [new TopicPartition("t", 1)], lost: false);
        sut.OnAssigned(TimeSpan.FromMilliseconds(150), [new TopicPartition("t", 5)]);

        var summary = sut.ToSummary(Options(RecordFilter.Any), ConsumeStopReason.IdleTimeout, TimeSpan.Zero);

        summary.PartitionsAssigned.Select(p => p.Partition.Value).Should().Equal(0, 1, 2, 5);
        summary.FinalAssignment.Select(p => p.Partition.Value).Should().Equal(0, 2, 5);
        summary.AssignmentHistory.Select(c => c.Kind).Should().Equal(
            PartitionAssignmentKind.Assigned, PartitionAssignmentKind.Assigned, PartitionAssignmentKind.Revoked, PartitionAssignmentKind.Assigned);
        summary.AssignmentHistory[2].ToString().Should().Be("+0.10s revoked [1]");
    }

    [Fact]
    public void AllAssignedAtEnd_PartitionAssignedLater_IsNotAtEndUntilItsOwnEof()
    {
        var sut = new ConsumeTally();
        sut.OnAssigned(TimeSpan.Zero, [new TopicPartition("t", 0)]);
        sut.AtEnd("t", 0);
        sut.AllAssignedAtEnd.Should().BeTrue();

        sut.OnAssigned(TimeSpan.Zero, [new TopicPartition("t", 1)]);
        sut.AllAssignedAtEnd.Should().BeFalse();

        sut.AtEnd("t", 1);
        sut.AllAssignedAtEnd.Should().BeTrue();
        sut.Keep(sut.Partition("t", 1), "k", 7);
        sut.AllAssignedAtEnd.Should().BeFalse("a record after end-of-partition means the partition grew");
    }

    [Fact]
    public void AllAssignedAtEnd_NothingAssigned_IsFalse()
    {
        new ConsumeTally().AllAssignedAtEnd.Should().BeFalse();
    }
}
