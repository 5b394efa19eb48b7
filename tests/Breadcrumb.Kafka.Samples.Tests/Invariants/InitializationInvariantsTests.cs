namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class InitializationInvariantsTests
{
    [Fact]
    public void CheckInvariants_EverythingDeliveredAndConsumed_Holds() =>
        HealthySummaries.A().CheckInvariants(HealthySummaries.Records).Should().BeEmpty();

    [Fact]
    public void CheckInvariants_ProducerLosesRecords_ReportsBroken()
    {
        var sut = HealthySummaries.A() with { Produced = 990, Consumed = 990 };

        sut.CheckInvariants(HealthySummaries.Records).Should().ContainSingle().Which.Should().Contain("1000 records read").And.Contain("990 delivered");
    }

    [Fact]
    public void CheckInvariants_ConsumerShortOnePartition_ReportsBroken()
    {
        var sut = HealthySummaries.A() with { Consumed = 999, ConsumedPerPartition = new Dictionary<int, long> { [0] = 399, [1] = 600 } };

        sut.CheckInvariants(HealthySummaries.Records).Should().HaveCount(2).And.Contain(s => s.Contains("partition 0: 400 delivered, 399 consumed", StringComparison.Ordinal));
    }
}
