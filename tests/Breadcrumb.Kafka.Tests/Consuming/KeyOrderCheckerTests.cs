using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Consuming;

public sealed class KeyOrderCheckerTests
{
    private static KeyOrderChecker CreateSut() => new();

    [Fact]
    public void Observe_InOrderPerKeyAcrossInterleavedKeysAndPartitions_Holds()
    {
        var sut = CreateSut();

        sut.Observe("t", 0, "1", 0).Should().BeTrue();
        sut.Observe("t", 0, "2", 1).Should().BeTrue();
        sut.Observe("t", 1, "1", 0).Should().BeTrue();
        sut.Observe("t", 0, "1", 5).Should().BeTrue();
        sut.Observe("t", 1, "1", 3).Should().BeTrue();
        sut.Observe("u", 0, "1", 0).Should().BeTrue();

        sut.Held.Should().BeTrue();
        sut.Observed.Should().Be(6);
        sut.Violations.Should().BeEmpty();
        sut.CountsByKey().Should().BeEquivalentTo(new Dictionary<string, long> { ["1"] = 5, ["2"] = 1 });
    }

    [Fact]
    public void Observe_OffsetGoingBackForAKey_IsAViolationNamingBothOffsets()
    {
        var sut = CreateSut();
        sut.Observe("t", 2, "3", 10);

        var inOrder = sut.Observe("t", 2, "3", 7);

        inOrder.Should().BeFalse();
        sut.Held.Should().BeFalse();
        sut.ViolationCount.Should().Be(1);
        sut.Violations.Should().ContainSingle().Which.Should().Be(new KeyOrderViolation("t", 2, "3", 10, 7));
        sut.Violations[0].ToString().Should().Be("key '3' in t [2]: offset 7 came after 10");
    }

    [Fact]
    public void Observe_SameOffsetTwice_IsAViolation()
    {
        var sut = CreateSut();
        sut.Observe("t", 0, "1", 4);

        sut.Observe("t", 0, "1", 4).Should().BeFalse();
    }

    [Fact]
    public void Observe_AfterAViolation_ComparesWithTheHighestOffsetSeen()
    {
        var sut = CreateSut();
        sut.Observe("t", 0, "1", 10);
        sut.Observe("t", 0, "1", 3);

        sut.Observe("t", 0, "1", 8).Should().BeFalse();
        sut.Observe("t", 0, "1", 11).Should().BeTrue();
        sut.ViolationCount.Should().Be(2);
    }

    [Fact]
    public void Observe_NullKeys_AreTrackedUnderTheNullLabel()
    {
        var sut = CreateSut();
        sut.Observe("t", 0, null, 1);

        sut.Observe("t", 0, null, 0).Should().BeFalse();
        sut.CountsByKey().Should().ContainKey(KeyOrderChecker.NullKeyLabel).WhoseValue.Should().Be(2);
    }

    [Fact]
    public void Observe_ManyViolations_KeepsOnlyTheFirstHundredButCountsAll()
    {
        var sut = CreateSut();
        sut.Observe("t", 0, "1", 1_000);
        for (var i = 0; i < 150; i++)
        {
            sut.Observe("t", 0, "1", i);
        }

        sut.ViolationCount.Should().Be(150);
        sut.Violations.Should().HaveCount(KeyOrderChecker.MaxViolationsKept);
    }
}
