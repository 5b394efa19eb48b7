using Breadcrumb.Kafka.Samples.Flush;

namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class FlushInvariantsTests
{
    [Fact]
    public void CheckInvariants_AllThreeRunsWhole_Holds() => HealthySummaries.G().CheckInvariants(0).Should().BeEmpty();

    [Fact]
    public void CheckInvariants_NeverRunDropsDeliveryReportsOfStoredRecords_ReportsBroken()
    {
        // Issue 21: disposing the producer dropped 8 reports of records the broker had stored.
        var healthy = HealthySummaries.G();
        var sut = healthy with { Runs = [healthy.Runs[0] with { DeliveryReports = 37 }, .. healthy.Runs.Skip(1)] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Be("never: the broker stores 45 records from this run but 37 delivery reports arrived.");
    }

    [Fact]
    public void CheckInvariants_ProducerLosesRecords_ReportsBroken()
    {
        var healthy = HealthySummaries.G();
        var sut = healthy with { Runs = [healthy.Runs[0], healthy.Runs[1] with { Stored = 40, DeliveryReports = 40, Received = 40 }, healthy.Runs[2]] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Be("each: 45 sent but the broker stores 40 from this run.");
    }

    [Fact]
    public void CheckInvariants_ConsumerMissesRecords_ReportsBroken()
    {
        var healthy = HealthySummaries.G();
        var sut = healthy with { Runs = [.. healthy.Runs.Take(2), healthy.Runs[2] with { Received = 44 }] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("pause5-flush15").And.Contain("received 44");
    }

    [Fact]
    public void Compute_RecordsReceivedBeforeTheirFlush_CountsThemAgainstTheFlushThatFollowedTheirSend()
    {
        // Records 0–2 sent at 0, 10, 20 ms; a flush at 25 ms covers them; record 3 is sent after the last flush.
        double[] sent = [0, 10, 20, 30];
        var delivered = new Dictionary<int, double> { [0] = 5, [1] = 26, [2] = 27, [3] = 40 };
        var received = new Dictionary<int, double> { [0] = 8, [1] = 24, [2] = 30, [3] = 45 };

        var sut = FlushMetrics.Compute("r", "d", sent, delivered, received, [25], stored: 4, seconds: 0.05);

        sut.ReceivedBeforeTheirFlush.Should().Be(2);
        sut.RecordsWithAFlushAfter.Should().Be(3);
        sut.DeliveredBeforeNextSend.Should().Be(2, "records 0 and 2 were confirmed before the next send, record 1 after");
        sut.MedianSendToReceiveMs.Should().Be(14);
        sut.LastReportAfterLastSendMs.Should().Be(10);
        sut.FirstReportAfterFirstSendMs.Should().Be(5);
    }

    [Fact]
    public void Compute_NoFlush_LeavesTheFlushColumnEmpty()
    {
        var sut = FlushMetrics.Compute("never", "d", [0, 1], new Dictionary<int, double>(), new Dictionary<int, double>(), [], stored: 2, seconds: 1);

        sut.ReceivedBeforeTheirFlush.Should().BeNull();
        sut.MedianSendToDeliveryMs.Should().BeNull();
        sut.DeliveryReports.Should().Be(0);
    }
}
