namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class KeysInvariantsTests
{
    [Fact]
    public void CheckInvariants_EveryKeyWhole_Holds() => HealthySummaries.F().CheckInvariants(0).Should().BeEmpty();

    [Fact]
    public void CheckInvariants_KeyConsumerMissesRecords_ReportsBroken()
    {
        var healthy = HealthySummaries.F();
        var sut = healthy with { PerKey = new Dictionary<string, long>(healthy.PerKey) { ["2"] = 180 } };

        sut.CheckInvariants(0).Should().HaveCount(2).And.Contain("key 2: the producer sent 190, its consumer kept 180.");
    }

    [Fact]
    public void CheckInvariants_MissingKeyFindsRecords_ReportsBroken() =>
        (HealthySummaries.F() with { MissingKeyCount = 3 }).CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("key 100 has no records, yet its consumer kept 3");

    [Fact]
    public void CheckInvariants_OrderBrokenWithinAKey_ReportsBroken() =>
        (HealthySummaries.F() with { OrderWithinKeyHeld = false }).CheckInvariants(0).Should().ContainSingle().Which.Should().Contain("backwards");

    [Fact]
    public void CheckInvariants_KeySetKeepsTooFew_ReportsBroken() =>
        (HealthySummaries.F() with { KeySet = HealthySummaries.F().KeySet with { Kept = 400 } }).CheckInvariants(0)
            .Should().ContainSingle().Which.Should().Be("key set 1,3: kept 400, the producer sent 410 with those keys.");
}
