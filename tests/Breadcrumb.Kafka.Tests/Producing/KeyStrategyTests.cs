using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class KeyStrategyTests
{
    private static readonly BreadcrumbRecord Record = new() { VehicleId = "1776" };

    [Fact]
    public void Random1To5_SameSeed_SameKeys()
    {
        var first = Keys(KeyStrategy.Random1To5(seed: 42), 1000);
        var second = Keys(KeyStrategy.Random1To5(seed: 42), 1000);

        second.Should().Equal(first);
    }

    [Fact]
    public void Random1To5_OtherSeed_OtherKeys()
    {
        var first = Keys(KeyStrategy.Random1To5(seed: 42), 1000);
        var second = Keys(KeyStrategy.Random1To5(seed: 43), 1000);

        second.Should().NotEqual(first);
    }

    [Fact]
    public void Random1To5_TenThousandRecords_RoughlyEvenOverOneToFive()
    {
        var counts = Keys(KeyStrategy.Random1To5(seed: 7), 10_000).CountBy(k => k ?? "(none)").ToDictionary();

        counts.Keys.Should().BeEquivalentTo(["1", "2", "3", "4", "5"]);
        counts.Values.Should().AllSatisfy(c => c.Should().BeInRange(1800, 2200), "each key should get about 2,000 of 10,000");
    }

    [Fact]
    public void Random1To5_ForARecordPosition_DoesNotDependOnEarlierCalls()
    {
        var sut = KeyStrategy.Random1To5(seed: 5);
        var inOrder = Keys(sut, 100);

        var backwards = Enumerable.Range(0, 100).Reverse().Select(i => sut.KeyFor(new KeyContext(Record, i, "p"))).Reverse();

        backwards.Should().Equal(inOrder);
    }

    [Fact]
    public void RandomNumber_EmptyRange_NamesBothEnds()
    {
        var act = () => KeyStrategy.RandomNumber(5, 1);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("KeyStrategy.RandomNumber: maxInclusive must be at least minInclusive 5 (was 1).*");
    }

    [Fact]
    public void None_GivesNoKey() => KeyStrategy.None.KeyFor(new KeyContext(Record, 0, "producer0")).Should().BeNull();

    [Fact]
    public void Constant_GivesTheSameKeyForEveryRecord() =>
        Keys(KeyStrategy.Constant("bus"), 10).Should().AllBe("bus");

    [Fact]
    public void Constant_Empty_Throws()
    {
        var act = () => KeyStrategy.Constant(string.Empty);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("producer0")]
    [InlineData("producer2")]
    public void ProducerName_GivesTheProducersName(string name) =>
        KeyStrategy.ProducerName.KeyFor(new KeyContext(Record, 3, name)).Should().Be(name);

    [Fact]
    public void Custom_SeesRecordIndexAndName()
    {
        var sut = KeyStrategy.Custom(c => $"{c.ProducerName}/{c.Index}/{c.Record.VehicleId}");

        sut.KeyFor(new KeyContext(Record, 12, "producer1")).Should().Be("producer1/12/1776");
    }

    private static List<string?> Keys(KeyStrategy strategy, int count) =>
        [.. Enumerable.Range(0, count).Select(i => strategy.KeyFor(new KeyContext(Record, i, "producer0")))];
}
