using Breadcrumb.Kafka.Samples.MultipleProducers;

namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class MultipleProducersInvariantsTests
{
    [Fact]
    public void CheckInvariants_BothProducersWhole_Holds() => HealthySummaries.D().CheckInvariants(HealthySummaries.Records).Should().BeEmpty();

    [Fact]
    public void CheckInvariants_ProducerLosesRecords_ReportsBroken()
    {
        var healthy = HealthySummaries.D();
        var sut = healthy with
        {
            Produced = 1990,
            Consumed = 1990,
            Producers = [healthy.Producers[0], new ProducerOffsets("producer1", "producer1", 990, [new PartitionSpan(5, 0, 989, 990)])],
        };

        sut.CheckInvariants(HealthySummaries.Records).Should().HaveCount(2)
            .And.Contain(s => s.StartsWith("producer1: 990 delivered", StringComparison.Ordinal))
            .And.Contain(s => s.Contains("received 1990, expected 2000", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckInvariants_AnotherWriterInsideTheOffsetSpan_ReportsBroken()
    {
        var healthy = HealthySummaries.D();
        var sut = healthy with { Producers = [healthy.Producers[0], new ProducerOffsets("producer1", "producer1", 1000, [new PartitionSpan(5, 0, 1009, 1000)])] };

        sut.CheckInvariants(HealthySummaries.Records).Should().ContainSingle().Which.Should().Contain("spans adding to 1010");
    }
}
