namespace Breadcrumb.Kafka.Samples.Tests.Invariants;

public sealed class OffsetRangesTests
{
    [Fact]
    public void From_ScatteredIdsWithDuplicates_MergesIntoSortedRanges()
    {
        var sut = OffsetRanges.From([(1, 5), (0, 2), (0, 0), (0, 1), (1, 6), (0, 1), (1, 9)]);

        sut.Should().Equal(new OffsetRange(0, 0, 2), new OffsetRange(1, 5, 6), new OffsetRange(1, 9, 9));
        OffsetRanges.Count(sut).Should().Be(6);
    }

    [Fact]
    public void Except_HoleInTheMiddle_LeavesTheHole()
    {
        var sut = OffsetRanges.Except([new OffsetRange(0, 0, 99), new OffsetRange(2, 0, 9)], [new OffsetRange(0, 0, 9), new OffsetRange(0, 20, 99)]);

        sut.Should().Equal(new OffsetRange(0, 10, 19), new OffsetRange(2, 0, 9));
    }
}
