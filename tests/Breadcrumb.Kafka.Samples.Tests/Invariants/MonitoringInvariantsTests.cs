using Breadcrumb.Kafka.Samples.Monitoring;

namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class MonitoringInvariantsTests
{
    [Fact]
    public void CheckInvariants_ReadingsMatchTheLoad_Holds()
    {
        var sut = HealthySummaries.B();

        sut.CheckInvariants(0).Should().BeEmpty();
        sut.RecordsIn.Should().Be(300);
        sut.ProducerPerSecond.Should().Be(100);
        sut.InPerSecondWhileProducing.Should().Be(100);
        sut.LagZeroAt.Should().Be(4.0);
    }

    [Fact]
    public void CheckInvariants_LagNeverBackToZero_ReportsBroken()
    {
        var healthy = HealthySummaries.B();
        var sut = healthy with { Ticks = [.. healthy.Ticks.Take(4), healthy.Ticks[4] with { Lag = 120 }] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("lag was not back to 0 within 5 s").And.Contain("lag 120");
    }

    [Fact]
    public void CheckInvariants_LagBackToZeroTooLate_ReportsBroken()
    {
        var sut = HealthySummaries.B() with { LagBoundSeconds = 0.2 };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("within 0.2 s");
    }

    [Fact]
    public void CheckInvariants_InRateFarFromProducerRate_ReportsBroken()
    {
        var healthy = HealthySummaries.B();
        // The watermarks hardly moved while the producer claims 100 records/s: the monitor is not seeing its records.
        var sut = healthy with { Produced = 300, Ticks = [healthy.Ticks[0], healthy.Ticks[1], healthy.Ticks[2] with { High = 60 }, healthy.Ticks[3] with { High = 90 }, healthy.Ticks[4]] };

        sut.CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("showed 20 in/s").And.Contain("100/s");
    }

    [Fact]
    public void CheckInvariants_WatermarksGrewLessThanConfirmed_ReportsBroken()
    {
        var sut = HealthySummaries.B() with { Produced = 310 };

        sut.CheckInvariants(0).Should().Contain(s => s.Contains("grew by 300 records, but the producer had 310 confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckInvariants_NoReadingWithinTheProduction_ReportsBroken()
    {
        var sut = HealthySummaries.B() with { LoadStartedAt = 1.5, LoadStoppedAt = 2.5 };

        sut.CheckInvariants(0).Should().Contain(s => s.Contains("no reading fell entirely within the production", StringComparison.Ordinal));
    }
}
