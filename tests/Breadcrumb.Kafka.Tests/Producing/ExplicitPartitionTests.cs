using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Producing;

public sealed class ExplicitPartitionTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("0", 0)]
    public void FromKey_NumericKey_IsThePartition(string key, int expected) =>
        ExplicitPartition.FromKey.PartitionFor(key).Should().Be(expected);

    [Theory]
    [InlineData("producer0")]
    [InlineData("-1")]
    [InlineData(null)]
    public void FromKey_NonNumericKey_SaysWhichKeyAndWhatToUse(string? key)
    {
        var act = () => ExplicitPartition.FromKey.PartitionFor(key);

        act.Should().Throw<ArgumentException>()
            .WithMessage("ExplicitPartition.FromKey needs keys that are whole numbers from 0 up*use a numeric KeyStrategy such as KeyStrategy.Random1To5().*");
    }

    [Fact]
    public void Fixed_IgnoresTheKey() => ExplicitPartition.Fixed(3).PartitionFor("anything").Should().Be(3);

    [Fact]
    public void Fixed_Negative_Throws()
    {
        var act = () => ExplicitPartition.Fixed(-1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Custom_NegativeResult_SaysPartitionsStartAtZero()
    {
        var sut = ExplicitPartition.Custom(_ => -2);

        var act = () => sut.PartitionFor("k");

        act.Should().Throw<ArgumentException>().WithMessage("ExplicitPartition.Custom returned partition -2 for key 'k'; partitions are numbered from 0.*");
    }
}
