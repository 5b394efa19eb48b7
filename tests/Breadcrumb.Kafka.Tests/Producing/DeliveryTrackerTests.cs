using Breadcrumb.Kafka.Producing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class DeliveryTrackerTests
{
    [Fact]
    public void Snapshot_Deliveries_GivesFirstLastAndCountPerPartition()
    {
        var sut = CreateSut();
        Deliver(sut, (1, 10453), (5, 42416), (1, 10454), (5, 43415));

        var summary = sut.Snapshot();

        summary.Partitions.Should().Equal(new PartitionOffsets(1, 10453, 10454, 2), new PartitionOffsets(5, 42416, 43415, 2));
        summary.Sent.Should().Be(4);
        summary.Delivered.Should().Be(4);
        summary.Pending.Should().Be(0);
    }

    [Fact]
    public void Snapshot_ReportsOutOfOrder_StillGivesLowestAndHighest()
    {
        var sut = CreateSut();
        Deliver(sut, (0, 7), (0, 5), (0, 6));

        sut.Snapshot().Partitions.Should().ContainSingle().Which.Should().Be(new PartitionOffsets(0, 5, 7, 3));
    }

    [Fact]
    public void Snapshot_SentButNotReported_CountsAsPending()
    {
        var sut = CreateSut();
        sut.OnSending();
        sut.OnSending();
        sut.OnDelivered(0, 0);

        sut.Snapshot().Pending.Should().Be(1);
    }

    [Fact]
    public void OnFailed_KeepsCodeAndReasonUpToTheCap()
    {
        var sut = CreateSut();
        for (var i = 0; i < DeliveryTracker.MaxFailures + 5; i++)
        {
            sut.OnSending();
            sut.OnFailed(new FailedRecord("1", -1, ErrorCode.Local_MsgTimedOut, "Message timed out"));
        }

        var summary = sut.Snapshot();

        summary.Failed.Should().Be(DeliveryTracker.MaxFailures + 5);
        summary.Failures.Should().HaveCount(DeliveryTracker.MaxFailures);
        summary.Failures[0].Should().Be(new FailedRecord("1", -1, ErrorCode.Local_MsgTimedOut, "Message timed out"));
    }

    [Fact(Timeout = 30_000)]
    public async Task OnDelivered_FromSeveralThreads_LosesNothing()
    {
        var sut = CreateSut();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                sut.OnSending();
                sut.OnDelivered(t, i);
            }
        })));

        var summary = sut.Snapshot();
        summary.Delivered.Should().Be(40_000);
        summary.Partitions.Should().HaveCount(4).And.AllSatisfy(p => p.Should().Be(new PartitionOffsets(p.Partition, 0, 9_999, 10_000)));
    }

    private static DeliveryTracker CreateSut() => new("producer0", "topic");

    private static void Deliver(DeliveryTracker tracker, params (int Partition, long Offset)[] deliveries)
    {
        foreach (var (partition, offset) in deliveries)
        {
            tracker.OnSending();
            tracker.OnDelivered(partition, offset);
        }
    }
}
