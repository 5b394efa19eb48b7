namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class StorageInvariantsTests
{
    [Fact]
    public void CheckInvariants_OffsetsRemembered_Holds() => HealthySummaries.C().CheckInvariants(0).Should().BeEmpty();

    [Fact]
    public void CheckInvariants_SecondRunOfSameGroupGetsRecords_ReportsBroken() =>
        (HealthySummaries.C() with { SecondRunSameGroup = 1000 }).CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("second run in the same group got 1000");

    [Fact]
    public void CheckInvariants_DrainLeavesRecords_ReportsBroken() =>
        (HealthySummaries.C() with { Drained = 900, RemainingAfterDrain = 100 }).CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("left 100");

    [Fact]
    public void CheckInvariants_BrokerHeldFewerThanProduced_ReportsBroken() =>
        (HealthySummaries.C() with { HeldBeforeConsumers = 0 }).CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("held 0 before any consumer ran");
}
